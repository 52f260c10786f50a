import { describe, expect, it } from 'vitest'
import { checkRules } from '../check-rules.js'
import { withoutSupportFindings } from '../support/testing/without-support-findings.js'
import { lines, parsedApp, positions } from '../testing/parsed-app.js'

const account = lines(
  'name: account',
  'fields:',
  '  name: { type: text }',
  '  amount: { type: currency }',
  '  closed_on: { type: date }',
  '  active: { type: boolean }',
  '  tags: { type: tags }',
)

function check(files: Readonly<Record<string, string>>) {
  const docs = parsedApp({ 'objects/account.object.yaml': account, ...files })
  return withoutSupportFindings(checkRules(docs, docs))
}

/** An object `deal` whose fields are the given lines, after a known set of base fields. */
function deal(...fields: string[]) {
  return {
    'objects/deal.object.yaml': lines(
      'name: deal',
      'fields:',
      '  title: { type: text }',
      '  amount: { type: currency }',
      '  quantity: { type: number }',
      '  account: { type: master_detail, reference: account }',
      ...fields, // from line 7
    ),
  }
}

describe('CEL expressions', () => {
  it('accepts well-typed expressions over record, previous, parent and the user', () => {
    const found = check(
      deal(
        '  total: { type: formula, returnType: number, expression: "record.amount * record.quantity" }',
        '  doubled: { type: formula, returnType: number, expression: "record.amount * 2" }',
        '  is_big: { type: formula, returnType: boolean, expression: "record.amount > 1000" }',
        '  note:',
        '    type: text',
        '    visibleWhen: has(record.title) && record.title != null',
        "    readonlyWhen: parent.active && 'vip' in parent.tags",
        '    requiredWhen: previous.amount != record.amount && current_user.id == record.owner_id',
        '  due: { type: date, requiredWhen: "record.created_at < now() - duration(\'24h\')" }',
      ),
    )
    expect(found).toEqual([])
  })

  it('reports a syntax error at the offending character', () => {
    const found = check(deal('  note: { type: text, visibleWhen: "record.title ==" }'))
    expect(positions(found)).toEqual(['objects/deal.object.yaml:7:52 OOS_CEL_SYNTAX'])
    expect(found[0]?.message).toBe('expression does not parse: Unexpected token: EOF')
  })

  it('reports an unknown field with a did-you-mean hint, also inside has()', () => {
    const found = check(
      deal(
        '  note: { type: text, visibleWhen: "record.amout > 0" }', // 7
        '  memo: { type: text, visibleWhen: "has(record.titel)" }', // 8
        '  flag: { type: text, visibleWhen: "parent.nme == \'x\'" }', // 9
      ),
    )
    expect(positions(found)).toEqual([
      'objects/deal.object.yaml:7:44 OOS_CEL_UNKNOWN_FIELD',
      'objects/deal.object.yaml:8:48 OOS_CEL_UNKNOWN_FIELD',
      'objects/deal.object.yaml:9:44 OOS_CEL_UNKNOWN_FIELD',
    ])
    expect(found[0]).toMatchObject({
      message: '"amout" is not a field of object "deal"',
      hint: 'did you mean "amount"?',
    })
    expect(found[2]?.message).toBe('"nme" is not a field of object "account"')
  })

  it('reports a bare field name, telling to read it through record', () => {
    const found = check(deal('  note: { type: text, visibleWhen: "amount > 0" }'))
    expect(found).toMatchObject([
      {
        code: 'OOS_CEL_UNKNOWN_VARIABLE',
        line: 7,
        column: 37,
        message: '"amount" is not defined in this expression',
        hint: 'fields are read through record: write record.amount',
      },
    ])
  })

  it('reports parent on an object without a master-detail field', () => {
    const found = check({
      'objects/note.object.yaml': lines(
        'name: note',
        'fields:',
        '  body: { type: text, visibleWhen: "parent.active" }',
      ),
    })
    expect(positions(found)).toEqual(['objects/note.object.yaml:3:37 OOS_CEL_UNKNOWN_VARIABLE'])
  })

  it('reports type errors, with a hint when int and double meet', () => {
    const found = check(
      deal(
        '  a: { type: text, visibleWhen: "record.title == 1" }', // 7
        '  b: { type: number, readonlyWhen: "record.amount > 0 ? record.amount : 0" }', // 8
      ),
    )
    expect(positions(found)).toEqual([
      'objects/deal.object.yaml:7:34 OOS_CEL_TYPE',
      'objects/deal.object.yaml:8:37 OOS_CEL_TYPE',
    ])
    expect(found[0]?.message).toBe('type error: no such overload: string == int')
    expect(found[1]?.hint).toBe(
      'number fields are double: write literals with a decimal point (0.0, 100.0)',
    )
  })

  it('requires conditions to be true or false, and formulas to match their returnType', () => {
    const found = check(
      deal(
        '  a: { type: text, visibleWhen: "record.title" }', // 7
        '  b: { type: formula, returnType: text, expression: "record.amount * 2" }', // 8
        '  c: { type: formula, returnType: date, expression: "record.account" }', // 9
      ),
    )
    expect(positions(found)).toEqual([
      'objects/deal.object.yaml:7:34 OOS_CEL_NOT_BOOLEAN',
      'objects/deal.object.yaml:8:54 OOS_CEL_RETURN_TYPE',
      'objects/deal.object.yaml:9:54 OOS_CEL_RETURN_TYPE',
    ])
    expect(found[0]?.message).toBe(
      'a condition must evaluate to true or false, but this expression gives string',
    )
    expect(found[1]?.message).toBe(
      'the formula declares returnType text, but its expression gives double',
    )
  })

  it('checks validation rules, through conditional rules and envelopes', () => {
    const found = check({
      'objects/deal.object.yaml': lines(
        'name: deal',
        'fields:',
        '  amount: { type: currency }',
        'validations:',
        '  - { name: a, type: script, message: m, condition: "record.amont < 0" }', // 5
        '  - name: b',
        '    type: conditional',
        '    message: m',
        '    when: { dialect: cel, source: "record.amount > 0.0 &&" }', // 9
        '    then: { name: c, type: cross_field, message: m, fields: [amount], condition: "record.x > 1" }', // 10
      ),
    })
    expect(positions(found)).toEqual([
      'objects/deal.object.yaml:5:61 OOS_CEL_UNKNOWN_FIELD',
      'objects/deal.object.yaml:9:58 OOS_CEL_SYNTAX',
      'objects/deal.object.yaml:10:90 OOS_CEL_UNKNOWN_FIELD',
    ])
    expect(found[1]?.path).toEqual(['validations', 1, 'when', 'source'])
  })

  it('points into block scalars, single and double quotes', () => {
    const found = check({
      'objects/deal.object.yaml': lines(
        'name: deal',
        'fields:',
        '  amount: { type: currency }',
        '  a:',
        '    type: text',
        '    visibleWhen: |',
        '      record.amount > 0.0 &&',
        '        record.amout < 10.0', // 8
        "  b: { type: text, visibleWhen: 'record.amount > 0.0 && ''x'' == record.nope' }", // 9
        '  c: { type: text, visibleWhen: "\\"x\\" == record.nope" }', // 10
      ),
    })
    expect(positions(found)).toEqual([
      'objects/deal.object.yaml:8:16 OOS_CEL_UNKNOWN_FIELD',
      'objects/deal.object.yaml:9:73 OOS_CEL_UNKNOWN_FIELD',
      'objects/deal.object.yaml:10:50 OOS_CEL_UNKNOWN_FIELD',
    ])
  })
})

