import { describe, expect, it } from 'vitest'
import { rules } from '../check-rules.js'
import { lines } from '../testing/parsed-app.js'
import { fieldContradictionsRule } from './field-contradictions-rule.js'
import { objectFindings, runRule } from './testing/run-field-rule.js'

const check = (object: string) => objectFindings(fieldContradictionsRule, object)

describe('field contradictions', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(fieldContradictionsRule)
  })

  it('accepts declarations the engine can honour', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  code: { type: text, required: true, storage: { notNull: true } }',
      '  note: { type: text, requiredWhen: "record.code != \'\'", storage: { notNull: false } }',
      '  master: { type: master_detail, reference: item, deleteBehavior: restrict }',
      '  account: { type: lookup, reference: item, deleteBehavior: set_null }',
      '  parent: { type: tree, reference: item }',
      '  root: { type: tree }',
    )
    expect(check(item)).toEqual([])
  })

  it('reports storage.notNull with requiredWhen at notNull', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  code:',
      '    type: text',
      '    requiredWhen: record.kind == "a"',
      '    storage:',
      '      notNull: true', // 7:7
    )
    const found = runRule(fieldContradictionsRule, { 'objects/item.object.yaml': item })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      code: 'OOS_FIELD_CONFLICTING_KEYS',
      line: 7,
      column: 7,
      path: ['fields', 'code', 'storage', 'notNull'],
      message: '"storage.notNull" cannot be combined with "requiredWhen"',
    })
  })

  it('reports set_null on a master-detail field at its value', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  order:',
      '    type: master_detail',
      '    reference: item',
      '    deleteBehavior: set_null', // 6:21
    )
    const found = runRule(fieldContradictionsRule, { 'objects/item.object.yaml': item })
    expect(found.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      '6:21 OOS_FIELD_DELETE_BEHAVIOR',
    ])
    expect(found[0]?.message).toBe(
      'deleteBehavior "set_null" is not possible on a master_detail field',
    )
    expect(found[0]?.hint).toContain('restrict')
  })

  it('reports a tree field that references another object', () => {
    const found = runRule(fieldContradictionsRule, {
      'objects/account.object.yaml': lines('name: account', 'fields: {}'),
      'objects/item.object.yaml': lines(
        'name: item',
        'fields:',
        '  parent: { type: tree, reference: account }', // 3:36
      ),
    })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      code: 'OOS_FIELD_TREE_REFERENCE',
      file: 'objects/item.object.yaml',
      line: 3,
      column: 36,
      message: 'tree field "parent" of object "item" references "account", not its own object',
    })
  })
})
