import { describe, expect, it } from 'vitest'
import { checkRules } from '../check-rules.js'
import { withoutSupportFindings } from '../support/testing/without-support-findings.js'
import { lines, parsedApp, positions } from '../testing/parsed-app.js'

function check(files: Readonly<Record<string, string>>) {
  const docs = parsedApp(files)
  return withoutSupportFindings(checkRules(docs, docs))
}

/** An object whose `amount` field has the given type, with a condition on it. */
function objectWithAmount(name: string, type: string, condition: string) {
  return {
    [`objects/${name}.object.yaml`]: lines(
      `name: ${name}`,
      'fields:',
      `  amount: { type: ${type} }`,
      '  label: { type: text }',
      `  note: { type: text, visibleWhen: "${condition}" }`, // 5
    ),
  }
}

describe('CEL environments shared between objects', () => {
  it('types the same expression by each object’s own field types', () => {
    const found = check({
      ...objectWithAmount('invoice', 'currency', 'record.amount > 0.0'),
      ...objectWithAmount('memo', 'text', 'record.amount > 0.0'),
      ...objectWithAmount('purchase', 'number', 'record.amount > 0.0'),
    })
    expect(positions(found)).toEqual(['objects/memo.object.yaml:5:37 OOS_CEL_TYPE'])
    expect(found[0]?.message).toBe('type error: no such overload: string > double')
  })

  it('checks a field read by index against all the fields of the object', () => {
    const found = check({
      ...objectWithAmount('invoice', 'currency', "record['amount'] > 0.0 && record.label != ''"),
      ...objectWithAmount('memo', 'currency', "record['amout'] > 0.0 && record.label != ''"),
    })
    expect(positions(found)).toEqual(['objects/memo.object.yaml:5:37 OOS_CEL_TYPE'])
    expect(found[0]?.message).toBe('type error: No such key: amout')
  })

  it('names the objects of rows in messages, and keeps rows of different objects apart', () => {
    const child = (name: string, master: string) => ({
      [`objects/${name}.object.yaml`]: lines(
        `name: ${name}`,
        'fields:',
        `  up: { type: master_detail, reference: ${master} }`,
        '  label: { type: text }',
        '  a: { type: text, visibleWhen: "[record, parent].size() == 2" }', // 5
        '  b: { type: text, visibleWhen: "parent" }', // 6
      ),
    })
    // `task` and `step` declare the same fields; a step is not a task all the same.
    const found = check({ ...child('task', 'task'), ...child('step', 'task') })
    expect(positions(found)).toEqual([
      'objects/task.object.yaml:6:34 OOS_CEL_NOT_BOOLEAN',
      'objects/step.object.yaml:5:43 OOS_CEL_TYPE',
      'objects/step.object.yaml:6:34 OOS_CEL_NOT_BOOLEAN',
    ])
    expect(found.map((d) => d.message)).toEqual([
      'a condition must evaluate to true or false, but this expression gives task record',
      "type error: List elements must have the same type, expected type 'step record' but found 'task record'",
      'a condition must evaluate to true or false, but this expression gives task record',
    ])
  })

  it('leaves row-level security untyped on an object with a field CEL cannot declare', () => {
    const policy = (object: string) =>
      lines(
        'name: p',
        'objects: {}',
        'rowLevelSecurity:',
        '  - name: own',
        `    object: ${object}`,
        '    operation: select',
        '    using: owner_id == current_user.id && amount > 0.0 && label > 0', // 7
      )
    const object = (name: string, extra: string) =>
      lines(
        `name: ${name}`,
        'fields:',
        '  amount: { type: currency }',
        '  label: { type: text }',
        extra,
      )
    // `type` names CEL's type constant; `kind` is an ordinary name.
    const untyped = check({
      'objects/asset.object.yaml': object('asset', '  type: { type: text }'),
      'permissions/p.permission.yaml': policy('asset'),
    })
    expect(untyped).toEqual([])
    const typed = check({
      'objects/asset.object.yaml': object('asset', '  kind: { type: text }'),
      'permissions/p.permission.yaml': policy('asset'),
    })
    expect(positions(typed)).toEqual(['permissions/p.permission.yaml:7:59 OOS_CEL_TYPE'])
    expect(typed[0]?.message).toBe('type error: no such overload: string > int')
  })
})
