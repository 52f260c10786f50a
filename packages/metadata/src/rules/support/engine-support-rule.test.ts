import { describe, expect, it } from 'vitest'
import { schemaFor } from '@objectos/schemas'
import { rules } from '../check-rules.js'
import { objectFindings, runRule } from '../fields/testing/run-field-rule.js'
import { lines } from '../testing/parsed-app.js'
import { engineSupportRule } from './engine-support-rule.js'
import { honouredObjectKeys, honouredSharingModels } from './honoured-keys.js'
import { supportedFieldTypes } from './supported-field-types.js'

const check = (object: string) => objectFindings(engineSupportRule, object)
const found = (object: string) => runRule(engineSupportRule, { 'objects/item.object.yaml': object })

interface PropertiesNode {
  readonly properties: Record<string, { readonly enum?: readonly string[] }>
}
const objectSchema = schemaFor('object') as PropertiesNode & {
  readonly properties: { readonly fields: { readonly additionalProperties: PropertiesNode } }
}
const fieldProperties = objectSchema.properties.fields.additionalProperties.properties
const specTypes = fieldProperties.type?.enum ?? []

describe('engine support: field types', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(engineSupportRule)
  })

  it('lists only types the spec defines', () => {
    expect(specTypes.length).toBeGreaterThan(supportedFieldTypes.length)
    expect(supportedFieldTypes.filter((type) => !specTypes.includes(type))).toEqual([])
  })

  it('accepts every supported type', () => {
    const fields = supportedFieldTypes.map((type) => `  f_${type}: { type: ${type} }`)
    expect(check(lines('name: item', 'fields:', ...fields))).toEqual([])
  })

  it('refuses every other type the spec lists, at the type, naming it', () => {
    const unsupported = specTypes.filter((type) => !supportedFieldTypes.includes(type as never))
    expect(unsupported).toEqual(
      expect.arrayContaining(['password', 'user', 'tree', 'file', 'address', 'vector']),
    )
    const fields = unsupported.map((type) => `  f_${type}: { type: ${type} }`)
    const diagnostics = found(lines('name: item', 'fields:', ...fields))
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(
      unsupported.map(
        (type, i) => `${i + 3}:${`  f_${type}: { type: `.length + 1} OOS_SUPPORT_FIELD_TYPE`,
      ),
    )
    expect(diagnostics[0]?.message).toBe(
      `field type "${unsupported[0]}" is not supported by this version of ObjectOS (field "f_${unsupported[0]}")`,
    )
  })

  it('says it cannot store the type yet, what to use instead, and what is supported', () => {
    const [progress] = found(lines('name: item', 'fields:', '  done: { type: progress }'))
    expect(progress?.hint).toBe(
      `this version of ObjectOS cannot store it yet — use a percent field. Supported types: ${supportedFieldTypes.join(', ')}`,
    )
  })

  it('judges no keys of a field whose type it refuses', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  who: { type: user, multiple: true, trackHistory: true }',
    )
    expect(check(item)).toEqual(['3:16 OOS_SUPPORT_FIELD_TYPE'])
  })
})

