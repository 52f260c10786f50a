import { describe, expect, it } from 'vitest'
import { rules } from '../check-rules.js'
import { lines } from '../testing/parsed-app.js'
import { fieldKeyScopeRule } from './field-key-scope-rule.js'
import { objectFindings, runRule } from './testing/run-field-rule.js'

const check = (object: string) => objectFindings(fieldKeyScopeRule, object)

describe('field key scope', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(fieldKeyScopeRule)
  })

  it('accepts keys on the types they belong to', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  title: { type: text, maxLength: 80, minLength: 2, valueDomain: iana_time_zone }',
      '  notes: { type: textarea, rows: 4 }',
      '  record_id: { type: text, referenceVia: object_name }',
      '  object_name: { type: text }',
      '  owner: { type: lookup, reference: item, multiple: true }',
      '  assignee: { type: user, reference: sys_user }',
      '  total: { type: formula, expression: "1", returnType: number }',
      '  number: { type: autonumber, autonumberFormat: "{0000}" }',
      '  price: { type: currency, currencyConfig: { currencyMode: dynamic } }',
      '  labels: { type: tags, options: [{ label: A, value: aa }] }',
      '  choice: { type: radio, multiple: false, options: [{ label: A, value: aa }] }',
    )
    expect(check(item)).toEqual([])
  })

  it('reports the spec-refused keys at the key, with the types they apply to', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  count: { type: number, maxLength: 4 }', // 3:26
      '  flag: { type: boolean, minLength: 1 }', // 4:26
      '  zone: { type: select, valueDomain: iana_time_zone, options: [{ label: A, value: aa }] }', // 5:25
      '  title: { type: text, rows: 3 }', // 6:24
      '  parent: { type: lookup, reference: item, referenceVia: kind }', // 7:44
      '  choice: { type: radio, multiple: true, options: [{ label: A, value: aa }] }', // 8:26
    )
    expect(check(item)).toEqual([
      '3:26 OOS_FIELD_KEY_NOT_APPLICABLE',
      '4:26 OOS_FIELD_KEY_NOT_APPLICABLE',
      '5:25 OOS_FIELD_KEY_NOT_APPLICABLE',
      '6:24 OOS_FIELD_KEY_NOT_APPLICABLE',
      '7:44 OOS_FIELD_KEY_NOT_APPLICABLE',
      '8:26 OOS_FIELD_KEY_NOT_APPLICABLE',
    ])
  })

  it('says what the key does instead', () => {
    const found = runRule(fieldKeyScopeRule, {
      'objects/item.object.yaml': lines(
        'name: item',
        'fields:',
        '  count: { type: number, maxLength: 4 }',
        '  notes: { type: text, rows: 3 }',
        '  choice: { type: radio, multiple: true, options: [{ label: A, value: aa }] }',
      ),
    })
    expect(found.map((d) => [d.message, d.hint])).toEqual([
      ['"maxLength" does not apply to a number field', 'bound a number with "max"'],
      [
        '"rows" does not apply to a text field',
        'it applies to textarea, markdown, html and richtext fields; remove it',
      ],
      [
        '"multiple" does not apply to a radio field',
        'a radio group picks one value; use checkboxes or multiselect for several',
      ],
    ])
  })

  it('reports keys that belong to another family of types', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  total: { type: number, expression: record.a * 2 }', // 3:26
      '  code: { type: text, autonumberFormat: "A-{0000}", options: [] }', // 4:23, 4:53
      '  amount: { type: number, currencyConfig: { currencyMode: fixed } }', // 5:27
      '  rollup: { type: number, summaryOperations: { object: a, field: b, function: sum } }', // 6:27
      '  link: { type: text, reference: item }', // 7:23
      '  many: { type: text, multiple: true }', // 8:23
    )
    expect(check(item)).toEqual([
      '3:26 OOS_FIELD_KEY_NOT_APPLICABLE',
      '4:23 OOS_FIELD_KEY_NOT_APPLICABLE',
      '4:53 OOS_FIELD_KEY_NOT_APPLICABLE',
      '5:27 OOS_FIELD_KEY_NOT_APPLICABLE',
      '6:27 OOS_FIELD_KEY_NOT_APPLICABLE',
      '7:23 OOS_FIELD_KEY_NOT_APPLICABLE',
      '8:23 OOS_FIELD_KEY_NOT_APPLICABLE',
    ])
  })
})
