import { describe, expect, it } from 'vitest'
import { checkRules } from '../check-rules.js'
import { withoutSupportFindings } from '../support/testing/without-support-findings.js'
import { lines, parsedApp, positions } from '../testing/parsed-app.js'

const account = lines(
  'name: account',
  'fields:',
  '  name: { type: text }',
  '  annual_revenue: { type: currency }',
  '  manager: { type: lookup, reference: account }',
)

/**
 * Every rule's findings but the engine-support ones: sharing rules, row-level security and the
 * wildcard object are refused there (support/), and their references are still checked here.
 */
function check(file: string, text: string, others: Readonly<Record<string, string>> = {}) {
  const docs = parsedApp({ 'objects/account.object.yaml': account, ...others, [file]: text })
  return withoutSupportFindings(checkRules(docs, docs))
}

/** A position file, for the references to positions. */
const positionFile = (name: string, ...rest: string[]) => ({
  [`positions/${name}.position.yaml`]: lines(`name: ${name}`, `label: ${name}`, ...rest),
})

/** A permission set file, for the references to permission sets. */
const permissionFile = (name: string) => ({
  [`permissions/${name}.permission.yaml`]: lines(`name: ${name}`, 'objects: {}'),
})

describe('permission sets', () => {
  it('accepts known objects and object.field keys, and looks up no object for *', () => {
    const set = lines(
      'name: sales',
      'objects:',
      '  account: { allowRead: true }',
      "  '*': { allowRead: true }",
      'fields:',
      '  account.annual_revenue: { readable: true, editable: false }',
      '  account.owner_id: { readable: true }',
    )
    expect(check('permissions/sales.permission.yaml', set)).toEqual([])
  })

  it('leaves the platform objects (sys_*) to the engine, which compiles them into every app', () => {
    const set = lines(
      'name: sales',
      'objects:',
      '  sys_user: { allowRead: true }',
      'fields:',
      '  sys_user.email: { readable: true }',
    )
    expect(check('permissions/sales.permission.yaml', set)).toEqual([])
  })

  it('still reports an unknown object that is not a platform one', () => {
    const set = lines(
      'name: sales',
      'objects:',
      '  sysuser: { allowRead: true }', // 3
      'fields:',
      '  user_sys.email: { readable: true }', // 5
    )
    expect(positions(check('permissions/sales.permission.yaml', set))).toEqual([
      'permissions/sales.permission.yaml:3:3 OOS_REF_UNKNOWN_OBJECT',
      'permissions/sales.permission.yaml:5:3 OOS_REF_UNKNOWN_OBJECT',
    ])
  })

  it('refuses a field permission written as a path through a lookup, naming the real field', () => {
    const set = lines(
      'name: sales',
      'objects: {}',
      'fields:',
      '  account.manager.name: { readable: false }', // 4
      '  account.manager: { readable: false }',
      '  account.nme.x: { readable: false }', // 6
    )
    const found = check('permissions/sales.permission.yaml', set)
    expect(positions(found)).toEqual([
      'permissions/sales.permission.yaml:4:3 OOS_REF_FIELD_PERMISSION_KEY',
      'permissions/sales.permission.yaml:6:3 OOS_REF_FIELD_PERMISSION_KEY',
    ])
    expect(found[0]?.hint).toBe(
      'a field permission names a field of the object itself, not a path through a lookup: write "account.name"',
    )
    expect(found[1]?.hint).toBe(
      'a field permission names a field of the object itself, not a path through a lookup',
    )
  })

  it('reports unknown objects and fields at their keys', () => {
    const set = lines(
      'name: sales',
      'objects:',
      '  acount: { allowRead: true }', // 3
      'fields:',
      '  account.anual_revenue: { readable: true }', // 5
      '  contact.name: { readable: true }', // 6
      '  revenue: { readable: true }', // 7
    )
    const found = check('permissions/sales.permission.yaml', set)
    expect(positions(found)).toEqual([
      'permissions/sales.permission.yaml:3:3 OOS_REF_UNKNOWN_OBJECT',
      'permissions/sales.permission.yaml:5:3 OOS_REF_UNKNOWN_FIELD',
      'permissions/sales.permission.yaml:6:3 OOS_REF_UNKNOWN_OBJECT',
      'permissions/sales.permission.yaml:7:3 OOS_REF_FIELD_PERMISSION_KEY',
    ])
    expect(found[0]).toMatchObject({
      message: 'permission set object "acount" is not an object in this app',
      hint: 'did you mean "account"?',
    })
    expect(found[1]).toMatchObject({
      message: '"anual_revenue" is not a field of object "account"',
      hint: 'did you mean "annual_revenue"?',
    })
  })

  it('checks row-level security objects and delegable permission sets', () => {
    const set = lines(
      'name: sales',
      'objects: {}',
      'rowLevelSecurity:',
      '  - { name: own, object: acount, operation: select, using: "true" }', // 4
      'adminScope:',
      '  businessUnit: emea',
      '  assignablePermissionSets: [sales, support]', // 7
    )
    expect(positions(check('permissions/sales.permission.yaml', set))).toEqual([
      'permissions/sales.permission.yaml:4:26 OOS_REF_UNKNOWN_OBJECT',
      'permissions/sales.permission.yaml:7:37 OOS_REF_UNKNOWN_TARGET',
    ])
  })
})

