import { describe, expect, it } from 'vitest'
import { buildSymbolTable } from './build-symbol-table.js'
import { checkRules } from './check-rules.js'
import { isDeclared, isUnparsed } from './symbol-table.js'
import { lines, parsedApp } from './testing/parsed-app.js'

describe('buildSymbolTable', () => {
  it('knows each object with its fields, then the system columns', () => {
    const symbols = buildSymbolTable(
      parsedApp({
        'objects/deal.object.yaml': lines(
          'name: deal',
          'fields:',
          '  amount: { type: currency }',
          '  account: { type: lookup, reference: account, multiple: true }',
        ),
      }),
    )
    const deal = symbols.objects.get('deal')
    expect([...(deal?.fields.keys() ?? [])]).toEqual([
      'amount',
      'account',
      'id',
      'created_at',
      'updated_at',
      'created_by',
      'updated_by',
      'owner_id',
      'version',
    ])
    expect(deal?.fields.get('account')).toMatchObject({ reference: 'account', multiple: true })
    expect(deal?.fields.get('owner_id')).toMatchObject({ system: true, type: 'user' })
  })

  it('tolerates files of any shape, falling back to the file stem for the name', () => {
    const docs = parsedApp({
      'objects/a.object.yaml': 'just text\n',
      'objects/b.object.yaml': lines('name: [b]', 'fields: [1, 2]'),
      'objects/c.object.yaml': lines('name: c', 'fields: { x: 5, y: ~, z: { type: 3 } }'),
      'views/v.view.yaml': '- a list\n',
    })
    const symbols = buildSymbolTable(docs)
    expect([...symbols.objects.keys()]).toEqual(['a', 'b', 'c'])
    expect(symbols.objects.get('c')?.fields.get('z')).toMatchObject({ type: undefined })
    expect(() => checkRules(docs, docs)).not.toThrow()
  })

  it('keeps the first of two objects with one name and lists both declarations', () => {
    const docs = parsedApp({
      'objects/a.object.yaml': lines('name: thing', 'fields: { one: {} }'),
      'objects/b.object.yaml': lines('name: thing', 'fields: { two: {} }'),
    })
    const symbols = buildSymbolTable(docs)
    expect(symbols.objects.get('thing')?.fields.has('one')).toBe(true)
    expect(
      symbols.names
        .get('object')
        ?.get('thing')
        ?.map((d) => d.file),
    ).toEqual(['objects/a.object.yaml', 'objects/b.object.yaml'])
  })

  it('declares the names of files that did not parse, without their contents', () => {
    const docs = parsedApp({ 'objects/deal.object.yaml': lines('name: deal', 'fields: {}') })
    const symbols = buildSymbolTable(docs, [
      { file: 'objects/account.object.yaml', kind: 'object', stem: 'account' },
      { file: 'objects/deal.object.yaml', kind: 'object', stem: 'deal' },
      { file: 'objectos.yaml', kind: 'manifest', stem: 'objectos' },
    ])
    expect([...symbols.objects.keys()]).toEqual(['deal'])
    expect([...symbols.unparsed.entries()]).toEqual([['object', new Set(['account'])]])
    expect(isDeclared(symbols, 'object', 'account')).toBe(true)
    expect(isUnparsed(symbols, 'object', 'deal')).toBe(false)
  })
})
