/**
 * Sharing rules, positions, row-level policies and manual shares attacked through REST, on every
 * dialect: each case is a request a user could send to see or change a deal that ownership, the
 * rules and the policies do not give them, and each asserts the exact rows the answer holds and,
 * for a refused write, that the stored records did not change. The app, its users and deals are
 * the sharing test app's (engine/src/data/access/testing/sharing-test-app.ts); callers are
 * identified by the test-only `x-test-user` header.
 */
import { describe, expect, it } from 'vitest'
import { dialects } from '../../src/testing/test-database.js'
import {
  deals,
  missingId,
  q,
  shapeOf,
  sharingUsers,
  useServedSharingApp,
  visibleDeals,
  type Caller,
  type Row,
} from './testing/served-sharing-app.js'

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

interface Problem {
  readonly title: string
  readonly status: number
  readonly code: string
  readonly errors?: readonly { field: string; code: string; message: string }[]
}

describe.each(dialects)('sharing through REST on %s', (dialect) => {
  const served = useServedSharingApp(dialect)
  const id = (key: string) => served().id(key)
  const user = (caller: Caller) => served().user(caller)

  /** A request to /api/v1/data/… as `as`; `body` may be raw JSON text. */
  const send = (as: Caller, method: Method, url: string, body?: unknown) =>
    served().server.inject({
      method,
      url: `/api/v1/data/${url}`,
      headers: {
        ...served().headers(as),
        ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
      },
      ...(body === undefined ? {} : { payload: body as string }),
    })
  const refusal = async (as: Caller, method: Method, url: string, body?: unknown) => {
    const res = await send(as, method, url, body)
    return [res.statusCode, res.json<Problem>().code]
  }
  const dealNames = async (as: Caller, query = '') => {
    const res = await send(as, 'GET', `deal?sort=name${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json<{ data: Row[] }>().data.map((r) => r.name)
  }
  const aggregate = async (as: Caller, body: Row) => {
    const res = await send(as, 'POST', 'deal/aggregate', body)
    expect(res.statusCode, res.body).toBe(200)
    // PostgreSQL answers sums as numeric text.
    return res
      .json<{ data: Row[] }>()
      .data.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [
            k,
            typeof v === 'string' && k !== 'region' && k !== 'stage' ? Number(v) : v,
          ]),
        ),
      )
  }
  const share = (recordKey: string, sharedWith: Caller, extra: Row = {}) => ({
    object_name: 'deal',
    record_id: recordKey === 'missing' ? missingId : id(recordKey),
    shared_with: user(sharedWith),
    ...extra,
  })
  /** Deals a user may not read, for the probes through shares. */
  const unreadable: [Caller, string][] = [
    ['nora', 'd1'],
    ['sam', 'd1'],
    ['rita', 'd3'],
    ['pat', 'd3'],
    ['cap', 'd6'],
  ]
  /** Deletes, as the engine, every share made during a case. */
  const dropShares = async () => {
    for (const row of await served().rows('sys_record_share')) {
      await served().fixture.app.records.delete('sys_record_share', String(row.id))
    }
  }

  it('shows each user exactly the deals ownership, sharing rules and policies reach', async () => {
    for (const name of sharingUsers) {
      const expected = visibleDeals[name]
      if (expected === undefined) {
        for (const [method, url, body] of [
          ['GET', 'deal'],
          ['GET', 'deal?count=true&limit=1'],
          ['POST', 'deal/query', { filter: {} }],
          ['POST', 'deal/aggregate', { aggregates: { n: { fn: 'count' } } }],
        ] as const) {
          expect(await refusal(name, method, url, body), `${name} ${url}`).toEqual([
            403,
            'OOS_ACCESS_OBJECT_DENIED',
          ])
        }
        continue
      }
      expect(await dealNames(name), name).toEqual(expected)
      const counted = await send(name, 'GET', 'deal?count=true&limit=1')
      expect(counted.json<{ meta: { total: number } }>().meta.total, name).toBe(expected.length)
      const queried = await send(name, 'POST', 'deal/query', { sort: ['name'] })
      expect(
        queried.json<{ data: Row[] }>().data.map((r) => r.name),
        name,
      ).toEqual(expected)
      expect(await aggregate(name, { aggregates: { n: { fn: 'count' } } }), name).toEqual([
        { n: expected.length },
      ])
      // Each visible deal reads in full by id, exactly as stored.
      for (const dealName of expected) {
        const res = await send(name, 'GET', `deal/${id(dealName.toLowerCase())}`)
        const [amount, region, stage] = deals[dealName] ?? []
        expect(res.json<{ data: Row }>().data).toMatchObject({
          name: dealName,
          amount,
          region,
          stage,
        })
      }
    }
  })

  it('answers a deal no rule shares exactly like a missing one, for every method', async () => {
    const before = await served().stored()
    const hidden: [Caller, string][] = [
      ['rita', 'd3'],
      ['sam', 'd1'],
      ['pat', 'd3'], // the partner, but D3 is lost
      ['pat', 'd1'],
      ['fin', 'd1'], // not won
      ['fin', 'd4'],
      ['vp', 'd1'], // too small
      ['vp', 'd6'], // too big
      ['reg', 'd2'], // apac
      ['reg', 'd4'],
      ['cap', 'd6'], // cap's own, over the policy's amount
      ['ann', 'd2'], // the inactive rule
    ]
    for (const [name, key] of hidden) {
      const attempts: [Method, string, unknown?][] = [
        ['GET', ''],
        ['GET', '?fields=name'],
        ['PATCH', '', { name: 'Mine now' }],
        ['DELETE', ''],
      ]
      for (const [method, suffix, body] of attempts) {
        const probe = await send(name, method, `deal/${id(key)}${suffix}`, body)
        const missing = await send(name, method, `deal/${missingId}${suffix}`, body)
        const label = `${name} ${method} ${key}${suffix}`
        expect(probe.statusCode, label).toBe(missing.statusCode)
        expect(shapeOf(probe.body, id(key)), label).toBe(shapeOf(missing.body, missingId))
        // Even fin and reg, who may change no deal at all: the record is looked up first.
        expect(probe.statusCode, label).toBe(404)
      }
      // A filter on the id is no way round it.
      const byId = await send(name, 'GET', `deal?filter=${q({ id: id(key) })}`)
      expect(byId.json<{ data: Row[] }>().data, `${name} ${key}`).toEqual([])
    }
    expect(await served().stored()).toEqual(before)
  })

  it('refuses edits and deletes a read-only rule does not give, and deletes an edit rule does not', async () => {
    const before = await served().stored()
    const refused: [Caller, Method, string, string][] = [
      ['vp', 'PATCH', 'd2', 'OOS_ACCESS_RECORD_DENIED'],
      ['vp', 'DELETE', 'd2', 'OOS_ACCESS_RECORD_DENIED'],
      ['vp', 'PATCH', 'd5', 'OOS_ACCESS_RECORD_DENIED'],
      ['vp', 'DELETE', 'd5', 'OOS_ACCESS_RECORD_DENIED'],
      // fin's set grants no edit or delete at all: the object right comes first.
      ['fin', 'PATCH', 'd2', 'OOS_ACCESS_OBJECT_DENIED'],
      ['fin', 'DELETE', 'd2', 'OOS_ACCESS_OBJECT_DENIED'],
      // An edit rule never shares deleting.
      ['pat', 'DELETE', 'd4', 'OOS_ACCESS_RECORD_DENIED'],
    ]
    for (const [name, method, key, code] of refused) {
      const body = method === 'PATCH' ? { amount: 1 } : undefined
      expect(
        await refusal(name, method, `deal/${id(key)}`, body),
        `${name} ${method} ${key}`,
      ).toEqual([403, code])
    }
    expect(await served().stored()).toEqual(before)
    // pat edits D4 through partner_deals; only D4 changes.
    const edited = await send('pat', 'PATCH', `deal/${id('d4')}`, { amount: 250 })
    expect([edited.statusCode, edited.json<{ data: Row }>().data.amount]).toEqual([200, 250])
    try {
      const after = await served().stored()
      const others = (rows: Record<string, readonly Row[]>) => ({
        ...rows,
        deal: rows.deal?.filter((r) => r.id !== id('d4')),
      })
      expect(others(after)).toEqual(others(before))
      expect(after.deal?.find((r) => r.id === id('d4'))).toMatchObject({ amount: 250, version: 2 })
    } finally {
      await served().fixture.app.records.update('deal', id('d4'), { amount: 200 })
    }
  })

  it('fails a bulk write that reaches past what rules and policies give as a whole, changing nothing', async () => {
    const before = await served().stored()
    // pat selects the deals naming him as partner: D3 (lost) is not among them.
    const partnered = `deal?filter=${q({ partner: user('pat') })}`
    const mine = await send('pat', 'GET', partnered)
    expect(mine.json<{ data: Row[] }>().data.map((r) => r.name)).toEqual(['D4'])
    const attempts: [Caller, Method, Row, number, string, string][] = [
      // Every deal the same filter matches in storage, D3 included.
      [
        'pat',
        'PATCH',
        {
          records: [
            { id: id('d4'), stage: 'won' },
            { id: id('d3'), stage: 'won' },
          ],
        },
        404,
        'OOS_DATA_NOT_FOUND',
        'records[1]',
      ],
      ['pat', 'DELETE', { ids: [id('d4')] }, 403, 'OOS_ACCESS_RECORD_DENIED', 'ids[0]'],
      // sam's own two, then rita's: the whole request fails, his own deals stay.
      [
        'sam',
        'DELETE',
        { ids: [id('d3'), id('d4'), id('d1')] },
        404,
        'OOS_DATA_NOT_FOUND',
        'ids[2]',
      ],
      [
        'sam',
        'PATCH',
        {
          records: [
            { id: id('d3'), amount: 1 },
            { id: id('d2'), amount: 1 },
          ],
        },
        404,
        'OOS_DATA_NOT_FOUND',
        'records[1]',
      ],
      [
        'vp',
        'PATCH',
        {
          records: [
            { id: id('d2'), amount: 1 },
            { id: id('d5'), amount: 1 },
          ],
        },
        403,
        'OOS_ACCESS_RECORD_DENIED',
        'records[0]',
      ],
      // cap's own deals: D5 within the policy, D6 outside it.
      [
        'cap',
        'PATCH',
        {
          records: [
            { id: id('d5'), stage: 'won' },
            { id: id('d6'), stage: 'won' },
          ],
        },
        404,
        'OOS_DATA_NOT_FOUND',
        'records[1]',
      ],
      ['cap', 'DELETE', { ids: [id('d5'), id('d6')] }, 404, 'OOS_DATA_NOT_FOUND', 'ids[1]'],
      [
        'reg',
        'PATCH',
        { records: [{ id: id('d1'), amount: 1 }] },
        403,
        'OOS_ACCESS_OBJECT_DENIED',
        'records[0]',
      ],
    ]
    for (const [name, method, body, status, code, at] of attempts) {
      const res = await send(name, method, 'deal/bulk', body)
      const problem = res.json<Problem>()
      expect([res.statusCode, problem.code], `${name} ${JSON.stringify(body)}`).toEqual([
        status,
        code,
      ])
      expect(problem.title.startsWith(`${at}: `), problem.title).toBe(true)
    }
    // The hidden entry is answered like a missing one.
    const hidden = await send('cap', 'DELETE', 'deal/bulk', { ids: [id('d5'), id('d6')] })
    const missing = await send('cap', 'DELETE', 'deal/bulk', { ids: [id('d5'), missingId] })
    expect(shapeOf(hidden.body, id('d6'))).toBe(shapeOf(missing.body, missingId))
    expect(await served().stored()).toEqual(before)
  })

  it('never lets a filter, sort, count or aggregate reach a row the policies hide', async () => {
    const big = q({ amount: { $gt: 1000 } })
    expect(await dealNames('cap', `&filter=${big}`)).toEqual([])
    expect(
      await dealNames('cap', `&filter=${q({ $or: [{ amount: { $gt: 1000 } }, { name: 'D6' }] })}`),
    ).toEqual([])
    expect(await dealNames('cap', `&filter=${q({ owner_id: user('cap') })}`)).toEqual(['D5'])
    const counted = await send('cap', 'GET', `deal?count=true&filter=${big}`)
    expect(counted.json<{ meta: { total: number } }>().meta.total).toBe(0)
    expect(
      (await send('cap', 'GET', 'deal?sort=-amount&fields=name'))
        .json<{ data: Row[] }>()
        .data.map((r) => r.name),
    ).toEqual(['D5'])
    const measures = {
      n: { fn: 'count' },
      total: { fn: 'sum', field: 'amount' },
      top: { fn: 'max', field: 'amount' },
    }
    expect(await aggregate('cap', { aggregates: measures })).toEqual([
      { n: 1, total: 900, top: 900 },
    ])
    expect(
      await aggregate('cap', {
        filter: { amount: { $gt: 1000 } },
        aggregates: { n: { fn: 'count' } },
      }),
    ).toEqual([{ n: 0 }])
    // reg reads every emea deal, never an apac one, however asked.
    expect(await dealNames('reg', `&filter=${q({ region: 'apac' })}`)).toEqual([])
    expect(await dealNames('reg', `&filter=${q({ amount: { $gte: 500 } })}`)).toEqual(['D5', 'D6'])
    expect(await dealNames('reg', `&filter=${q({ stage: 'won' })}`)).toEqual([])
    expect(
      (await send('reg', 'GET', 'deal?sort=-amount&fields=name'))
        .json<{ data: Row[] }>()
        .data.map((r) => r.name),
    ).toEqual(['D6', 'D5', 'D1', 'D3'])
    expect(await aggregate('reg', { groupBy: ['region'], aggregates: measures })).toEqual([
      { region: 'emea', n: 4, total: 6050, top: 5000 },
    ])
    expect(
      await aggregate('reg', {
        groupBy: ['stage'],
        aggregates: { n: { fn: 'count' } },
        sort: ['stage'],
      }),
    ).toEqual([
      { stage: 'lost', n: 1 },
      { stage: 'open', n: 3 },
    ])
    // The rules' recipients: the same holds for what a rule shares.
    expect(await dealNames('pat', `&filter=${q({ stage: 'lost' })}`)).toEqual([])
    expect(
      await aggregate('fin', { groupBy: ['stage'], aggregates: { n: { fn: 'count' } } }),
    ).toEqual([{ stage: 'won', n: 1 }])
    expect(
      await aggregate('vp', {
        groupBy: ['region'],
        aggregates: { total: { fn: 'sum', field: 'amount' } },
        sort: ['region'],
      }),
    ).toEqual([
      { region: 'apac', total: 600 },
      { region: 'emea', total: 900 },
    ])
  })

  it('checks the policy on every deal a create or update writes, changing nothing when refused', async () => {
    const before = await served().stored()
    const refused: [Method, string, unknown][] = [
      ['POST', 'deal', { name: 'Huge', amount: 5000 }],
      ['POST', 'deal', { name: 'No amount' }],
      [
        'POST',
        'deal/bulk',
        {
          records: [
            { name: 'Fine', amount: 10 },
            { name: 'Huge', amount: 5000 },
          ],
        },
      ],
      ['PATCH', `deal/${id('d5')}`, { amount: 2000 }],
      ['PATCH', `deal/${id('d5')}`, { amount: null }],
      ['PATCH', 'deal/bulk', { records: [{ id: id('d5'), amount: 2000 }] }],
    ]
    for (const [method, url, body] of refused) {
      const res = await send('cap', method, url, body)
      const problem = res.json<Problem>()
      expect([res.statusCode, problem.code], JSON.stringify(body)).toEqual([
        403,
        'OOS_ACCESS_POLICY_DENIED',
      ])
      expect(problem.title).toContain('small_deals')
    }
    expect(await served().stored()).toEqual(before)
  })

  it('lets an owner share a deal by hand, and nobody pass it on, probe with it or see the shares of others', async () => {
    const created = await send('rita', 'POST', 'sys_record_share', share('d1', 'sam'))
    expect(created.statusCode, created.body).toBe(201)
    const made = created.json<{ data: Row }>().data
    const shareId = String(made.id)
    try {
      expect(made).toMatchObject({ owner_id: user('rita'), access_level: 'read' })
      expect(await dealNames('sam')).toEqual(['D1', 'D3', 'D4'])
      expect((await send('sam', 'GET', `deal/${id('d1')}`)).statusCode).toBe(200)
      const withShare = await served().stored()
      const refused: [Caller, Method, string, unknown, number, string][] = [
        // A read share grants no edit; no share grants deleting.
        ['sam', 'PATCH', `deal/${id('d1')}`, { amount: 1 }, 403, 'OOS_ACCESS_RECORD_DENIED'],
        ['sam', 'DELETE', `deal/${id('d1')}`, undefined, 403, 'OOS_ACCESS_RECORD_DENIED'],
        // A recipient cannot pass a share on, nor a rule's recipient share what a rule gives.
        ['sam', 'POST', 'sys_record_share', share('d1', 'pat'), 403, 'OOS_ACCESS_SHARE_DENIED'],
        ['pat', 'POST', 'sys_record_share', share('d4', 'nora'), 403, 'OOS_ACCESS_SHARE_DENIED'],
        ['vp', 'POST', 'sys_record_share', share('d2', 'vp'), 403, 'OOS_ACCESS_SHARE_DENIED'],
        // nora may read the bulletin, not share it; she has nothing of her own.
        [
          'nora',
          'POST',
          'sys_record_share',
          { object_name: 'bulletin', record_id: id('b1'), shared_with: user('sam') },
          403,
          'OOS_ACCESS_SHARE_DENIED',
        ],
        // Shares are private to who made them: to sam, rita's share does not exist.
        ['sam', 'GET', `sys_record_share/${shareId}`, undefined, 404, 'OOS_DATA_NOT_FOUND'],
        [
          'sam',
          'PATCH',
          `sys_record_share/${shareId}`,
          { access_level: 'edit' },
          404,
          'OOS_DATA_NOT_FOUND',
        ],
        ['sam', 'DELETE', `sys_record_share/${shareId}`, undefined, 404, 'OOS_DATA_NOT_FOUND'],
        ['sam', 'DELETE', 'sys_record_share/bulk', { ids: [shareId] }, 404, 'OOS_DATA_NOT_FOUND'],
      ]
      for (const [name, method, url, body, status, code] of refused) {
        expect(await refusal(name, method, url, body), `${name} ${method} ${url}`).toEqual([
          status,
          code,
        ])
      }
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const body = method === 'PATCH' ? { access_level: 'edit' } : undefined
        const probe = await send('sam', method, `sys_record_share/${shareId}`, body)
        const missing = await send('sam', method, `sys_record_share/${missingId}`, body)
        expect(shapeOf(probe.body, shareId)).toBe(shapeOf(missing.body, missingId))
      }
      for (const url of [
        'sys_record_share',
        `sys_record_share?filter=${q({ shared_with: user('sam') })}`,
        `sys_record_share?filter=${q({ record_id: id('d1') })}`,
      ]) {
        const res = await send('sam', 'GET', url)
        expect(res.json<{ data: Row[] }>().data, url).toEqual([])
      }
      // A share must name a record that exists, of an object that exists.
      for (const [body, field] of [
        [share('missing', 'sam'), 'record_id'],
        [{ ...share('d1', 'sam'), object_name: 'nothing' }, 'object_name'],
        [
          { ...share('d1', 'sam'), object_name: 'sys_record_share', record_id: shareId },
          'object_name',
        ],
      ] as const) {
        const res = await send('rita', 'POST', 'sys_record_share', body)
        expect(res.statusCode, res.body).toBe(422)
        expect(res.json<Problem>().errors).toEqual([
          expect.objectContaining({ field, code: 'reference' }),
        ])
      }
      const repoint = await send('rita', 'PATCH', `sys_record_share/${shareId}`, {
        record_id: missingId,
      })
      expect([repoint.statusCode, repoint.json<Problem>().errors?.[0]?.field]).toEqual([
        422,
        'record_id',
      ])
      expect(await served().stored()).toEqual(withShare)
      // A share never lifts a policy: reg still reads emea deals only, cap small ones only.
      for (const [key, to] of [
        ['d2', 'reg'],
        ['d2', 'cap'],
      ] as const) {
        const res = await send('rita', 'POST', 'sys_record_share', share(key, to))
        expect(res.statusCode, res.body).toBe(201)
      }
      const bigOne = await send('rita', 'POST', 'deal', {
        name: 'D7',
        amount: 7000,
        region: 'emea',
      })
      expect(bigOne.statusCode, bigOne.body).toBe(201)
      const d7 = String(bigOne.json<{ data: Row }>().data.id)
      try {
        const toCap = await send('rita', 'POST', 'sys_record_share', {
          object_name: 'deal',
          record_id: d7,
          shared_with: user('cap'),
          access_level: 'edit',
        })
        expect(toCap.statusCode, toCap.body).toBe(201)
        expect(await dealNames('reg')).toEqual([...(visibleDeals.reg ?? []), 'D7'])
        // D2 is small enough for cap's policy; D7, shared for editing, is not.
        expect(await dealNames('cap')).toEqual(['D2', 'D5'])
        expect((await send('reg', 'GET', `deal/${id('d2')}`)).statusCode).toBe(404)
        expect((await send('cap', 'PATCH', `deal/${d7}`, { amount: 1 })).statusCode).toBe(404)
      } finally {
        await served().fixture.app.records.delete('deal', d7)
      }
      // A share to someone no set lets read deals opens nothing.
      const toNora = await send('rita', 'POST', 'sys_record_share', share('d1', 'nora'))
      expect(toNora.statusCode).toBe(201)
      expect(await refusal('nora', 'GET', `deal/${id('d1')}`)).toEqual([
        403,
        'OOS_ACCESS_OBJECT_DENIED',
      ])
      // An edit share lets sam edit, never delete.
      const upgraded = await send('rita', 'PATCH', `sys_record_share/${shareId}`, {
        access_level: 'edit',
      })
      expect(upgraded.statusCode, upgraded.body).toBe(200)
      const edited = await send('sam', 'PATCH', `deal/${id('d1')}`, { amount: 101 })
      expect([edited.statusCode, edited.json<{ data: Row }>().data.amount]).toEqual([200, 101])
      expect(await refusal('sam', 'DELETE', `deal/${id('d1')}`)).toEqual([
        403,
        'OOS_ACCESS_RECORD_DENIED',
      ])
      // Taking the share back hides the deal again, on sam's next request.
      expect((await send('rita', 'DELETE', `sys_record_share/${shareId}`)).statusCode).toBe(204)
      expect(await dealNames('sam')).toEqual(['D3', 'D4'])
      expect((await send('sam', 'GET', `deal/${id('d1')}`)).statusCode).toBe(404)
    } finally {
      await dropShares()
      await served().fixture.app.records.update('deal', id('d1'), { amount: 100 })
    }
  })

  it('refuses mass assignment on shares and filters that are not plain conditions', async () => {
    const before = await served().stored()
    const denied: [Caller, Method, string, unknown, string][] = [
      // Making a share as if rita made it, or planting one in sam's name.
      [
        'sam',
        'POST',
        'sys_record_share',
        share('d1', 'sam', { owner_id: user('rita') }),
        'OOS_ACCESS_OWNER_DENIED',
      ],
      [
        'rita',
        'POST',
        'sys_record_share',
        share('d1', 'sam', { owner_id: user('sam') }),
        'OOS_ACCESS_OWNER_DENIED',
      ],
      [
        'pat',
        'POST',
        'sys_record_share',
        share('d4', 'pat', { owner_id: user('sam') }),
        'OOS_ACCESS_OWNER_DENIED',
      ],
      [
        'sam',
        'POST',
        'sys_record_share/bulk',
        { records: [share('d1', 'sam', { owner_id: user('rita') })] },
        'OOS_ACCESS_OWNER_DENIED',
      ],
    ]
    for (const [name, method, url, body, code] of denied) {
      expect(await refusal(name, method, url, body), `${name} ${JSON.stringify(body)}`).toEqual([
        403,
        code,
      ])
    }
    const system: [Row, string][] = [
      [share('d1', 'sam', { created_by: user('sam') }), 'created_by'],
      [share('d1', 'sam', { id: missingId }), 'id'],
      [share('d1', 'sam', { version: 7 }), 'version'],
    ]
    for (const [body, field] of system) {
      const res = await send('rita', 'POST', 'sys_record_share', body)
      expect(res.statusCode, res.body).toBe(422)
      expect(res.json<Problem>().errors).toEqual([
        expect.objectContaining({ field, code: 'readonly' }),
      ])
    }
    const badLevel = await send(
      'rita',
      'POST',
      'sys_record_share',
      share('d1', 'sam', { access_level: 'delete' }),
    )
    expect([badLevel.statusCode, badLevel.json<Problem>().errors?.[0]?.field]).toEqual([
      422,
      'access_level',
    ])
    // Prototype keys in a body are refused before any route runs.
    for (const body of [
      `{"object_name":"deal","record_id":"${id('d1')}","shared_with":"${user('sam')}","__proto__":{"owner_id":"${user('rita')}"}}`,
      `{"object_name":"deal","record_id":"${id('d1')}","shared_with":"${user('sam')}","constructor":{"prototype":{"owner_id":"${user('rita')}"}}}`,
    ]) {
      expect(await refusal('sam', 'POST', 'sys_record_share', body), body).toEqual([
        400,
        'OOS_HTTP_BAD_REQUEST',
      ])
    }
    expect(await served().stored()).toEqual(before)
    // sam's own share of his deal: he may not hand it to rita, nor point it at a deal he does not own.
    const own = await send('sam', 'POST', 'sys_record_share', share('d3', 'nora'))
    expect(own.statusCode, own.body).toBe(201)
    const ownId = String(own.json<{ data: Row }>().data.id)
    try {
      const withOwn = await served().stored()
      expect(
        await refusal('sam', 'PATCH', `sys_record_share/${ownId}`, { owner_id: user('rita') }),
      ).toEqual([403, 'OOS_ACCESS_OWNER_DENIED'])
      expect(
        await refusal('sam', 'PATCH', `sys_record_share/${ownId}`, {
          object_name: 'bulletin',
          record_id: id('b1'),
        }),
      ).toEqual([403, 'OOS_ACCESS_SHARE_DENIED'])
      expect(await served().stored()).toEqual(withOwn)
    } finally {
      await dropShares()
    }
    const filters: [string, string][] = [
      ['{"record_id":{"$eq":{"$ne":null}}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"shared_with":["x"]}', 'OOS_DATA_INVALID_FILTER'],
      ['{"owner_id":{"$in":[{"$ne":null}]}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"$or":{"owner_id":"x"}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"record_id":{}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"$where":"1 = 1"}', 'OOS_DATA_UNKNOWN_OPERATOR'],
      ['{"__proto__":{"owner_id":"x"}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"constructor":{"prototype":{"owner_id":"x"}}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"shared_with":{"__proto__":{"$ne":null}}}', 'OOS_DATA_INVALID_FILTER'],
    ]
    for (const [filter, code] of filters) {
      const res = await send('sam', 'GET', `sys_record_share?filter=${encodeURIComponent(filter)}`)
      expect([res.statusCode, res.json<Problem>().code], filter).toEqual([400, code])
      expect(res.json<Row>()).not.toHaveProperty('data')
      const posted = await send('sam', 'POST', 'sys_record_share/query', `{"filter":${filter}}`)
      const prototype = filter.includes('__proto__') || filter.includes('"prototype"')
      expect([posted.statusCode, posted.json<Problem>().code], filter).toEqual([
        400,
        prototype ? 'OOS_HTTP_BAD_REQUEST' : code,
      ])
    }
  })

  it('lets only administrators assign positions, and an assignment takes effect on the next request', async () => {
    const before = await served().stored()
    const finRow = (await served().rows('sys_user_position')).find((r) => r.holder === user('fin'))
    const finRowId = String(finRow?.id)
    const refused: [Method, string, unknown, number, string][] = [
      [
        'POST',
        'sys_user_position',
        { holder: user('rita'), position: 'finance' },
        403,
        'OOS_ACCESS_OBJECT_DENIED',
      ],
      [
        'POST',
        'sys_user_position/bulk',
        { records: [{ holder: user('rita'), position: 'emea' }] },
        403,
        'OOS_ACCESS_OBJECT_DENIED',
      ],
      [
        'POST',
        'sys_permission_assignment',
        { position: 'finance', permission_set: 'rep' },
        403,
        'OOS_ACCESS_OBJECT_DENIED',
      ],
      ['GET', 'sys_user_position', undefined, 403, 'OOS_ACCESS_OBJECT_DENIED'],
      // Taking over fin's row is answered as for a missing one.
      [
        'PATCH',
        `sys_user_position/${finRowId}`,
        { holder: user('rita') },
        404,
        'OOS_DATA_NOT_FOUND',
      ],
      ['DELETE', `sys_user_position/${finRowId}`, undefined, 404, 'OOS_DATA_NOT_FOUND'],
      ['PATCH', `sys_user/${user('rita')}`, { is_admin: true }, 404, 'OOS_DATA_NOT_FOUND'],
    ]
    for (const [method, url, body, status, code] of refused) {
      expect(await refusal('rita', method, url, body), `${method} ${url}`).toEqual([status, code])
    }
    for (const method of ['PATCH', 'DELETE'] as const) {
      const body = method === 'PATCH' ? { holder: user('rita') } : undefined
      const probe = await send('rita', method, `sys_user_position/${finRowId}`, body)
      const missing = await send('rita', method, `sys_user_position/${missingId}`, body)
      expect(shapeOf(probe.body, finRowId)).toBe(shapeOf(missing.body, missingId))
    }
    expect(await served().stored()).toEqual(before)
    expect(await dealNames('rita')).toEqual(['D1', 'D2'])
    // root gives nora the emea position: her next request reads what reg reads.
    const assigned = await send('root', 'POST', 'sys_user_position', {
      holder: user('nora'),
      position: 'emea',
    })
    expect(assigned.statusCode, assigned.body).toBe(201)
    const rowId = String(assigned.json<{ data: Row }>().data.id)
    try {
      expect(await dealNames('nora')).toEqual(visibleDeals.reg)
      expect(await refusal('nora', 'PATCH', `deal/${id('d1')}`, { amount: 1 })).toEqual([
        403,
        'OOS_ACCESS_OBJECT_DENIED',
      ])
      // And the finance position instead: the won deals.
      const moved = await send('root', 'PATCH', `sys_user_position/${rowId}`, {
        position: 'finance',
      })
      expect(moved.statusCode, moved.body).toBe(200)
      expect(await dealNames('nora')).toEqual(visibleDeals.fin)
      expect((await send('root', 'DELETE', `sys_user_position/${rowId}`)).statusCode).toBe(204)
      expect(await refusal('nora', 'GET', 'deal')).toEqual([403, 'OOS_ACCESS_OBJECT_DENIED'])
    } finally {
      for (const row of await served().rows('sys_user_position')) {
        if (row.holder === user('nora')) {
          await served().fixture.app.records.delete('sys_user_position', String(row.id))
        }
      }
    }
  })

  it('refuses a share of a record its maker cannot read, changing nothing', async () => {
    const before = await served().stored()
    for (const [name, key] of unreadable) {
      const res = await send(name, 'POST', 'sys_record_share', share(key, 'sam'))
      expect(res.statusCode, `${name} ${key}`).toBeGreaterThanOrEqual(400)
    }
    expect(await served().stored()).toEqual(before)
  })

  // A share naming a record its maker may not read is refused exactly like one naming a record
  // that does not exist; otherwise sys_record_share would tell anyone which ids exist.
  it('answers a share of a record its maker cannot read exactly like one of a missing record', async () => {
    for (const [name, key] of unreadable) {
      const hidden = await send(name, 'POST', 'sys_record_share', share(key, 'sam'))
      const missing = await send(name, 'POST', 'sys_record_share', share('missing', 'sam'))
      expect(hidden.statusCode, `${name} ${key}`).toBe(missing.statusCode)
      expect(shapeOf(hidden.body, id(key))).toBe(shapeOf(missing.body, missingId))
    }
  })
})
