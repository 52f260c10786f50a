import { describe, expect, it } from 'vitest'
import { checkRules } from '../check-rules.js'
import { lines, parsedApp, positions } from '../testing/parsed-app.js'

describe('duplicate names', () => {
  it('reports the later of two files of one kind declaring the same name', () => {
    const docs = parsedApp({
      'objects/account.object.yaml': lines('name: account', 'fields: {}'),
      'objects/legacy/account.object.yaml': lines('# old copy', 'name: account', 'fields: {}'),
      'views/account.view.yaml': lines('name: account', 'object: account'),
    })
    const found = checkRules(docs, docs)
    expect(positions(found)).toEqual(['objects/legacy/account.object.yaml:2:7 OOS_NAME_DUPLICATE'])
    expect(found[0]?.message).toBe(
      'object "account" is also declared in objects/account.object.yaml',
    )
  })

  it('reports a duplicate even when the first file failed its schema', () => {
    const docs = parsedApp({
      'flows/a.flow.yaml': lines('name: onboard', 'nodes: 3'),
      'flows/b.flow.yaml': lines('name: onboard', 'label: B', 'type: api', 'nodes: []'),
    })
    const [, valid] = docs
    expect(positions(checkRules(docs, [valid!]))).toEqual([
      'flows/b.flow.yaml:1:7 OOS_NAME_DUPLICATE',
    ])
  })

  it('reports a field whose name differs from its key', () => {
    const docs = parsedApp({
      'objects/deal.object.yaml': lines(
        'name: deal',
        'fields:',
        '  amount: { type: number }',
        '  total: { type: number, name: amount }', // 4
      ),
    })
    const found = checkRules(docs, docs)
    expect(positions(found)).toEqual(['objects/deal.object.yaml:4:32 OOS_NAME_FIELD_KEY_MISMATCH'])
    expect(found[0]?.message).toBe(
      'field "total" declares name "amount"; a field is named by its key',
    )
  })

  it('reports fields that differ only in case', () => {
    const docs = parsedApp({
      'objects/deal.object.yaml': lines('name: deal', 'fields:', '  amount: {}', '  Amount: {}'),
    })
    const found = checkRules(docs, docs)
    expect(positions(found)).toEqual(['objects/deal.object.yaml:4:3 OOS_NAME_DUPLICATE_ITEM'])
    expect(found[0]?.hint).toBe('"amount" differs only in case; column names are case-insensitive')
  })

  it('reports repeated names inside one file, pointing back at the first', () => {
    const docs = parsedApp({
      'objects/deal.object.yaml': lines(
        'name: deal',
        'fields: {}',
        'validations:',
        '  - { name: positive, type: script, condition: "true", message: m }',
        '  - { name: positive, type: script, condition: "true", message: m }', // 5
        'indexes:',
        '  - { name: by_stage, fields: [id] }',
        '  - { name: by_owner, fields: [owner_id] }',
      ),
      'flows/f.flow.yaml': lines(
        'name: f',
        'label: F',
        'type: api',
        'nodes:',
        '  - { id: start, type: start, label: S }',
        '  - { id: start, type: end, label: E }', // 6
      ),
    })
    const found = checkRules(docs, docs)
    expect(positions(found)).toEqual([
      'objects/deal.object.yaml:5:13 OOS_NAME_DUPLICATE_ITEM',
      'flows/f.flow.yaml:6:11 OOS_NAME_DUPLICATE_ITEM',
    ])
    expect(found[0]).toMatchObject({
      message: 'validation rule "positive" is declared more than once',
      hint: 'first declared on line 4',
    })
    expect(found[1]?.message).toBe('flow node "start" is declared more than once')
  })
})
