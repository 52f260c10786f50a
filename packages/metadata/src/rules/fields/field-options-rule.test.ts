import { describe, expect, it } from 'vitest'
import { rules } from '../check-rules.js'
import { lines } from '../testing/parsed-app.js'
import { fieldOptionsRule } from './field-options-rule.js'
import { objectFindings, runRule } from './testing/run-field-rule.js'

const check = (object: string) => objectFindings(fieldOptionsRule, object)

describe('field options', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(fieldOptionsRule)
  })

  it('accepts distinct values with one default, and several defaults on a multi-value field', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  status:',
      '    type: select',
      '    options:',
      '      - { label: New, value: new, default: true }',
      '      - { label: Done, value: done, default: false }',
      '  days:',
      '    type: multiselect',
      '    options:',
      '      - { label: Monday, value: mon, default: true }',
      '      - { label: Tuesday, value: tue, default: true }',
    )
    expect(check(item)).toEqual([])
  })

  it('reports a repeated option value at the later one', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  status:',
      '    type: select',
      '    options:',
      '      - { label: New, value: new }',
      '      - { label: Fresh, value: new }', // 7:32
    )
    expect(check(item)).toEqual(['7:32 OOS_FIELD_DUPLICATE_OPTION'])
  })

  it('reports a second default on a single-choice field at its default key', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  status:',
      '    type: radio',
      '    options:',
      '      - { label: New, value: new, default: true }',
      '      - { label: Open, value: open }',
      '      - { label: Done, value: done, default: true }', // 8:46
    )
    const found = runRule(fieldOptionsRule, { 'objects/item.object.yaml': item })
    expect(found.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      '8:46 OOS_FIELD_MULTIPLE_DEFAULTS',
    ])
    expect(found[0]?.message).toBe(
      'field "status" holds one value but marks both "new" and "done" as default',
    )
  })
})
