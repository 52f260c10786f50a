/** The field checks of the engine-support rule: keys honoured, refused, and unique scopes. */
import { describe, expect, it } from 'vitest'
import { schemaFor } from '@objectos/schemas'
import { objectFindings, runRule } from '../fields/testing/run-field-rule.js'
import { lines } from '../testing/parsed-app.js'
import { engineSupportRule } from './engine-support-rule.js'
import { engineFieldKeys, presentationalFieldKeys } from './honoured-keys.js'

const check = (object: string) => objectFindings(engineSupportRule, object)
const found = (object: string) => runRule(engineSupportRule, { 'objects/item.object.yaml': object })

interface PropertiesNode {
  readonly properties: Record<string, { readonly enum?: readonly string[] }>
}
const objectSchema = schemaFor('object') as PropertiesNode & {
  readonly properties: { readonly fields: { readonly additionalProperties: PropertiesNode } }
}
const fieldProperties = objectSchema.properties.fields.additionalProperties.properties

describe('engine support: field keys', () => {
  it('sorts every key the spec allows on a field into honoured, presentational or refused', () => {
    const known = new Set<string>([...engineFieldKeys, ...presentationalFieldKeys])
    const refused = Object.keys(fieldProperties).filter((key) => !known.has(key))
    expect(refused.sort()).toEqual(
      [
        'format',
        'storage',
        'multiple',
        'valueDomain',
        'accept',
        'maxSize',
        'referenceVia',
        'inlineAmountField',
        'relatedListFilter',
        'lookupPageSize',
        'lookupFilters',
        'dependsOn',
        'allowCreate',
        'dimensions',
        'visibleWhen',
        'readonlyWhen',
        'requiredWhen',
        'conditionalRequired',
        'internal',
        'requiredPermissions',
        'maskingRule',
        'ackPlaintextMasking',
        'system',
        'externalId',
        '_lock',
        '_lockReason',
        '_lockSource',
        '_provenance',
        '_packageId',
        '_packageVersion',
        '_lockDocsUrl',
      ].sort(),
    )
  })

  it('accepts the keys the engine honours and the ones the generated UI reads', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  title: { type: text, label: T, description: d, required: true, unique: true, maxLength: 9 }',
      '  code: { type: text, minLength: 2, readonly: true, searchable: true, renamedFrom: ref }',
      '  amount: { type: currency, min: 0, max: 9, precision: 9, scale: 2, defaultValue: 1 }',
      '  price: { type: currency, currencyConfig: { precision: 2 }, step: 0.5, useGrouping: true }',
      '  notes: { type: textarea, rows: 4, placeholder: p, inlineHelpText: h, group: g }',
      '  owner: { type: lookup, reference: item, deleteBehavior: restrict, displayField: title }',
      '  total: { type: formula, expression: "1", returnType: number, hidden: true }',
      '  number: { type: autonumber, autonumberFormat: "{0000}", unique: global, sortable: true }',
      '  script: { type: code, language: sql, widget: editor, trackHistory: true }',
    )
    expect(check(item)).toEqual([])
  })

  it('refuses a key the engine would ignore, at the key, saying why', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  title:',
      '    type: text',
      '    externalId: true', // 5:5
      '    requiredWhen: record.title == ""', // 6:5
      '    _lock: true', // 7:5
    )
    const diagnostics = found(item)
    expect(diagnostics.map((d) => [`${d.line}:${d.column}`, d.code, d.message, d.hint])).toEqual([
      [
        '5:5',
        'OOS_SUPPORT_FIELD_KEY',
        '"externalId" on field "title" is not supported by this version of ObjectOS',
        'upsert by external id is not built yet; "unique: true" keeps the values unique',
      ],
      [
        '6:5',
        'OOS_SUPPORT_FIELD_KEY',
        '"requiredWhen" on field "title" is not supported by this version of ObjectOS',
        'conditional requirements are not enforced yet; write a validation rule instead',
      ],
      [
        '7:5',
        'OOS_SUPPORT_FIELD_KEY',
        '"_lock" on field "title" is not supported by this version of ObjectOS',
        'package locks and provenance come from ObjectStack package installs, which ObjectOS does not do; remove it',
      ],
    ])
  })

  it('accepts a refused key that declares nothing (false, null, empty)', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  title: { type: text, internal: false, externalId: false, lookupFilters: [] }',
      '  kind: { type: select, multiple: false, options: [{ label: A, value: aa }] }',
    )
    expect(check(item)).toEqual([])
  })

  it('leaves keys that do not apply to the type to the key-scope rule', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  count: { type: number, multiple: true, valueDomain: x }', // key-scope reports both
      '  tags: { type: multiselect, multiple: true, options: [{ label: A, value: aa }] }', // a list anyway
      '  kind: { type: select, multiple: true, options: [{ label: A, value: aa }] }', // 5:25
      '  zone: { type: text, valueDomain: iana_time_zone }', // 6:23
    )
    expect(check(item)).toEqual(['5:25 OOS_SUPPORT_FIELD_KEY', '6:23 OOS_SUPPORT_FIELD_KEY'])
  })

  it('refuses a summary filter and per-option visibility, which the engine does not apply', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  total:',
      '    type: summary',
      '    summaryOperations: { object: item, field: total, function: sum, filter: { a: 1 } }', // 5:69
      '  kind:',
      '    type: select',
      '    options:',
      '      - { label: A, value: aa }',
      '      - { label: B, value: bb, visibleWhen: "true" }', // 10:32
    )
    const diagnostics = found(item)
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '5:69 "summaryOperations.filter" on field "total" is not supported by this version of ObjectOS',
      '10:32 "options[1].visibleWhen" on field "kind" is not supported by this version of ObjectOS',
    ])
    expect(diagnostics[0]?.hint).toContain('the summary would include every child record')
  })

  it('refuses unique: organization on a field, at the value, explaining why', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  code: { type: text, unique: organization }', // 3:31
      '  key: { type: text, unique: global }',
      '  other: { type: text, unique: false }',
    )
    const [diagnostic, ...rest] = found(item)
    expect(rest).toEqual([])
    expect(diagnostic).toMatchObject({
      code: 'OOS_SUPPORT_UNIQUE_SCOPE',
      line: 3,
      column: 31,
      message:
        'unique scope "organization" on field "code" is not supported by this version of ObjectOS',
    })
    expect(diagnostic?.hint).toContain('ObjectOS has no organizations yet')
  })
})
