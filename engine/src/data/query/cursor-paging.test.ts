import { InvalidCursor } from '@objectos/errors'
import { beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import type { DataRecord } from '../values/row-codec.js'
import { findRecords } from './find-records.js'
import type { FindQuery } from './query-types.js'
import { accounts } from './testing/account-fixture.js'
import { useQueryTestApp } from './testing/query-test-app.js'

/** amount descending, NULLs last, then id ascending — the order findRecords promises. */
function byAmountDesc(a: DataRecord, b: DataRecord): number {
  const x = a.amount as number | null
  const y = b.amount as number | null
  if (x !== y) {
    if (x === null) return 1
    if (y === null) return -1
    return y - x
  }
  return String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0
}

describe.each(dialects)('cursor paging on %s', (dialect) => {
  const app = useQueryTestApp(dialect)
  const find = (query: FindQuery, object = 'account') =>
    findRecords(app.db(), app.registry, object, query)

  /** Every page of `query`, following nextCursor. */
  async function allPages(query: FindQuery, object = 'account'): Promise<DataRecord[]> {
    const out: DataRecord[] = []
    let cursor: string | undefined
    for (let guard = 0; guard < 100; guard++) {
      const page = await find({ ...query, cursor }, object)
      out.push(...page.records)
      cursor = page.nextCursor
      if (cursor === undefined) return out
    }
    throw new Error('paging did not end')
  }

  beforeAll(async () => {
    await app.insert('account', accounts)
  })

  it.each([
    [['-employees']],
    [['employees']],
    [['industry', '-name']],
    [[{ field: 'founded', direction: 'desc' as const }, 'opens_at']],
    [['active', '-last_contact']],
    [['-id']],
    [[]],
  ])('walks every row exactly once in sort order: %j', async (sort) => {
    const whole = await find({ sort, limit: 500 })
    for (const limit of [1, 2, 3]) {
      const paged = await allPages({ sort, limit })
      expect(paged.map((r) => r.id)).toEqual(whole.records.map((r) => r.id))
    }
  })

  it('pages a filtered query', async () => {
    const filter = { employees: { $ne: 100 } }
    const paged = await allPages({ filter, sort: ['-employees'], limit: 1 })
    expect(paged.map((r) => r.name)).toEqual([
      'Zed',
      'acorn ltd',
      "O'Brien & Co",
      'Bolt 50% Off_Sale',
    ])
  })

  it('has no gaps and no duplicates while rows are inserted between pages', async () => {
    const amounts = [500, 400, 400, 400, 300, null, 250, 200, 200, 150, 100, null, 90, 80, 80, 10]
    const original = await app.insert(
      'opportunity',
      amounts.map((amount, i) => ({ name: `deal ${i}`, amount })),
    )
    const seen: DataRecord[] = []
    const expectedLate: DataRecord[] = []
    let cursor: string | undefined
    let round = 0
    do {
      const page = await find({ sort: ['-amount'], limit: 3, cursor }, 'opportunity')
      seen.push(...page.records)
      cursor = page.nextCursor
      const position = page.records.at(-1)
      if (cursor === undefined || position === undefined) break
      // New rows before, at and after the position just reached (same amount too, and NULLs).
      const current = position.amount as number | null
      const inserted = await app.insert('opportunity', [
        { name: `late ${round} top`, amount: 10_000 + round },
        { name: `late ${round} same`, amount: current },
        { name: `late ${round} low`, amount: 1 + round / 10 },
        { name: `late ${round} none`, amount: null },
      ])
      for (const row of inserted) {
        if (byAmountDesc(row, position) > 0) expectedLate.push(row)
      }
      round++
    } while (round < 50)

    const ids = seen.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const row of original) expect(ids).toContain(row.id)
    expect(seen).toEqual([...seen].sort(byAmountDesc))
    // Rows inserted behind the position never show up; rows ahead of it always do.
    const late = seen.filter((r) => String(r.name).startsWith('late'))
    expect(late.map((r) => r.id).sort()).toEqual(expectedLate.map((r) => r.id).sort())
    expect(seen.length).toBe(original.length + expectedLate.length)
    expect(round).toBeGreaterThan(3)
  })

  it('rejects a cursor made for another sort, another object, or tampered with', async () => {
    const page = await find({ sort: ['-employees'], limit: 1 })
    const cursor = page.nextCursor as string
    const reject = async (query: FindQuery, object = 'account') => {
      const error = await find(query, object).catch((e: unknown) => e)
      expect(InvalidCursor.is(error), String(error)).toBe(true)
    }
    await reject({ sort: ['employees'], cursor })
    await reject({ sort: ['-employees', 'name'], cursor })
    await reject({ cursor })
    await reject({ cursor }, 'contact')
    await reject({ sort: ['-employees'], cursor: 'not-a-cursor' })
    await reject({ sort: ['-employees'], cursor: '' })
    const body = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as {
      s: string
      v: unknown[]
    }
    const forge = (v: unknown[]) =>
      Buffer.from(JSON.stringify({ ...body, v })).toString('base64url')
    await reject({ sort: ['-employees'], cursor: forge(['many', body.v[1]]) })
    await reject({ sort: ['-employees'], cursor: forge([100]) })
    await reject({ sort: ['-employees'], cursor: forge([100, null]) })
    await reject({ sort: ['-employees'], cursor: forge([{ $gt: 1 }, body.v[1]]) })
    // A well-formed forged position is just a position.
    const forged = await find({ sort: ['-employees'], cursor: forge([100, body.v[1]]) })
    expect(forged.records.map((r) => r.name)).toContain('acorn ltd')
  })
})