describe('engine support: objects, indexes and validation rules', () => {
  it('sorts every top-level key the spec allows on an object into honoured or refused', () => {
    const known = new Set<string>(honouredObjectKeys)
    const refused = Object.keys(objectSchema.properties).filter((key) => !known.has(key))
    expect(refused.sort()).toEqual(
      [
        'isSystem',
        'managedBy',
        'ownership',
        'userActions',
        'systemFields',
        'datasource',
        'external',
        'tenancy',
        'access',
        'requiredPermissions',
        'lifecycle',
        'fileAccessDelegate',
        'activityMilestones',
        'editMode',
        'enable',
        'externalSharingModel',
        'publicSharing',
        'actions',
        'protection',
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

  it('refuses object keys the engine would ignore, at the key, and accepts false', () => {
    const item = lines(
      'name: item',
      'label: Item',
      'isSystem: false',
      'externalSharingModel: private', // 4:1
      'enable: { apiEnabled: false }', // 5:1
      'titleFormat: "{title}"',
      'fields:',
      '  title: { type: text }',
    )
    const diagnostics = found(item)
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      '4:1 OOS_SUPPORT_OBJECT_KEY "externalSharingModel" on object "item" is not supported by this version of ObjectOS',
      '5:1 OOS_SUPPORT_OBJECT_KEY "enable" on object "item" is not supported by this version of ObjectOS',
    ])
    expect(diagnostics[0]?.hint).toBe(
      'external (portal) users are not built yet; "sharingModel" sets the default for every user',
    )
  })

  it('accepts the sharing models the access layer enforces', () => {
    for (const model of honouredSharingModels) {
      expect(check(lines('name: item', `sharingModel: ${model}`, 'fields: {}'))).toEqual([])
    }
  })

  it('refuses sharingModel: controlled_by_parent at the value, naming what works', () => {
    const item = lines('name: item', 'sharingModel: controlled_by_parent', 'fields: {}')
    const [diagnostic, ...rest] = found(item)
    expect(rest).toEqual([])
    expect(diagnostic).toMatchObject({
      code: 'OOS_SUPPORT_OBJECT_KEY',
      line: 2,
      column: 15,
      message:
        '"sharingModel: controlled_by_parent" on object "item" is not supported by this version of ObjectOS',
      hint: 'records do not inherit access from a master record yet; use "private", "public_read" or "public_read_write"',
    })
  })

  it('accepts index names, fields and unique, and refuses anything else', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  title: { type: text }',
      'indexes:',
      '  - { name: by_title, fields: [title], unique: true }',
      '  - { fields: [title], unique: global }',
      '  - { fields: [title], where: "title > 1" }', // 7:24
      '  - { name: org, fields: [title], unique: organization }', // 8:43
    )
    const diagnostics = found(item)
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      '7:24 OOS_SUPPORT_INDEX_KEY "where" on index #3 is not supported by this version of ObjectOS',
      '8:43 OOS_SUPPORT_UNIQUE_SCOPE unique scope "organization" on index "org" is not supported by this version of ObjectOS',
    ])
  })

  it('runs every validation rule type and refuses only package-lock keys, also when nested', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  title: { type: text }',
      'validations:',
      '  - { name: a, type: script, condition: "true", message: m, events: [insert, update] }',
      '  - { name: b, type: format, field: title, format: email, message: m, _lock: true }', // 6:71
      '  - name: c',
      '    type: conditional',
      '    when: "true"',
      '    message: m',
      '    then: { name: d, type: script, condition: "true", message: m, _provenance: x }', // 11:67
    )
    expect(check(item)).toEqual([
      '6:71 OOS_SUPPORT_VALIDATION_KEY',
      '11:67 OOS_SUPPORT_VALIDATION_KEY',
    ])
  })

  it('refuses warning and info severities, which nothing would show', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  title: { type: text }',
      'validations:',
      '  - { name: a, type: script, condition: "true", message: m, severity: warning }', // 5:71
      '  - { name: b, type: script, condition: "true", message: m, severity: error }',
    )
    expect(found(item).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '5:71 "severity: warning" on validation rule "a" is not supported by this version of ObjectOS',
    ])
  })

  it('refuses dynamic currencies, which would store amounts without their currency', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  price: { type: currency, currencyConfig: { currencyMode: dynamic } }', // 3:46
      '  cost: { type: currency, currencyConfig: { currencyMode: fixed, defaultCurrency: EUR } }',
    )
    expect(check(item)).toEqual(['3:46 OOS_SUPPORT_FIELD_KEY'])
  })

  it('refuses stored formulas that read the clock or the current user', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  due: { type: date }',
      '  late: { type: formula, returnType: boolean, expression: "record.due < today()" }',
      '  mine: { type: formula, returnType: boolean, expression: "record.owner_id == current_user.id" }',
      "  label: { type: formula, returnType: text, expression: \"'now() ' + 'user'\" }",
      '  os: { type: text }',
      '  platform: { type: formula, returnType: text, expression: "record.os" }',
    )
    expect(found(item).map((d) => `${d.line} ${d.message}`)).toEqual([
      '4 "expression reading today()" on field "late" is not supported by this version of ObjectOS',
      '5 "expression reading current_user" on field "mine" is not supported by this version of ObjectOS',
    ])
  })

  it('ignores documents that are not objects', () => {
    const diagnostics = runRule(engineSupportRule, {
      'views/item.view.yaml': lines('name: item', 'object: item', 'sharingModel: private'),
    })
    expect(diagnostics).toEqual([])
  })
})
