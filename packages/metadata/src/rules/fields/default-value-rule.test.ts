import { describe, expect, it } from 'vitest'
import { rules } from '../check-rules.js'
import { lines } from '../testing/parsed-app.js'
import { defaultValueRule } from './default-value-rule.js'
import { objectFindings, runRule } from './testing/run-field-rule.js'

const check = (object: string) => objectFindings(defaultValueRule, object)
const findings = (object: string) =>
  runRule(defaultValueRule, { 'objects/item.object.yaml': object })

const status = [
  '  status:',
  '    type: select',
  '    options:',
  '      - { label: New, value: new }',
  '      - { label: Working, value: working }',
]

describe('default values', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(defaultValueRule)
  })

  it('accepts literals the field can store, runtime tokens where they fit, and CEL envelopes', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  qty: { type: number, min: 1, defaultValue: 1 }',
      '  active: { type: boolean, defaultValue: false }',
      '  title: { type: text, maxLength: 5, defaultValue: "now" }',
      '  due: { type: date, defaultValue: 2026-01-31 }',
      '  at: { type: datetime, defaultValue: NOW() }',
      '  alarm: { type: time, defaultValue: "09:30" }',
      '  owner: { type: user, defaultValue: current_user }',
      '  by: { type: lookup, reference: sys_user, defaultValue: current_user }',
      '  starts: { type: date, defaultValue: { dialect: cel, source: "today()" } }',
      '  days: { type: multiselect, options: [{ label: Mon, value: mon }], defaultValue: [mon] }',
      ...status,
      '    defaultValue: working',
    )
    expect(check(item)).toEqual([])
  })

  it('reports a literal of the wrong type at the value', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  qty: { type: number, defaultValue: abc }', // 3:38
      '  active: { type: boolean, defaultValue: "yes" }', // 4:42
      '  due: { type: date, defaultValue: 31.01.2026 }', // 5:36
      '  at: { type: datetime, defaultValue: "2026-01-31T10:00:00" }', // 6:39
    )
    expect(check(item)).toEqual([
      '3:38 OOS_FIELD_DEFAULT_VALUE',
      '4:42 OOS_FIELD_DEFAULT_VALUE',
      '5:36 OOS_FIELD_DEFAULT_VALUE',
      '6:39 OOS_FIELD_DEFAULT_VALUE',
    ])
    expect(findings(item)[0]?.message).toBe(
      'default value of number field "qty" is "abc", not a number',
    )
  })

  it('reports a value that is not an option, with the closest option as a hint', () => {
    const item = lines('name: item', 'fields:', ...status, '    defaultValue: wroking') // 8:19
    const found = findings(item)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      code: 'OOS_FIELD_UNKNOWN_OPTION',
      line: 8,
      column: 19,
      path: ['fields', 'status', 'defaultValue'],
      message: '"wroking" is not an option of field "status" of object "item"',
      hint: 'did you mean "working"?',
    })
  })

  it('points at the label used in place of the value', () => {
    const item = lines('name: item', 'fields:', ...status, '    defaultValue: Working')
    expect(findings(item)[0]?.hint).toBe(
      '"Working" is the label of option "working"; filters and defaults use the value',
    )
  })

  it('checks each item of a multi-value default, and wants a list there', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  days:',
      '    type: multiselect',
      '    options: [{ label: Mon, value: mon }, { label: Tue, value: tue }]',
      '    defaultValue: [mon, tues]', // 6:25
      '  more: { type: multiselect, options: [{ label: Mon, value: mon }], defaultValue: mon }', // 7:83
    )
    expect(check(item)).toEqual(['6:25 OOS_FIELD_UNKNOWN_OPTION', '7:83 OOS_FIELD_DEFAULT_VALUE'])
  })

  it('reports runtime tokens on types that cannot hold them, and suggests near-miss tokens', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  qty: { type: number, defaultValue: NOW() }', // 3:38
      '  ref: { type: lookup, reference: item, defaultValue: current_user }', // 4:55
      '  at: { type: datetime, defaultValue: now }', // 5:39
    )
    expect(check(item)).toEqual([
      '3:38 OOS_FIELD_DEFAULT_VALUE',
      '4:55 OOS_FIELD_DEFAULT_VALUE',
      '5:39 OOS_FIELD_DEFAULT_VALUE',
    ])
    expect(findings(item)[2]?.hint).toBe('did you mean the runtime token "NOW()"?')
  })

  it("reports a default outside the field's own bounds", () => {
    const item = lines(
      'name: item',
      'fields:',
      '  qty: { type: number, min: 1, max: 10, defaultValue: 0 }', // 3:55
      '  code: { type: text, maxLength: 3, defaultValue: ABCD }', // 4:51
    )
    expect(check(item)).toEqual(['3:55 OOS_FIELD_DEFAULT_VALUE', '4:51 OOS_FIELD_DEFAULT_VALUE'])
    expect(findings(item)[0]?.message).toBe('default value of number field "qty" is 0, below min 1')
  })
})
