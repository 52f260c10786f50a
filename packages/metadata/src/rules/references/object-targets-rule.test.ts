import { describe, expect, it } from 'vitest'
import { checkRules } from '../check-rules.js'
import { withoutSupportFindings } from '../support/testing/without-support-findings.js'
import { lines, parsedApp, positions } from '../testing/parsed-app.js'

const account = lines(
  'name: account',
  'fields:',
  '  name: { type: text }',
  '  industry: { type: text }',
)

function check(task: string) {
  const docs = parsedApp({
    'objects/account.object.yaml': account,
    'objects/task.object.yaml': task,
  })
  return withoutSupportFindings(checkRules(docs, docs))
}

describe('object targets', () => {
  it('accepts lookups, master-details and summaries that resolve', () => {
    const task = lines(
      'name: task',
      'fields:',
      '  account:',
      '    type: lookup',
      '    reference: account',
      '    displayField: name',
      '    lookupColumns: [name, { field: industry }]',
      '    lookupFilters: [{ field: industry, operator: eq, value: x }]',
    )
    expect(check(task)).toEqual([])
  })

  it('reports a lookup target that is not an object, with a did-you-mean hint', () => {
    const task = lines(
      'name: task',
      'fields:',
      '  account:',
      '    type: lookup',
      '    reference: acount', // line 5
    )
    const [d, ...rest] = check(task)
    expect(rest).toEqual([])
    expect(d).toMatchObject({
      code: 'OOS_REF_UNKNOWN_OBJECT',
      file: 'objects/task.object.yaml',
      line: 5,
      column: 16,
      path: ['fields', 'account', 'reference'],
      message: 'lookup target "acount" is not an object in this app',
      hint: 'did you mean "account"?',
    })
  })

  it("leaves a user field's platform target alone", () => {
    const task = lines('name: task', 'fields:', '  assignee: { type: user, reference: sys_user }')
    expect(check(task)).toEqual([])
  })

  it("leaves a lookup to the platform's objects alone, and still reports a misspelt one", () => {
    const task = lines(
      'name: task',
      'fields:',
      '  partner: { type: lookup, reference: sys_user, deleteBehavior: set_null }',
      '  helper: { type: lookup, reference: sys_users }',
    )
    expect(check(task)).toEqual([])
  })

  it('checks a lookup to a platform object when the platform objects are validated too', () => {
    const docs = parsedApp({
      'objects/sys_user.object.yaml': lines('name: sys_user', 'fields:', '  name: { type: text }'),
      'objects/task.object.yaml': lines(
        'name: task',
        'fields:',
        '  partner: { type: lookup, reference: sys_user }',
        '  helper: { type: lookup, reference: sys_usr }',
      ),
    })
    const found = withoutSupportFindings(checkRules(docs, docs))
    expect(found.map((d) => [d.code, d.message])).toEqual([
      ['OOS_REF_UNKNOWN_OBJECT', expect.stringContaining('sys_usr')],
    ])
  })

  it('names master-detail targets as such', () => {
    const task = lines(
      'name: task',
      'fields:',
      '  parent: { type: master_detail, reference: nope }',
    )
    expect(check(task)[0]?.message).toBe('master-detail target "nope" is not an object in this app')
  })

  it('checks display, column and filter fields on the target object', () => {
    const task = lines(
      'name: task',
      'fields:',
      '  account:',
      '    type: lookup',
      '    reference: account',
      '    displayField: nmae', // 6
      '    lookupColumns: [name, { field: industy }]', // 7
      '    lookupFilters: [{ field: size, operator: eq, value: 1 }]', // 8
    )
    expect(positions(check(task))).toEqual([
      'objects/task.object.yaml:6:19 OOS_REF_UNKNOWN_FIELD',
      'objects/task.object.yaml:7:36 OOS_REF_UNKNOWN_FIELD',
      'objects/task.object.yaml:8:30 OOS_REF_UNKNOWN_FIELD',
    ])
    expect(check(task)[0]).toMatchObject({
      message: '"nmae" is not a field of object "account"',
      hint: 'did you mean "name"?',
    })
  })

  it('checks a summary: child object, aggregated field and relationship field', () => {
    const docs = parsedApp({
      'objects/account.object.yaml': lines(
        'name: account',
        'fields:',
        '  total:',
        '    type: summary',
        '    summaryOperations:',
        '      object: opportunity',
        '      field: amout', // 7
        '      function: sum',
        '      relationshipField: owner', // 9
        '  deals:',
        '    type: summary',
        '    summaryOperations: { object: deal, field: x, function: count }', // 12
      ),
      'objects/opportunity.object.yaml': lines(
        'name: opportunity',
        'fields:',
        '  amount: { type: currency }',
        '  account: { type: lookup, reference: account }',
        '  owner: { type: text }',
      ),
    })
    const found = withoutSupportFindings(checkRules(docs, docs))
    expect(positions(found)).toEqual([
      'objects/account.object.yaml:7:14 OOS_REF_UNKNOWN_FIELD',
      'objects/account.object.yaml:9:26 OOS_REF_FIELD_TYPE',
      'objects/account.object.yaml:12:34 OOS_REF_UNKNOWN_OBJECT',
    ])
    expect(found[1]?.message).toBe(
      'field "owner" is of type text, but a summary\'s relationshipField must be a lookup or master_detail to "account"',
    )
  })

  it('does not check fields of an unknown target twice', () => {
    const task = lines(
      'name: task',
      'fields:',
      '  a: { type: lookup, reference: nope, displayField: x }',
    )
    expect(positions(check(task))).toEqual(['objects/task.object.yaml:3:33 OOS_REF_UNKNOWN_OBJECT'])
  })
})
