import { describe, expect, it } from 'vitest'
import { schemaFor } from '@objectos/schemas'
import { rules } from '../check-rules.js'
import { runRule } from '../fields/testing/run-field-rule.js'
import { lines } from '../testing/parsed-app.js'
import {
  honouredObjectPermissionKeys,
  honouredPermissionSetKeys,
  honouredRecordScopes,
  honouredRowPolicyKeys,
} from './honoured-keys.js'
import { permissionSupportRule } from './permission-support-rule.js'

const found = (set: string) =>
  runRule(permissionSupportRule, {
    'objects/account.object.yaml': lines('name: account', 'fields: {}'),
    'permissions/sales.permission.yaml': set,
  })
const check = (set: string) => found(set).map((d) => `${d.line}:${d.column} ${d.code}`)

interface Node {
  readonly properties: Record<string, { readonly not?: unknown }>
}
const permissionSchema = schemaFor('permission') as Node & {
  readonly properties: {
    readonly objects: { readonly additionalProperties: Node }
    readonly rowLevelSecurity: { readonly items: Node }
  }
}
const grantProperties = permissionSchema.properties.objects.additionalProperties.properties
const policyProperties = permissionSchema.properties.rowLevelSecurity.items.properties

describe('engine support: permission sets', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(permissionSupportRule)
  })

  it('sorts every top-level key the spec allows on a permission set into honoured or refused', () => {
    const known = new Set<string>(honouredPermissionSetKeys)
    const refused = Object.keys(permissionSchema.properties).filter((key) => !known.has(key))
    expect(refused.sort()).toEqual(
      [
        'systemPermissions',
        'tabPermissions',
        'adminScope',
        'protection',
        'packageId',
        'managedBy',
        '_lock',
        '_lockReason',
        '_lockSource',
        '_lockDocsUrl',
        '_provenance',
        '_packageId',
        '_packageVersion',
      ].sort(),
    )
  })

  it('honours every object grant key the spec allows but allowExport (removed keys are schema errors)', () => {
    const known = new Set<string>(honouredObjectPermissionKeys)
    const live = Object.keys(grantProperties).filter(
      (key) => grantProperties[key]?.not === undefined,
    )
    expect(live.filter((key) => !known.has(key))).toEqual(['allowExport'])
  })

  it('honours every row-level policy key the spec allows (priority is removed, a schema error)', () => {
    const live = Object.keys(policyProperties).filter(
      (key) => policyProperties[key]?.not === undefined,
    )
    expect(live.sort()).toEqual([...honouredRowPolicyKeys].sort())
    expect(policyProperties.priority?.not).toBeDefined()
  })

  it('accepts a set that uses every honoured key', () => {
    const set = lines(
      'name: sales',
      'label: Sales',
      'description: Works the pipeline',
      'objects:',
      '  account:',
      '    allowRead: true',
      '    allowCreate: true',
      '    allowEdit: true',
      '    allowDelete: true',
      '    allowTransfer: true',
      '    viewAllRecords: true',
      '    modifyAllRecords: true',
      '    readScope: org',
      '    writeScope: own_and_reports',
      '  contact: { allowRead: true, readScope: own, writeScope: own }',
      'fields:',
      '  account.name: { readable: true, editable: false }',
      'isDefault: true',
      'rowLevelSecurity:',
      '  - name: own_accounts',
      '    label: Own accounts',
      '    description: Reps see the accounts they own',
      '    object: account',
      '    operation: all',
      '    using: owner_id == current_user.id',
      '    check: owner_id == current_user.id',
      '    positions: [sales_rep]',
      '    enabled: true',
      '    tags: [sales]',
    )
    expect(check(set)).toEqual([])
  })

  it('accepts isDefault and rowLevelSecurity, which the access layer enforces', () => {
    const set = lines(
      'name: everyone_reads',
      'isDefault: true',
      'objects:',
      '  account: { allowRead: true }',
      'rowLevelSecurity:',
      '  - { name: own, object: account, operation: select, using: "owner_id == current_user.id" }',
    )
    expect(check(set)).toEqual([])
  })

  it('refuses a policy that narrows no row: select, update or delete without using', () => {
    const set = lines(
      'name: sales',
      'objects: {}',
      'rowLevelSecurity:',
      '  - { name: a, object: account, operation: select }', // 4:44
      '  - { name: b, object: account, operation: all, check: "true" }',
      '  - { name: c, object: account, operation: insert, check: "true" }',
      '  - { name: d, object: account, operation: all }', // 7:44
      '  - { name: e, object: account, operation: delete, check: "true" }', // 8:44
    )
    const diagnostics = found(set)
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      '4:44 OOS_SUPPORT_PERMISSION_KEY',
      '7:44 OOS_SUPPORT_PERMISSION_KEY',
      '8:44 OOS_SUPPORT_PERMISSION_KEY',
    ])
    expect(diagnostics[0]).toMatchObject({
      message:
        '"operation: select without "using"" on row-level policy 1 of permission set "sales" is not supported by this version of ObjectOS',
      hint: expect.stringContaining('add one'),
    })
  })

  it('refuses top-level keys the access layer would ignore, at the key, with a hint', () => {
    const set = lines(
      'name: sales',
      'objects: {}',
      'systemPermissions: [manage_users]', // 3:1
      'tabPermissions: { crm: visible }', // 4:1
      'adminScope: { assignablePermissionSets: [sales] }', // 5:1
      'protection: { lock: full }', // 6:1
      'packageId: crm', // 7:1
      'managedBy: package', // 8:1
      '_lock: full', // 9:1
    )
    const diagnostics = found(set)
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(
      [3, 4, 5, 6, 7, 8, 9].map((line) => `${line}:1 OOS_SUPPORT_PERMISSION_KEY`),
    )
    expect(diagnostics[0]).toMatchObject({
      message:
        '"systemPermissions" on permission set "sales" is not supported by this version of ObjectOS',
      hint: 'system permissions are not enforced yet; make an administrator with "objectos user create --admin"',
    })
    expect(diagnostics[6]?.hint).toContain('package installs')
  })

  it('refuses a row-level policy key outside the enforced ones, at the key', () => {
    // Every policy key the schema allows today is enforced (`priority` is a schema error), so
    // only a later spec could reach this; the rule is run on its own, past the schema.
    const set = lines(
      'name: sales',
      'objects: {}',
      'rowLevelSecurity:',
      '  - { name: own, object: account, operation: select, using: "true", enabled: false }',
      '  - name: mine',
      '    object: account',
      '    operation: select',
      '    priority: 10', // 8:5
      '    roles: []',
      '    using: "true"',
    )
    const [diagnostic, ...rest] = found(set)
    expect(rest).toEqual([])
    expect(diagnostic).toMatchObject({
      code: 'OOS_SUPPORT_PERMISSION_KEY',
      line: 8,
      column: 5,
      path: ['rowLevelSecurity', 1, 'priority'],
      message:
        '"priority" on row-level policy 2 of permission set "sales" is not supported by this version of ObjectOS',
    })
  })

  it('accepts refused top-level keys that declare nothing', () => {
    const set = lines(
      'name: sales',
      'objects: {}',
      'systemPermissions: []',
      'tabPermissions: {}',
      'adminScope: {}',
      'protection: {}',
    )
    expect(check(set)).toEqual([])
  })

  it('refuses allowExport at the key, and accepts allowExport: false', () => {
    const set = lines(
      'name: sales',
      'objects:',
      '  account: { allowRead: true, allowExport: true }', // 3:31
      '  contact: { allowRead: true, allowExport: false }',
    )
    const [diagnostic, ...rest] = found(set)
    expect(rest).toEqual([])
    expect(diagnostic).toMatchObject({
      code: 'OOS_SUPPORT_PERMISSION_KEY',
      line: 3,
      column: 31,
      message:
        '"allowExport" on object "account" in permission set "sales" is not supported by this version of ObjectOS',
      hint: 'there is no export operation yet; reading and listing records needs only "allowRead"',
    })
  })

  it('accepts the record scopes own, own_and_reports and org', () => {
    const grants = honouredRecordScopes.map(
      (scope, i) => `  o${i}: { readScope: ${scope}, writeScope: ${scope} }`,
    )
    expect(check(lines('name: sales', 'objects:', ...grants))).toEqual([])
  })

  it('refuses the business-unit scopes at the value, pointing to own_and_reports and org', () => {
    const set = lines(
      'name: sales',
      'objects:',
      '  account:',
      '    readScope: unit', // 4:16
      '    writeScope: unit_and_below', // 5:17
    )
    const diagnostics = found(set)
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '4:16 "readScope: unit" on object "account" in permission set "sales" is not supported by this version of ObjectOS',
      '5:17 "writeScope: unit_and_below" on object "account" in permission set "sales" is not supported by this version of ObjectOS',
    ])
    expect(diagnostics[0]?.hint).toBe(
      'ObjectOS has no business units: use "own_and_reports" (the user and everyone who reports to them) or "org"',
    )
  })

  it('refuses a grant on the wildcard object *, and accepts an empty one', () => {
    const granted = lines('name: sales', 'objects:', "  '*': { allowRead: true }")
    const [diagnostic, ...rest] = found(granted)
    expect(rest).toEqual([])
    expect(diagnostic).toMatchObject({ code: 'OOS_SUPPORT_PERMISSION_KEY', line: 3, column: 3 })
    expect(diagnostic?.hint).toBe(
      'a grant on every object at once is not enforced yet; grant each object by its name',
    )
    expect(check(lines('name: sales', 'objects:', "  '*': {}"))).toEqual([])
  })

  it('ignores documents that are not permission sets', () => {
    const diagnostics = runRule(permissionSupportRule, {
      'objects/account.object.yaml': lines('name: account', 'allowExport: true', 'fields: {}'),
    })
    expect(diagnostics).toEqual([])
  })
})
