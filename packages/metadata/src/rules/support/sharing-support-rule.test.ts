import { describe, expect, it } from 'vitest'
import { schemaFor } from '@objectos/schemas'
import { rules } from '../check-rules.js'
import { runRule } from '../fields/testing/run-field-rule.js'
import { lines } from '../testing/parsed-app.js'
import { honouredShareRecipients, packageKeys } from './honoured-keys.js'
import { sharingSupportRule } from './sharing-support-rule.js'

const account = lines(
  'name: account',
  'sharingModel: private',
  'fields:',
  '  name: { type: text }',
  '  account_manager: { type: lookup, reference: sys_user }',
  '  reviewer: { type: master_detail, reference: sys_user }',
  '  approver: { type: user }',
  '  parent: { type: lookup, reference: account }',
)

/** A criteria rule on account; line 7 is `sharedWith`, `extra` lines follow it. */
const rule = (sharedWith: string, ...extra: string[]) =>
  lines(
    '# Retail accounts for a few.',
    'name: retail_accounts',
    'object: account',
    'type: criteria',
    "condition: record.name == 'retail'",
    'accessLevel: edit',
    `sharedWith: ${sharedWith}`, // 7
    ...extra,
  )

const found = (text: string) =>
  runRule(sharingSupportRule, {
    'objects/account.object.yaml': account,
    'sharing/retail_accounts.sharing.yaml': text,
  })

const recipientHint =
  'ObjectOS has no teams or business units: share with a "user" (id or email), a "position", or a "field" that looks up sys_user'

interface Node {
  readonly properties: Record<string, { readonly enum?: readonly string[] }>
}
const sharingSchema = schemaFor('sharing') as Node & {
  readonly properties: { readonly sharedWith: Node }
}

describe('engine support: sharing rules', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(sharingSupportRule)
  })

  it('sorts every recipient type the spec allows into honoured or refused', () => {
    const types = sharingSchema.properties.sharedWith.properties.type?.enum ?? []
    const known = new Set<string>(honouredShareRecipients)
    expect(types.filter((type) => !known.has(type)).sort()).toEqual([
      'business_unit',
      'team',
      'unit_and_subordinates',
    ])
  })

  it('honours every top-level key the spec allows but the package-lock keys', () => {
    const honoured = Object.keys(sharingSchema.properties).filter((key) => !packageKeys.has(key))
    expect(honoured.sort()).toEqual(
      [
        'name',
        'label',
        'description',
        'object',
        'active',
        'accessLevel',
        'sharedWith',
        'type',
        'condition',
      ].sort(),
    )
  })

  it('accepts a rule shared with a user by id or email, and with a position', () => {
    expect(found(rule('{ type: user, value: 7f3c2a9e }'))).toEqual([])
    expect(found(rule('{ type: user, value: ana@example.com }'))).toEqual([])
    expect(found(rule('{ type: position, value: sales_manager }'))).toEqual([])
  })

  it('accepts a rule shared with a field that names a user, and with the owner', () => {
    for (const field of ['account_manager', 'reviewer', 'approver', 'owner_id', 'created_by']) {
      expect(found(rule(`{ type: field, value: ${field} }`)), field).toEqual([])
    }
  })

  it('accepts a rule that uses every honoured key', () => {
    const text = rule(
      '{ type: position, value: sales_manager }',
      'label: Retail accounts',
      'description: The retail team works every retail account',
      'active: true',
    )
    expect(found(text)).toEqual([])
  })

  it('refuses a team, a business unit and a unit with its subordinates at the type', () => {
    for (const type of ['team', 'business_unit', 'unit_and_subordinates']) {
      expect(found(rule(`{ type: ${type}, value: emea }`))).toEqual([
        {
          code: 'OOS_SUPPORT_SHARING_RULE',
          severity: 'error',
          message: `sharing with a ${type} on sharing rule "retail_accounts" is not supported by this version of ObjectOS`,
          file: 'sharing/retail_accounts.sharing.yaml',
          line: 7,
          column: 21,
          path: ['sharedWith', 'type'],
          hint: recipientHint,
        },
      ])
    }
  })

  it('refuses a field that looks up anything but sys_user, at the value', () => {
    expect(found(rule('{ type: field, value: parent }'))).toEqual([
      {
        code: 'OOS_SUPPORT_SHARING_RULE',
        severity: 'error',
        message:
          'sharing with "parent", a lookup to account, on sharing rule "retail_accounts" is not supported by this version of ObjectOS',
        file: 'sharing/retail_accounts.sharing.yaml',
        line: 7,
        column: 35,
        path: ['sharedWith', 'value'],
        hint: recipientHint,
      },
    ])
  })

  it('leaves a field that does not exist or is no lookup to the references rule', () => {
    expect(found(rule('{ type: field, value: manager }'))).toEqual([])
    expect(found(rule('{ type: field, value: name }'))).toEqual([])
  })

  it('refuses package-lock keys at the key', () => {
    const text = rule(
      '{ type: user, value: ana@example.com }',
      '_lock: full', // 8:1
      '_packageId: crm', // 9:1
    )
    const diagnostics = found(text)
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '8:1 "_lock" on sharing rule "retail_accounts" is not supported by this version of ObjectOS',
      '9:1 "_packageId" on sharing rule "retail_accounts" is not supported by this version of ObjectOS',
    ])
    expect(diagnostics[0]).toMatchObject({ code: 'OOS_SUPPORT_SHARING_RULE', path: ['_lock'] })
    expect(diagnostics[0]?.hint).toContain('package installs')
  })

  it('says nothing about other documents', () => {
    const diagnostics = runRule(sharingSupportRule, {
      'objects/account.object.yaml': account,
      'permissions/sales.permission.yaml': lines(
        'name: sales',
        'objects:',
        '  account: { allowRead: true, readScope: org }',
      ),
      'positions/sales_manager.position.yaml': lines(
        'name: sales_manager',
        'label: Sales manager',
        '_lock: full',
      ),
    })
    expect(diagnostics).toEqual([])
  })
})
