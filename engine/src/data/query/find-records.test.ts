import { InvalidQuery, UnknownField, UnknownObject } from '@objectos/errors'
import { beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { findRecords } from './find-records.js'
import type { FindQuery } from './query-types.js'
import { accountIds, accounts } from './testing/account-fixture.js'
import { useQueryTestApp } from './testing/query-test-app.js'

describe.each(dialects)('findRecords on %s', (dialect) => {
  const app = useQueryTestApp(dialect)
  const find = (query: FindQuery, object = 'account') =>
    findRecords(app.db(), app.registry, object, query)
  const names = async (query: FindQuery) => (await find(query)).records.map((r) => r.name)
  beforeAll(async () => {
    await app.insert('account', accounts)
    await app.insert(
      'contact',
      Array.from({ length: 60 }, (_, i) => ({ name: `contact ${String(i).padStart(2, '0')}` })),
    )
  })

  it('returns every field decoded by default', async () => {
    const { records } = await find({ filter: { id: accountIds.acme } })
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      id: accountIds.acme,
      name: 'Acme Corp',
      active: true,
      employees: 100,
      revenue: 1000.5,
      founded: '2001-05-01',
      tags: ['key', 'vip'],
      settings: { theme: 'dark' },
      parent_account: null,
      version: 1,
    })
    const bolt = (await find({ filter: { id: accountIds.bolt } })).records[0]
    expect(bolt).toMatchObject({ active: null, employees: null, tags: [], regions: [] })
  })

  it('returns only the selected fields, always with the id', async () => {
    const { records } = await find({ fields: ['name', 'industry'], filter: { industry: 'retail' } })
    expect(records).toEqual([{ id: accountIds.acorn, name: 'acorn ltd', industry: 'retail' }])
  })

  it('sorts descending with NULLs last and breaks ties by id', async () => {
    expect(await names({ sort: ['-employees'] })).toEqual([
      'Zed',
      'Acme Corp',
      'acorn ltd',
      "O'Brien & Co",
      'Bolt 50% Off_Sale',
    ])
    expect(await names({ sort: ['employees'] })).toEqual([
      "O'Brien & Co",
      'acorn ltd',
      'Acme Corp',
      'Zed',
      'Bolt 50% Off_Sale',
    ])
    // industry ties (tech twice) fall back to the id; a NULL industry sorts last.
    expect(await names({ sort: [{ field: 'industry', direction: 'asc' }] })).toEqual([
      'Bolt 50% Off_Sale',
      'acorn ltd',
      'Acme Corp',
      "O'Brien & Co",
      'Zed',
    ])
    expect(await names({ sort: ['-industry', '-name'] })).toEqual([
      "O'Brien & Co",
      'Acme Corp',
      'acorn ltd',
      'Bolt 50% Off_Sale',
      'Zed',
    ])
  })

  it('pages with limit and offset, and reports nextCursor only when more rows follow', async () => {
    const first = await find({ sort: ['-employees'], limit: 2 })
    expect(first.records.map((r) => r.name)).toEqual(['Zed', 'Acme Corp'])
    expect(first.nextCursor).toEqual(expect.any(String))
    expect(await names({ sort: ['-employees'], limit: 2, offset: 2 })).toEqual([
      'acorn ltd',
      "O'Brien & Co",
    ])
    const last = await find({ sort: ['-employees'], limit: 2, offset: 3 })
    expect(last.records).toHaveLength(2)
    expect(last.nextCursor).toBeUndefined()
    expect((await find({ limit: 5 })).nextCursor).toBeUndefined()
  })

  it('defaults to 50 rows and accepts up to 500', async () => {
    const page = await find({}, 'contact')
    expect(page.records).toHaveLength(50)
    expect(page.nextCursor).toBeDefined()
    expect((await find({ limit: 500 }, 'contact')).records).toHaveLength(60)
  })

  it('counts every matching row only when asked', async () => {
    const page = await find({ filter: { employees: { $gte: 50 } }, limit: 1, count: true })
    expect(page.records).toHaveLength(1)
    expect(page.total).toBe(3)
    expect((await find({ limit: 1 })).total).toBeUndefined()
    expect((await find({ count: true }, 'contact')).total).toBe(60)
  })

  const invalid: [string, FindQuery, string][] = [
    ['a limit above 500', { limit: 501 }, 'limit'],
    ['a zero limit', { limit: 0 }, 'limit'],
    ['a fractional limit', { limit: 1.5 }, 'limit'],
    ['a string limit', { limit: '10' as never }, 'limit'],
    ['a negative offset', { offset: -1 }, 'offset'],
    ['offset with cursor', { offset: 1, cursor: 'abc' }, 'offset'],
    ['a sort that is not a list', { sort: '-name' as never }, 'sort'],
    ['a bad sort direction', { sort: [{ field: 'name', direction: 'up' as never }] }, 'sort[0]'],
    ['a field sorted twice', { sort: ['name', '-name'] }, 'name'],
    ['a sort on a list field', { sort: ['tags'] }, 'tags'],
    ['fields that are not a list', { fields: 'name' as never }, 'fields'],
    ['a non-boolean count', { count: 'yes' as never }, 'count'],
    ['an unknown query key', { filtr: {} } as never, 'filtr'],
  ]
  it.each(invalid)('rejects %s with InvalidQuery', async (_label, query, mention) => {
    const error = await find(query).catch((e: unknown) => e)
    expect(InvalidQuery.is(error), String(error)).toBe(true)
    expect((error as Error).message).toContain(mention)
  })

  it('rejects unknown fields in fields and sort, naming them', async () => {
    const inFields = await find({ fields: ['name', 'nmae'] }).catch((e: unknown) => e)
    expect(UnknownField.is(inFields)).toBe(true)
    expect((inFields as Error).message).toMatch(/"nmae".*fields/)
    const inSort = await find({ sort: ['-amount'] }).catch((e: unknown) => e)
    expect(UnknownField.is(inSort)).toBe(true)
    expect((inSort as Error).message).toMatch(/"amount".*sort/)
    const injected = await find({ sort: ['name; drop table account'] }).catch((e: unknown) => e)
    expect(UnknownField.is(injected)).toBe(true)
  })

  it('rejects an unknown object', async () => {
    await expect(find({}, 'acount')).rejects.toSatisfy((e: unknown) => UnknownObject.is(e))
  })

  it('runs inside a transaction and sees its uncommitted rows', async () => {
    await app
      .db()
      .knex.transaction(async (trx) => {
        await trx('contact').insert({ id: 'trx-contact', version: 1, name: 'inside' })
        const page = await findRecords({ knex: trx, dialect }, app.registry, 'contact', {
          filter: { name: 'inside' },
        })
        expect(page.records.map((r) => r.id)).toEqual(['trx-contact'])
        throw new Error('rollback')
      })
      .catch((e: unknown) => {
        if ((e as Error).message !== 'rollback') throw e
      })
    expect((await find({ filter: { name: 'inside' } }, 'contact')).records).toEqual([])
  })
})
