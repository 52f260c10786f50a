import { describe, expect, it } from 'vitest'
import { checkRules } from '../check-rules.js'
import { withoutSupportFindings } from '../support/testing/without-support-findings.js'
import { lines, parsedApp, positions } from '../testing/parsed-app.js'

const deal = lines(
  'name: deal',
  'fields:',
  '  name: { type: text }',
  '  stage: { type: select, options: [open, won, lost] }',
  '  amount: { type: currency }',
  '  done: { type: boolean }',
  '  account: { type: lookup, reference: account }',
)
const account = lines('name: account', 'fields:', '  name: { type: text }')

function check(files: Readonly<Record<string, string>>) {
  const docs = parsedApp({
    'objects/deal.object.yaml': deal,
    'objects/account.object.yaml': account,
    ...files,
  })
  // Only the CEL findings: the sharing rules' recipients are another rule's business.
  return withoutSupportFindings(checkRules(docs, docs)).filter((d) => d.code.startsWith('OOS_CEL_'))
}

/** A criteria sharing rule on deal whose condition is the given YAML line(s), from line 6. */
function sharing(...condition: string[]) {
  return {
    'sharing/big.sharing.yaml': lines(
      'name: big',
      'object: deal',
      'type: criteria',
      'accessLevel: read',
      'sharedWith: { type: position, value: sales }',
      ...condition,
    ),
  }
}

/** A permission set whose one policy on `object` has the given `using` line, on line 7. */
function policy(using: string, object = 'deal') {
  return {
    'permissions/p.permission.yaml': lines(
      'name: p',
      'objects: {}',
      'rowLevelSecurity:',
      '  - name: own',
      `    object: ${object}`,
      '    operation: select',
      `    using: ${using}`,
    ),
  }
}

describe('row filter rule', () => {
  it('accepts conditions that lower', () => {
    expect(
      check(sharing("condition: record.amount >= 100.0 && record.stage in ['won', 'open']")),
    ).toEqual([])
    expect(check(sharing('condition: has(record.account) || !record.done'))).toEqual([])
    expect(check(policy('owner_id == current_user.id || current_user.isPlatformAdmin'))).toEqual([])
  })

  it('refuses a function of a field, at the call', () => {
    const found = check(sharing("condition: record.amount > 0.0 && record.name.startsWith('A')"))
    expect(positions(found)).toEqual(['sharing/big.sharing.yaml:6:35 OOS_CEL_NOT_ROW_FILTER'])
    expect(found[0]).toMatchObject({
      severity: 'error',
      message: '`startsWith` cannot become a row filter',
      hint: 'a row filter compares fields with literals or with values of current_user, joined by &&, || and !',
      path: ['condition'],
    })
  })

  it('refuses a function of a field, and two fields compared, in row-level security', () => {
    const call = check(policy("name.startsWith('A') || owner_id == current_user.id"))
    expect(positions(call)).toEqual(['permissions/p.permission.yaml:7:12 OOS_CEL_NOT_ROW_FILTER'])
    expect(call[0]?.path).toEqual(['rowLevelSecurity', 0, 'using'])
    const fields = check(policy('owner_id == current_user.id && created_by != owner_id'))
    expect(positions(fields)).toEqual(['permissions/p.permission.yaml:7:43 OOS_CEL_NOT_ROW_FILTER'])
    expect(fields[0]?.message).toBe(
      'a field compared with another field cannot become a row filter',
    )
  })

  it('points inside quoted, block and envelope forms', () => {
    const quoted = check(sharing('condition: "record.done && size(record.name) > 3"'))
    expect(positions(quoted)).toEqual(['sharing/big.sharing.yaml:6:28 OOS_CEL_NOT_ROW_FILTER'])
    const block = check(
      sharing('condition: |', '  record.done &&', '    record.amount * 2.0 > 10.0'),
    )
    expect(positions(block)).toEqual(['sharing/big.sharing.yaml:8:5 OOS_CEL_NOT_ROW_FILTER'])
    expect(block[0]?.message).toBe(
      'arithmetic (`*`) on a field cannot become a row filter; compare the field itself',
    )
    const envelope = check(
      sharing('condition:', '  dialect: cel', '  source: record.done || record.name.size() > 3'),
    )
    expect(positions(envelope)).toEqual(['sharing/big.sharing.yaml:8:26 OOS_CEL_NOT_ROW_FILTER'])
    expect(envelope[0]?.path).toEqual(['condition', 'source'])
  })

  it('leaves expressions that do not parse or type-check to the CEL rule', () => {
    const syntax = check(sharing('condition: record.name.startsWith('))
    expect(positions(syntax)).toEqual(['sharing/big.sharing.yaml:6:35 OOS_CEL_SYNTAX'])
    const unknown = check(sharing("condition: record.nme.startsWith('A')"))
    expect(positions(unknown)).toEqual(['sharing/big.sharing.yaml:6:19 OOS_CEL_UNKNOWN_FIELD'])
    const typed = check(policy("amount.startsWith('A')"))
    expect(positions(typed).map((p) => p.split(' ')[1])).toEqual(['OOS_CEL_TYPE'])
    const previous = check(sharing('condition: record.amount > previous.amount'))
    expect(positions(previous)).toEqual(['sharing/big.sharing.yaml:6:28 OOS_CEL_NOT_ROW_FILTER'])
  })

  it('refuses a policy `check` that does not lower, at its key; not a trigger condition', () => {
    const found = check({
      'permissions/p.permission.yaml': lines(
        'name: p',
        'objects: {}',
        'rowLevelSecurity:',
        '  - name: own',
        '    object: deal',
        '    operation: update',
        '    using: owner_id == current_user.id',
        "    check: name.startsWith('A')",
      ),
      'triggers/t.trigger.yaml': lines(
        'name: t',
        'object: [deal]',
        'events: [afterUpdate]',
        "condition: record.name.startsWith('A')",
      ),
    })
    expect(positions(found)).toEqual(['permissions/p.permission.yaml:8:12 OOS_CEL_NOT_ROW_FILTER'])
    expect(found[0]?.path).toEqual(['rowLevelSecurity', 0, 'check'])
  })

  it('accepts a user map indexed by a field, and a field `in` a user map', () => {
    const roles = "current_user.organizationRoles[owner_id] in ['owner', 'admin']"
    expect(check(policy(roles))).toEqual([])
    expect(check(policy(`!(${roles}) || 'admin' == current_user.roles[name]`))).toEqual([])
    expect(check(policy('owner_id in current_user.organizationRoles'))).toEqual([])
    const fields = check(policy('current_user.organizationRoles[owner_id] == name'))
    expect(fields.map((d) => d.message)).toEqual([
      expect.stringContaining('a field compared with another field'),
    ])
  })

  it('skips a condition on an object it does not know', () => {
    const found = check(policy("name.startsWith('A')", 'nothing'))
    expect(found.map((d) => d.code)).not.toContain('OOS_CEL_NOT_ROW_FILTER')
  })
})