describe('CEL in other kinds', () => {
  it('checks sharing, trigger and notification conditions against their object', () => {
    const found = check({
      'positions/sales.position.yaml': lines('name: sales', 'label: Sales'),
      'sharing/big.sharing.yaml': lines(
        'name: big',
        'object: account',
        'type: criteria',
        'accessLevel: read',
        'sharedWith: { type: position, value: sales }',
        'condition: record.amout > 100.0', // 6
      ),
      'triggers/t.trigger.yaml': lines(
        'name: t',
        'object: [account]',
        'events: [afterUpdate]',
        'condition: record.active == "yes"', // 4
      ),
      'notifications/n.notification.yaml': lines(
        'name: n',
        'object: account',
        'events: [update]',
        'channels: [email]',
        'recipients: { fields: [owner_id] }',
        'subject: s',
        'body: b',
        'condition: record.amount', // 8
      ),
    })
    expect(positions(found)).toEqual([
      'sharing/big.sharing.yaml:6:19 OOS_CEL_UNKNOWN_FIELD',
      'triggers/t.trigger.yaml:4:12 OOS_CEL_TYPE',
      'notifications/n.notification.yaml:8:12 OOS_CEL_NOT_BOOLEAN',
    ])
  })

  it('reads bare field names in row-level security', () => {
    const found = check({
      'permissions/p.permission.yaml': lines(
        'name: p',
        'objects: {}',
        'rowLevelSecurity:',
        '  - name: own',
        '    object: account',
        '    operation: select',
        '    using: owner_id == current_user.id && amout > 0.0', // 7
        '    check: record.amount > 0.0', // 8
      ),
    })
    expect(positions(found)).toEqual([
      'permissions/p.permission.yaml:7:43 OOS_CEL_UNKNOWN_FIELD',
      'permissions/p.permission.yaml:8:12 OOS_CEL_UNKNOWN_VARIABLE',
    ])
    expect(found[0]?.hint).toBe('did you mean "amount"?')
    expect(found[1]?.hint).toBe(
      'row-level security reads fields by their bare names: owner_id == current_user.id',
    )
  })

  it('lets flow branches read flow variables but still checks record fields', () => {
    const found = check({
      'flows/f.flow.yaml': lines(
        'name: f',
        'label: F',
        'type: record_change',
        'nodes:',
        '  - id: s',
        '    type: start',
        '    label: S',
        '    config: { objectName: account, condition: "record.amount > 10.0" }',
        '  - id: d',
        '    type: decision',
        '    label: D',
        '    config: { conditions: [{ label: big, expression: "approved && record.nam != \'\'" }] }', // 12
        'edges:',
        '  - { id: e, source: s, target: d, condition: "retries < 3 &&" }', // 14
      ),
    })
    expect(positions(found)).toEqual([
      'flows/f.flow.yaml:12:74 OOS_CEL_UNKNOWN_FIELD',
      'flows/f.flow.yaml:14:62 OOS_CEL_SYNTAX',
    ])
  })

  it('checks view formatting and form visibility, and app navigation syntax', () => {
    const found = check({
      'views/account.view.yaml': lines(
        'name: account',
        'object: account',
        'list:',
        '  conditionalFormatting: [{ condition: "record.amout > 0.0", style: {} }]', // 4
        'form:',
        '  sections:',
        '    - { name: main, visibleWhen: "record.active", fields: [{ field: name, visibleWhen: "record.nme != \'\'" }] }', // 7
      ),
      'apps/crm.app.yaml': lines(
        'name: crm',
        'label: CRM',
        'navigation:',
        '  - { id: a, label: A, type: url, url: /x, visible: "\'admin\' in current_user.positions" }',
        '  - { id: b, label: B, type: url, url: /y, visible: "1 +" }', // 5
      ),
    })
    expect(positions(found)).toEqual([
      'views/account.view.yaml:4:48 OOS_CEL_UNKNOWN_FIELD',
      'views/account.view.yaml:7:96 OOS_CEL_UNKNOWN_FIELD',
      'apps/crm.app.yaml:5:57 OOS_CEL_SYNTAX',
    ])
  })
})

describe('CEL messages', () => {
  it('names timestamps and records the way authors write them', () => {
    const found = check(
      deal(
        '  a: { type: text, visibleWhen: "record.created_at > \'2024-01-01\'" }', // 7
        '  b: { type: text, visibleWhen: "parent" }', // 8
      ),
    )
    expect(found.map((d) => d.message)).toEqual([
      'type error: no such overload: timestamp > string',
      'a condition must evaluate to true or false, but this expression gives account record',
    ])
  })
})