describe('sharing rules', () => {
  const rule = (object: string, sharedWith: string) =>
    lines(
      'name: big_accounts',
      `object: ${object}`, // 2
      'type: criteria',
      'condition: "true"',
      'accessLevel: read',
      `sharedWith: ${sharedWith}`, // 6
    )

  it('accepts a known object and a user field to share with', () => {
    const text = rule('account', '{ type: field, value: owner_id }')
    expect(check('sharing/big_accounts.sharing.yaml', text)).toEqual([])
  })

  it('reports an unknown object', () => {
    const text = rule('acount', '{ type: position, value: sales }')
    expect(
      positions(check('sharing/big_accounts.sharing.yaml', text, positionFile('sales'))),
    ).toEqual(['sharing/big_accounts.sharing.yaml:2:9 OOS_REF_UNKNOWN_OBJECT'])
  })

  it('accepts a position of the app, and everyone, which every signed-in user holds', () => {
    const text = rule('account', '{ type: position, value: sales }')
    expect(check('sharing/big_accounts.sharing.yaml', text, positionFile('sales'))).toEqual([])
    const everyone = rule('account', '{ type: position, value: everyone }')
    expect(check('sharing/big_accounts.sharing.yaml', everyone)).toEqual([])
  })

  it('reports a position the app does not declare, at the value', () => {
    const text = rule('account', '{ type: position, value: sale }')
    const found = check('sharing/big_accounts.sharing.yaml', text, positionFile('sales'))
    expect(found).toMatchObject([
      {
        code: 'OOS_REF_UNKNOWN_TARGET',
        line: 6,
        column: 38,
        path: ['sharedWith', 'value'],
        message: 'position "sale" is not declared in this app',
        hint: 'did you mean "sales"?',
      },
    ])
  })

  it('looks up no position for the other recipients', () => {
    const text = rule('account', '{ type: user, value: sales }')
    expect(check('sharing/big_accounts.sharing.yaml', text)).toEqual([])
  })

  it('reports a share-with field that is missing or holds no user', () => {
    const missing = rule('account', '{ type: field, value: ownr_id }')
    const text = rule('account', '{ type: field, value: name }')
    expect(positions(check('sharing/big_accounts.sharing.yaml', missing))).toEqual([
      'sharing/big_accounts.sharing.yaml:6:35 OOS_REF_UNKNOWN_FIELD',
    ])
    const [d] = check('sharing/big_accounts.sharing.yaml', text)
    expect(d).toMatchObject({ code: 'OOS_REF_FIELD_TYPE', line: 6, column: 35 })
    expect(d?.message).toBe(
      'field "name" is of type text, but a sharing rule shares with a user, lookup or master_detail field',
    )
  })
})

describe('positions', () => {
  it('accepts permission sets of the app and leaves the platform ones (sys_*) to the engine', () => {
    const text = lines(
      'name: sales_manager',
      'label: Sales manager',
      'permissionSets: [sales, sys_record_sharing]',
    )
    const found = check('positions/sales_manager.position.yaml', text, permissionFile('sales'))
    expect(found).toEqual([])
  })

  it('reports a permission set the app does not declare, at the list item', () => {
    const text = lines(
      'name: sales_manager',
      'label: Sales manager',
      'permissionSets: [sales, sale, support]', // 3
    )
    const found = check('positions/sales_manager.position.yaml', text, permissionFile('sales'))
    expect(positions(found)).toEqual([
      'positions/sales_manager.position.yaml:3:25 OOS_REF_UNKNOWN_TARGET',
      'positions/sales_manager.position.yaml:3:31 OOS_REF_UNKNOWN_TARGET',
    ])
    expect(found[0]).toMatchObject({
      path: ['permissionSets', 1],
      message: 'permission set "sale" is not declared in this app',
      hint: 'did you mean "sales"?',
    })
  })

  it('checks the positions of a row-level security policy; everyone is implicit', () => {
    const set = lines(
      'name: sales',
      'objects: {}',
      'rowLevelSecurity:',
      '  - name: own',
      '    object: account',
      '    operation: select',
      '    using: owner_id == current_user.id',
      '    positions: [everyone, sales_manager, sales_manger]', // 8
    )
    const found = check('permissions/sales.permission.yaml', set, positionFile('sales_manager'))
    expect(found).toMatchObject([
      {
        code: 'OOS_REF_UNKNOWN_TARGET',
        line: 8,
        column: 42,
        path: ['rowLevelSecurity', 0, 'positions', 2],
        message: 'position "sales_manger" is not declared in this app',
        hint: 'did you mean "sales_manager"?',
      },
    ])
  })
})
