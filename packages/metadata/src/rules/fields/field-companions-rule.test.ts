import { describe, expect, it } from 'vitest'
import { rules } from '../check-rules.js'
import { lines } from '../testing/parsed-app.js'
import { fieldCompanionsRule } from './field-companions-rule.js'
import { objectFindings, runRule } from './testing/run-field-rule.js'

const check = (object: string) => objectFindings(fieldCompanionsRule, object)

describe('field companions', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(fieldCompanionsRule)
  })

  it('accepts fields that declare what their type needs', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  owner: { type: lookup, reference: item }',
      '  parent: { type: master_detail, reference: item }',
      '  total: { type: formula, expression: record.price * 2 }',
      '  env: { type: formula, expression: { dialect: cel, source: "1 + 1" } }',
      '  count: { type: summary, summaryOperations: { object: item, field: x, function: count } }',
      '  status: { type: select, options: [{ label: New, value: new }] }',
      '  labels: { type: tags }',
    )
    expect(check(item)).toEqual([])
  })

  it('reports a lookup without reference at its type, suggesting the object it is named for', () => {
    const found = runRule(fieldCompanionsRule, {
      'objects/account.object.yaml': lines('name: account', 'fields: {}'),
      'objects/deal.object.yaml': lines(
        'name: deal',
        'fields:',
        '  account:',
        '    type: lookup', // 4
        '    label: Account',
      ),
    })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      code: 'OOS_FIELD_MISSING_KEY',
      file: 'objects/deal.object.yaml',
      line: 4,
      column: 11,
      path: ['fields', 'account', 'type'],
      message: 'lookup field "account" has no reference',
      hint: 'add "reference: account"',
    })
  })

  it('reports a blank reference where it is written', () => {
    const item = lines('name: item', 'fields:', "  parent: { type: master_detail, reference: ' ' }")
    expect(check(item)).toEqual(['3:45 OOS_FIELD_MISSING_KEY'])
  })

  it('reports formulas without expression, summaries without operations, selects without options', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  total: { type: formula, returnType: number }', // 3:18
      '  env: { type: formula, expression: { dialect: cel } }', // 4:37
      '  count: { type: summary }', // 5:18
      '  status: { type: select }', // 6:19
      '  tags: { type: multiselect, options: [] }', // 7:39
      '  choice: { type: radio }', // 8:19
      '  boxes: { type: checkboxes }', // 9:18
    )
    expect(check(item)).toEqual([
      '3:18 OOS_FIELD_MISSING_KEY',
      '4:37 OOS_FIELD_MISSING_KEY',
      '5:18 OOS_FIELD_MISSING_KEY',
      '6:19 OOS_FIELD_MISSING_KEY',
      '7:39 OOS_FIELD_MISSING_KEY',
      '8:19 OOS_FIELD_MISSING_KEY',
      '9:18 OOS_FIELD_MISSING_KEY',
    ])
  })

  it('says which key is missing and how to add it', () => {
    const found = runRule(fieldCompanionsRule, {
      'objects/item.object.yaml': lines('name: item', 'fields:', '  status: { type: select }'),
    })
    expect(found[0]).toMatchObject({
      message: 'select field "status" has no options',
      hint: 'add "options:" with at least one { label, value }',
    })
  })

  it('checks lookup parameters of actions, unless they are bound to a field', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  owner: { type: lookup, reference: item }',
      'actions:',
      '  - name: reassign',
      '    label: Reassign',
      '    type: script',
      '    params:',
      '      - { name: to, label: To, type: lookup }', // 9:38
      '      - { field: owner }',
    )
    expect(check(item)).toEqual(['9:38 OOS_FIELD_MISSING_KEY'])
  })
})
