import { describe, expect, it } from 'vitest'
import { rules } from '../check-rules.js'
import { runRule } from '../fields/testing/run-field-rule.js'
import { lines } from '../testing/parsed-app.js'
import { sharingSupportRule } from './sharing-support-rule.js'

const account = lines('name: account', 'sharingModel: private', 'fields: {}')

describe('engine support: sharing rules', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(sharingSupportRule)
  })

  it('refuses a sharing rule once, at its name, pointing to scopes and sharing models', () => {
    const rule = lines(
      '# Retail accounts for everyone.',
      'name: retail_accounts', // 2:7
      'object: account',
      'type: criteria',
      'condition: "true"',
      'accessLevel: edit',
      'sharedWith: { type: field, value: owner_id }',
    )
    const diagnostics = runRule(sharingSupportRule, {
      'objects/account.object.yaml': account,
      'sharing/retail_accounts.sharing.yaml': rule,
    })
    expect(diagnostics).toEqual([
      {
        code: 'OOS_SUPPORT_SHARING_RULE',
        severity: 'error',
        message: 'sharing rule "retail_accounts" is not enforced by this version of ObjectOS',
        file: 'sharing/retail_accounts.sharing.yaml',
        line: 2,
        column: 7,
        path: ['name'],
        hint: 'widen access with a permission set\'s "readScope"/"writeScope" (own, own_and_reports, org) or the object\'s "sharingModel" (private, public_read, public_read_write), and remove this file',
      },
    ])
  })

  it('says nothing about other documents, including those that widen access the supported way', () => {
    const diagnostics = runRule(sharingSupportRule, {
      'objects/account.object.yaml': account,
      'permissions/sales.permission.yaml': lines(
        'name: sales',
        'objects:',
        '  account: { allowRead: true, readScope: org }',
      ),
    })
    expect(diagnostics).toEqual([])
  })
})
