import { describe, expect, it } from 'vitest'
import type { FindOptions, FindQuery } from '../../data/query/query-types.js'
import type { DataRecord, RecordService } from '../../data/record-service.js'
import { loadByIds, loadChildren, maxBatchRecords } from './relation-loaders.js'
import { RequestBatcher } from './request-batcher.js'

/**
 * A RecordService over an in-memory list that understands what the loaders send — `$in` on one
 * field, optionally ANDed with more — honours the limit and records every find with its options.
 */
function fakeRecords(rows: readonly DataRecord[]) {
  const finds: FindQuery[] = []
  const options: (FindOptions | undefined)[] = []
  const matches = (row: DataRecord, filter: Record<string, unknown>): boolean =>
    Object.entries(filter).every(([key, condition]) => {
      if (key === '$and')
        return (condition as Record<string, unknown>[]).every((f) => matches(row, f))
      const operand = condition as { $in?: unknown[]; $gte?: number }
      if (operand.$in !== undefined) return operand.$in.includes(row[key])
      if (operand.$gte !== undefined) return Number(row[key]) >= operand.$gte
      return row[key] === condition
    })
  const records = {
    find: async (
      _object: string,
      query: FindQuery = {},
      _context: unknown,
      given?: FindOptions,
    ) => {
      finds.push(query)
      options.push(given)
      const limit = query.limit ?? 50
      if (limit > (given?.maxLimit ?? 500)) throw new Error(`limit ${limit} over the maximum`)
      const all = rows.filter((row) => matches(row, query.filter ?? {}))
      return { records: all.slice(0, limit), nextCursor: undefined, total: undefined }
    },
  } as unknown as RecordService
  return { records, finds, options }
}

const context = { door: 'test' } as const

const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`)

describe('loadByIds', () => {
  it('answers in the order asked, null for a missing id, one find per 1,000 distinct ids', async () => {
    const { records, finds } = fakeRecords(ids(1200, 'a').map((id) => ({ id })))
    const wanted = [...ids(1200, 'a'), 'a3', 'gone'].reverse()
    const loaded = await loadByIds(records, 'account', ['id'], wanted, context)
    expect(loaded.map((r) => r?.id ?? null)).toEqual(
      wanted.map((id) => (id === 'gone' ? null : id)),
    )
    expect(finds).toHaveLength(2)
    expect(finds.map((f) => f.limit)).toEqual([1000, 201])
  })
})

describe('loadChildren', () => {
  const relation = { child: 'opportunity', field: 'account' }
  // Three parents; p0 has 400 children, p1 300, p2 none — 700 in "sort order".
  const children = [
    ...ids(400, 'x').map((id, i) => ({ id, account: 'p0', amount: i })),
    ...ids(300, 'y').map((id, i) => ({ id, account: 'p1', amount: i })),
  ]

  it('groups every child under its parent, reading them all in one find', async () => {
    const { records, finds, options } = fakeRecords(children)
    const lists = await loadChildren(
      records,
      relation,
      {},
      ['id'],
      ['p0', 'p1', 'p2', 'p0'],
      context,
    )
    expect(lists.map((l) => l.length)).toEqual([400, 300, 0, 400])
    expect(finds).toHaveLength(1)
    // Past the 500 a request may ask for: the batch's budget plus one, to notice overflow.
    expect(finds[0]?.limit).toBe(maxBatchRecords + 1)
    expect(options[0]?.maxLimit).toBe(maxBatchRecords + 1)
    // The lookup is read even when not selected, to group by it.
    expect(finds[0]?.fields).toEqual(['id', 'account'])
    expect(finds[0]?.filter).toEqual({ account: { $in: ['p0', 'p1', 'p2'] } })
  })

  it('keeps the first `limit` of each parent', async () => {
    const { records, finds } = fakeRecords([...children, { id: 'z', account: 'p2', amount: 1 }])
    const lists = await loadChildren(records, relation, { limit: 2 }, ['id'], ['p0', 'p1'], context)
    expect(lists.map((l) => l.map((r) => r.id))).toEqual([
      ['x0', 'x1'],
      ['y0', 'y1'],
    ])
    expect(finds).toHaveLength(1)
  })

  it('takes 1,000 parents per find', async () => {
    const { records, finds } = fakeRecords(children)
    const parents = ['p0', 'p1', ...ids(1500, 'q')]
    const lists = await loadChildren(records, relation, {}, ['id'], parents, context)
    expect(lists.slice(0, 3).map((l) => l.length)).toEqual([400, 300, 0])
    expect(finds.map((f) => (f.filter?.account as { $in: unknown[] }).$in.length)).toEqual([
      1000, 502,
    ])
  })

  it('lets the database apply the limit when one parent is asked for', async () => {
    const { records, finds } = fakeRecords(children)
    const [list] = await loadChildren(records, relation, { limit: 3 }, ['id'], ['p1'], context)
    expect(list?.map((r) => r.id)).toEqual(['y0', 'y1', 'y2'])
    expect(finds).toHaveLength(1)
    expect(finds[0]?.limit).toBe(3)
  })

  it('ANDs the filter of the list with the parents', async () => {
    const { records, finds } = fakeRecords(children)
    const [list] = await loadChildren(
      records,
      relation,
      { filter: { amount: { $gte: 398 } } },
      ['id'],
      ['p0'],
      context,
    )
    expect(list?.map((r) => r.id)).toEqual(['x398', 'x399'])
    expect(finds[0]?.filter).toEqual({
      $and: [{ account: { $in: ['p0'] } }, { amount: { $gte: 398 } }],
    })
  })

  it('refuses a limit out of range and a batch that would read too many records', async () => {
    const { records } = fakeRecords(children)
    await expect(
      loadChildren(records, relation, { limit: 0 }, ['id'], ['p0'], context),
    ).rejects.toThrow('invalid limit: expects a whole number from 1 to 500, got 0')
    const many = fakeRecords(ids(maxBatchRecords + 1, 'c').map((id) => ({ id, account: 'p0' })))
    await expect(
      loadChildren(many.records, relation, {}, ['id'], ['p0'], context),
    ).rejects.toMatchObject({
      code: 'OOS_DATA_INVALID_QUERY',
      message: expect.stringContaining(`more than ${maxBatchRecords} opportunity records`),
    })
  })
})

describe('RequestBatcher', () => {
  it('runs the loads of one pass as one batch, in call order, and caches by item', async () => {
    const batcher = new RequestBatcher()
    const runs: string[][] = []
    const run = async (items: readonly string[]) => {
      runs.push([...items])
      return items.map((item) => item.toUpperCase())
    }
    const values = await Promise.all(['a', 'b', 'a'].map((item) => batcher.load('k', item, run)))
    expect(values).toEqual(['A', 'B', 'A'])
    expect(runs).toEqual([['a', 'b']])
    // Loads queued from the continuations of the first batch form the next one.
    await Promise.all(['c', 'd'].map((item) => batcher.load('k', item, run)))
    expect(runs).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    await batcher.load('k', 'a', run)
    expect(runs).toHaveLength(2)
    batcher.clear()
    await batcher.load('k', 'a', run)
    expect(runs).toHaveLength(3)
  })

  it('fails every load of a failed batch with the same error', async () => {
    const batcher = new RequestBatcher()
    const boom = new Error('boom')
    const results = await Promise.allSettled(
      ['a', 'b'].map((item) => batcher.load('k', item, () => Promise.reject(boom))),
    )
    expect(results.map((r) => (r.status === 'rejected' ? r.reason : r.value))).toEqual([boom, boom])
  })
})
