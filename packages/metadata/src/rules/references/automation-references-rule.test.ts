import { describe, expect, it } from 'vitest'
import { checkRules } from '../check-rules.js'
import { lines, parsedApp, positions } from '../testing/parsed-app.js'

const app = {
  'objects/account.object.yaml': lines(
    'name: account',
    'fields:',
    '  name: { type: text }',
    '  email: { type: email }',
    '  manager: { type: lookup, reference: account }',
    '  notes: { type: textarea }',
  ),
  'permissions/sales.permission.yaml': lines('name: sales', 'objects: {}'),
}

function check(file: string, text: string) {
  const docs = parsedApp({ ...app, [file]: text })
  return checkRules(docs, docs)
}

describe('triggers', () => {
  it('accepts one object, a list of objects and the * wildcard', () => {
    for (const object of ['account', '[account]', "'*'"]) {
      const text = lines('name: t', `object: ${object}`, 'events: [afterInsert]')
      expect(check('triggers/t.trigger.yaml', text)).toEqual([])
    }
  })

  it('reports unknown objects, also inside a list', () => {
    const text = lines('name: t', 'object: [account, acount]', 'events: [afterInsert]')
    const found = check('triggers/t.trigger.yaml', text)
    expect(positions(found)).toEqual(['triggers/t.trigger.yaml:2:19 OOS_REF_UNKNOWN_OBJECT'])
    expect(found[0]?.path).toEqual(['object', 1])
  })
})

describe('flows', () => {
  const flow = (...body: string[]) => lines('name: f', 'label: F', 'type: record_change', ...body)

  it('accepts a record-triggered flow whose steps resolve', () => {
    const text = flow(
      'nodes:',
      '  - { id: start, type: start, label: S, config: { objectName: account, triggerType: record-after-create } }',
      '  - { id: get, type: get_record, label: G, config: { objectName: account, filter: { name: x, $or: [] }, fields: [name] } }',
      '  - { id: upd, type: update_record, label: U, config: { objectName: account, fields: { notes: hi } } }',
      'edges:',
      '  - { id: e1, source: start, target: get }',
      '  - { id: e2, source: get, target: upd }',
    )
    expect(check('flows/f.flow.yaml', text)).toEqual([])
  })

  it('reports unknown objects and fields of record steps, unknown subflows and edge ends', () => {
    const text = flow(
      'nodes:',
      '  - id: start', // 5
      '    type: start',
      '    label: S',
      '    config: { objectName: acount }', // 8
      '  - id: get',
      '    type: get_record',
      '    label: G',
      '    config: { objectName: account, filter: { nmae: x }, fields: [emial] }', // 12
      '  - id: sub',
      '    type: subflow',
      '    label: Sub',
      '    config: { flowName: onboard }', // 16
      'edges:',
      '  - { id: e1, source: start, target: gett }', // 18
    )
    expect(positions(check('flows/f.flow.yaml', text))).toEqual([
      'flows/f.flow.yaml:8:27 OOS_REF_UNKNOWN_OBJECT',
      'flows/f.flow.yaml:12:46 OOS_REF_UNKNOWN_FIELD',
      'flows/f.flow.yaml:12:66 OOS_REF_UNKNOWN_FIELD',
      'flows/f.flow.yaml:16:25 OOS_REF_UNKNOWN_TARGET',
      'flows/f.flow.yaml:18:38 OOS_REF_UNKNOWN_TARGET',
    ])
    const edge = check('flows/f.flow.yaml', text).at(-1)
    expect(edge).toMatchObject({
      message: 'flow node "gett" is not declared in this flow',
      hint: 'did you mean "get"?',
    })
  })
})

describe('notifications', () => {
  const notification = (...body: string[]) =>
    lines('name: n', 'object: account', 'events: [create]', 'channels: [email]', ...body)

  it('accepts recipients and placeholders that resolve', () => {
    const text = notification(
      'recipients: { fields: [email, manager, owner_id], permissionSets: [sales] }',
      'subject: "New account {{ name }}"',
      'body: "Managed by {{manager.name}}"',
    )
    expect(check('notifications/n.notification.yaml', text)).toEqual([])
  })

  it('reports recipient fields that are missing or hold no user, and unknown permission sets', () => {
    const text = notification(
      'recipients: { fields: [emial, notes], permissionSets: [sale] }', // 5
      'subject: S',
      'body: B',
    )
    const found = check('notifications/n.notification.yaml', text)
    expect(positions(found)).toEqual([
      'notifications/n.notification.yaml:5:24 OOS_REF_UNKNOWN_FIELD',
      'notifications/n.notification.yaml:5:31 OOS_REF_FIELD_TYPE',
      'notifications/n.notification.yaml:5:56 OOS_REF_UNKNOWN_TARGET',
    ])
    expect(found[2]?.message).toBe('permission set "sale" is not declared in this app')
  })

  it('points at a misspelt placeholder inside the template, even in a block scalar', () => {
    const text = notification(
      'recipients: { fields: [email] }',
      'subject: "Hello {{ nmae }}"', // 6
      'body: |', // 7
      '  Dear {{name}},', // 8
      '  your manager {{manager.nme}} will call.', // 9
    )
    const found = check('notifications/n.notification.yaml', text)
    expect(positions(found)).toEqual([
      'notifications/n.notification.yaml:6:20 OOS_REF_UNKNOWN_FIELD',
      'notifications/n.notification.yaml:9:26 OOS_REF_UNKNOWN_FIELD',
    ])
    expect(found[0]?.hint).toBe('did you mean "name"?')
    expect(found[1]?.message).toBe('"nme" is not a field of object "account"')
  })
})
