/**
 * Sharing rules, positions, row-level policies and manual shares attacked through GraphQL, on
 * every dialect: the cases of sharing-rest.test.ts as a graph asks them — GraphQL has no bulk
 * routes, so a "bulk" write is one document of aliased mutations, each of which must be refused
 * on its own. Every answer is checked for the exact rows it holds and every refused mutation for
 * changing nothing stored. Errors carry the catalog code in `extensions.code`.
 */
import { describe, expect, it } from 'vitest'
import { graphqlPath } from '../../src/http/graphql/graphql-plugin.js'
import type { GraphqlBody } from '../../src/http/graphql/testing/graphql-test-app.js'
import { dialects } from '../../src/testing/test-database.js'
import {
  deals,
  missingId,
  shapeOf,
  sharingUsers,
  useServedSharingApp,
  visibleDeals,
  type Caller,
  type Row,
} from './testing/served-sharing-app.js'

const listQuery = `query ($filter: Filter, $sort: [String!]) {
  dealList(filter: $filter, sort: $sort) { data { name } total }
}`
const getQuery = 'query ($id: ID!) { deal(id: $id) { name amount region stage } }'
const aggregateQuery = `query ($groupBy: [String!], $aggregates: JSON!, $filter: Filter, $sort: [String!]) {
  dealAggregate(groupBy: $groupBy, aggregates: $aggregates, filter: $filter, sort: $sort)
}`
const typeOf = (object: string) =>
  object
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
const update = (object: string, selection = 'id') => `mutation ($id: ID!, $data: JSON!) {
  update${typeOf(object)}(id: $id, data: $data) { ${selection} }
}`
const create = (object: string, selection = 'id') =>
  `mutation ($data: JSON!) { create${typeOf(object)}(data: $data) { ${selection} } }`
const remove = (object: string) => `mutation ($id: ID!) { delete${typeOf(object)}(id: $id) }`

describe.each(dialects)('sharing through GraphQL on %s', (dialect) => {
  const served = useServedSharingApp(dialect)
  const id = (key: string) => served().id(key)
  const user = (caller: Caller) => served().user(caller)

  /** Posts a query as `as`; `raw` sends the body text as it is. */
  const gql = async (
    as: Caller,
    query: string,
    variables?: Row,
    raw?: string,
  ): Promise<{ status: number; body: GraphqlBody & Row; text: string }> => {
    const res = await served().server.inject({
      method: 'POST',
      url: graphqlPath,
      headers: { 'content-type': 'application/json', ...served().headers(as) },
      payload: raw ?? JSON.stringify({ query, ...(variables === undefined ? {} : { variables }) }),
    })
    return { status: res.statusCode, body: res.json(), text: res.body }
  }
  const codeOf = (body: GraphqlBody) => body.errors?.[0]?.extensions?.code
  /** The answer's data, failing on any error. */
  const dataOf = async (as: Caller, query: string, variables?: Row) => {
    const { body } = await gql(as, query, variables)
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
    return body.data as Row
  }
  const dealNames = async (as: Caller, variables: Row = {}) => {
    const data = await dataOf(as, listQuery, { sort: ['name'], ...variables })
    const page = data.dealList as { data: Row[]; total: number }
    expect(page.total).toBe(page.data.length)
    return page.data.map((r) => r.name)
  }
  const aggregate = async (as: Caller, variables: Row) => {
    const data = await dataOf(as, aggregateQuery, variables)
    // PostgreSQL answers sums as numeric text.
    return (data.dealAggregate as Row[]).map((row) =>
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
  const createShare = create('sys_record_share', 'id owner_id access_level')
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
        const refused: [string, unknown][] = [
          [listQuery, null],
          ['query ($id: ID!) { deal(id: $id) { name } }', { deal: null }],
          ['{ dealAggregate(aggregates: { n: { fn: "count" } }) }', null],
        ]
        for (const [query, data] of refused) {
          const { body } = await gql(name, query, query.includes('$id') ? { id: id('d1') } : {})
          expect([body.data, codeOf(body)], `${name} ${query}`).toEqual([
            data,
            'OOS_ACCESS_OBJECT_DENIED',
          ])
        }
        continue
      }
      expect(await dealNames(name), name).toEqual(expected)
      expect(await aggregate(name, { aggregates: { n: { fn: 'count' } } }), name).toEqual([
        { n: expected.length },
      ])
      // Each visible deal reads in full by id, exactly as stored — in one document, aliased.
      const gets = expected.map(
        (deal) => `${deal}: deal(id: "${id(deal.toLowerCase())}") { name amount region stage }`,
      )
      const data = expected.length === 0 ? {} : await dataOf(name, `{ ${gets.join(' ')} }`)
      expect(data, name).toEqual(
        Object.fromEntries(
          expected.map((deal) => {
            const [amount, region, stage] = deals[deal] ?? []
            return [deal, { name: deal, amount, region, stage }]
          }),
        ),
      )
    }
  })

  it('answers a deal no rule shares exactly like a missing one, in queries and mutations', async () => {
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
      const probe = await gql(name, getQuery, { id: id(key) })
      const missing = await gql(name, getQuery, { id: missingId })
      expect(probe.body, `${name} ${key}`).toEqual({ data: { deal: null } })
      expect(missing.body).toEqual(probe.body)
      const mutations: [string, Row][] = [
        [update('deal'), { data: { name: 'Mine now' } }],
        [update('deal', 'name amount'), { data: { stage: 'won' } }],
        [remove('deal'), {}],
      ]
      for (const [mutation, variables] of mutations) {
        const refused = await gql(name, mutation, { ...variables, id: id(key) })
        const absent = await gql(name, mutation, { ...variables, id: missingId })
        // Even fin and reg, who may change no deal at all: the record is looked up first.
        expect(codeOf(refused.body), `${name} ${key} ${mutation}`).toBe('OOS_DATA_NOT_FOUND')
        expect(shapeOf(refused.text, id(key))).toBe(shapeOf(absent.text, missingId))
      }
      expect(await dealNames(name, { filter: { id: id(key) } }), `${name} ${key}`).toEqual([])
    }
    expect(await served().stored()).toEqual(before)
  })

  it('refuses edits and deletes a read-only rule does not give, and deletes an edit rule does not', async () => {
    const before = await served().stored()
    const refused: [Caller, 'update' | 'delete', string, string][] = [
      ['vp', 'update', 'd2', 'OOS_ACCESS_RECORD_DENIED'],
      ['vp', 'delete', 'd2', 'OOS_ACCESS_RECORD_DENIED'],
      ['vp', 'update', 'd5', 'OOS_ACCESS_RECORD_DENIED'],
      ['vp', 'delete', 'd5', 'OOS_ACCESS_RECORD_DENIED'],
      // fin's set grants no edit or delete at all: the object right comes first.
      ['fin', 'update', 'd2', 'OOS_ACCESS_OBJECT_DENIED'],
      ['fin', 'delete', 'd2', 'OOS_ACCESS_OBJECT_DENIED'],
      // An edit rule never shares deleting.
      ['pat', 'delete', 'd4', 'OOS_ACCESS_RECORD_DENIED'],
    ]
    for (const [name, op, key, code] of refused) {
      const { body } = await gql(name, op === 'update' ? update('deal') : remove('deal'), {
        id: id(key),
        ...(op === 'update' ? { data: { amount: 1 } } : {}),
      })
      expect(codeOf(body), `${name} ${op} ${key}`).toBe(code)
      expect(body.errors?.[0]?.extensions?.status).toBe(403)
    }
    expect(await served().stored()).toEqual(before)
    // pat edits D4 through partner_deals; only D4 changes.
    const edited = await dataOf('pat', update('deal', 'name amount'), {
      id: id('d4'),
      data: { amount: 250 },
    })
    expect(edited).toEqual({ updateDeal: { name: 'D4', amount: 250 } })
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

  it('refuses each aliased mutation of a document that reaches past what rules and policies give', async () => {
    const before = await served().stored()
    // pat selects the deals naming him as partner: D3 (lost) is not among them.
    expect(await dealNames('pat', { filter: { partner: user('pat') } })).toEqual(['D4'])
    /** Every deal the engine itself finds for `filter`, each written by one aliased mutation. */
    const everyMatch = async (filter: Row, op: 'update' | 'delete', except: string[] = []) => {
      const found = await served().fixture.app.records.find('deal', { filter, sort: ['name'] })
      const targets = found.records.filter((r) => !except.includes(String(r.name)))
      const fields = targets.map((r) =>
        op === 'update'
          ? `${String(r.name)}: updateDeal(id: "${String(r.id)}", data: { stage: "won" }) { id }`
          : `${String(r.name)}: deleteDeal(id: "${String(r.id)}")`,
      )
      return {
        names: targets.map((r) => String(r.name)),
        document: `mutation { ${fields.join(' ')} }`,
      }
    }
    const attempts: [Caller, Row, 'update' | 'delete', string[], Record<string, string>][] = [
      [
        'pat',
        { partner: user('pat') },
        'delete',
        [],
        { D3: 'OOS_DATA_NOT_FOUND', D4: 'OOS_ACCESS_RECORD_DENIED' },
      ],
      [
        'pat',
        { region: 'emea' },
        'update',
        [],
        {
          D1: 'OOS_DATA_NOT_FOUND',
          D3: 'OOS_DATA_NOT_FOUND',
          D5: 'OOS_DATA_NOT_FOUND',
          D6: 'OOS_DATA_NOT_FOUND',
        },
      ],
      // Every deal that is not sam's own.
      [
        'sam',
        {},
        'delete',
        ['D3', 'D4'],
        {
          D1: 'OOS_DATA_NOT_FOUND',
          D2: 'OOS_DATA_NOT_FOUND',
          D5: 'OOS_DATA_NOT_FOUND',
          D6: 'OOS_DATA_NOT_FOUND',
        },
      ],
      [
        'sam',
        {},
        'update',
        ['D3', 'D4'],
        {
          D1: 'OOS_DATA_NOT_FOUND',
          D2: 'OOS_DATA_NOT_FOUND',
          D5: 'OOS_DATA_NOT_FOUND',
          D6: 'OOS_DATA_NOT_FOUND',
        },
      ],
      [
        'vp',
        {},
        'delete',
        [],
        {
          D1: 'OOS_DATA_NOT_FOUND',
          D2: 'OOS_ACCESS_RECORD_DENIED',
          D3: 'OOS_DATA_NOT_FOUND',
          D4: 'OOS_DATA_NOT_FOUND',
          D5: 'OOS_ACCESS_RECORD_DENIED',
          D6: 'OOS_DATA_NOT_FOUND',
        },
      ],
      // cap's own deals over the policy's amount.
      ['cap', { amount: { $gt: 1000 } }, 'update', [], { D6: 'OOS_DATA_NOT_FOUND' }],
      ['cap', { owner_id: user('cap') }, 'delete', ['D5'], { D6: 'OOS_DATA_NOT_FOUND' }],
      [
        'reg',
        { region: 'emea' },
        'update',
        [],
        {
          D1: 'OOS_ACCESS_OBJECT_DENIED',
          D3: 'OOS_ACCESS_OBJECT_DENIED',
          D5: 'OOS_ACCESS_OBJECT_DENIED',
          D6: 'OOS_ACCESS_OBJECT_DENIED',
        },
      ],
    ]
    for (const [name, filter, op, except, codes] of attempts) {
      const { names, document } = await everyMatch(filter, op, except)
      expect(names, `${name} ${JSON.stringify(filter)}`).toEqual(Object.keys(codes))
      const { body } = await gql(name, document)
      expect(body.data, document).toEqual(Object.fromEntries(names.map((n) => [n, null])))
      const answered = Object.fromEntries(
        (body.errors ?? []).map((error) => [error.path?.[0], error.extensions?.code]),
      )
      expect(answered, `${name} ${op} ${JSON.stringify(filter)}`).toEqual(codes)
    }
    expect(await served().stored()).toEqual(before)
  })

  it('never lets a filter, sort, count or aggregate reach a row the policies hide', async () => {
    const big = { amount: { $gt: 1000 } }
    expect(await dealNames('cap', { filter: big })).toEqual([])
    expect(
      await dealNames('cap', { filter: { $or: [{ amount: { $gt: 1000 } }, { name: 'D6' }] } }),
    ).toEqual([])
    expect(await dealNames('cap', { filter: { owner_id: user('cap') } })).toEqual(['D5'])
    expect(await dealNames('cap', { sort: ['-amount'] })).toEqual(['D5'])
    const measures = {
      n: { fn: 'count' },
      total: { fn: 'sum', field: 'amount' },
      top: { fn: 'max', field: 'amount' },
    }
    expect(await aggregate('cap', { aggregates: measures })).toEqual([
      { n: 1, total: 900, top: 900 },
    ])
    expect(await aggregate('cap', { filter: big, aggregates: { n: { fn: 'count' } } })).toEqual([
      { n: 0 },
    ])
    // reg reads every emea deal, never an apac one, however asked.
    expect(await dealNames('reg', { filter: { region: 'apac' } })).toEqual([])
    expect(await dealNames('reg', { filter: { amount: { $gte: 500 } } })).toEqual(['D5', 'D6'])
    expect(await dealNames('reg', { filter: { stage: 'won' } })).toEqual([])
    expect(await dealNames('reg', { sort: ['-amount'] })).toEqual(['D6', 'D5', 'D1', 'D3'])
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
    expect(await dealNames('pat', { filter: { stage: 'lost' } })).toEqual([])
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
    const refused: [string, Row][] = [
      [create('deal'), { data: { name: 'Huge', amount: 5000 } }],
      [create('deal'), { data: { name: 'No amount' } }],
      [update('deal'), { id: id('d5'), data: { amount: 2000 } }],
      [update('deal'), { id: id('d5'), data: { amount: null } }],
    ]
    for (const [mutation, variables] of refused) {
      const { body } = await gql('cap', mutation, variables)
      expect(codeOf(body), JSON.stringify(variables)).toBe('OOS_ACCESS_POLICY_DENIED')
      expect(body.errors?.[0]?.message).toContain('small_deals')
    }
    // One document: the small deal is made, the huge one refused on its own.
    const both = await gql(
      'cap',
      'mutation { small: createDeal(data: { name: "Small", amount: 10 }) { name } huge: createDeal(data: { name: "Huge", amount: 5000 }) { name } }',
    )
    expect(both.body.data).toEqual({ small: { name: 'Small' }, huge: null })
    expect(codeOf(both.body)).toBe('OOS_ACCESS_POLICY_DENIED')
    const after = await served().stored()
    const small = after.deal?.find((r) => r.name === 'Small')
    try {
      expect(small).toMatchObject({ owner_id: user('cap'), amount: 10 })
      expect({ ...after, deal: after.deal?.filter((r) => r !== small) }).toEqual(before)
    } finally {
      if (small !== undefined) await served().fixture.app.records.delete('deal', String(small.id))
    }
  })

  it('lets an owner share a deal by hand, and nobody pass it on, probe with it or see the shares of others', async () => {
    const made = (await dataOf('rita', createShare, { data: share('d1', 'sam') }))
      .createSysRecordShare as Row
    const shareId = String(made.id)
    try {
      expect(made).toMatchObject({ owner_id: user('rita'), access_level: 'read' })
      expect(await dealNames('sam')).toEqual(['D1', 'D3', 'D4'])
      expect((await dataOf('sam', getQuery, { id: id('d1') })).deal).toMatchObject({ name: 'D1' })
      const withShare = await served().stored()
      const refused: [Caller, string, Row, string][] = [
        // A read share grants no edit; no share grants deleting.
        ['sam', update('deal'), { id: id('d1'), data: { amount: 1 } }, 'OOS_ACCESS_RECORD_DENIED'],
        ['sam', remove('deal'), { id: id('d1') }, 'OOS_ACCESS_RECORD_DENIED'],
        // A recipient cannot pass a share on, nor a rule's recipient share what a rule gives.
        ['sam', createShare, { data: share('d1', 'pat') }, 'OOS_ACCESS_SHARE_DENIED'],
        ['pat', createShare, { data: share('d4', 'nora') }, 'OOS_ACCESS_SHARE_DENIED'],
        ['vp', createShare, { data: share('d2', 'vp') }, 'OOS_ACCESS_SHARE_DENIED'],
        // nora may read the bulletin, not share it; she has nothing of her own.
        [
          'nora',
          createShare,
          { data: { object_name: 'bulletin', record_id: id('b1'), shared_with: user('sam') } },
          'OOS_ACCESS_SHARE_DENIED',
        ],
        // Shares are private to who made them: to sam, rita's share does not exist.
        [
          'sam',
          update('sys_record_share'),
          { id: shareId, data: { access_level: 'edit' } },
          'OOS_DATA_NOT_FOUND',
        ],
        ['sam', remove('sys_record_share'), { id: shareId }, 'OOS_DATA_NOT_FOUND'],
      ]
      for (const [name, mutation, variables, code] of refused) {
        const { body } = await gql(name, mutation, variables)
        expect(codeOf(body), `${name} ${JSON.stringify(variables)}`).toBe(code)
      }
      const getShare = 'query ($id: ID!) { sys_record_share(id: $id) { id record_id } }'
      expect((await gql('sam', getShare, { id: shareId })).body).toEqual({
        data: { sys_record_share: null },
      })
      for (const [mutation, variables] of [
        [update('sys_record_share'), { data: { access_level: 'edit' } }],
        [remove('sys_record_share'), {}],
      ] as const) {
        const probe = await gql('sam', mutation, { ...variables, id: shareId })
        const missing = await gql('sam', mutation, { ...variables, id: missingId })
        expect(shapeOf(probe.text, shareId)).toBe(shapeOf(missing.text, missingId))
      }
      const shareList = `query ($filter: Filter) {
        sys_record_shareList(filter: $filter) { data { id } total }
      }`
      for (const filter of [{}, { shared_with: user('sam') }, { record_id: id('d1') }]) {
        expect(await dataOf('sam', shareList, { filter }), JSON.stringify(filter)).toEqual({
          sys_record_shareList: { data: [], total: 0 },
        })
      }
      // A share must name a record that exists, of an object that exists.
      for (const [data, field] of [
        [share('missing', 'sam'), 'record_id'],
        [{ ...share('d1', 'sam'), object_name: 'nothing' }, 'object_name'],
        [
          { ...share('d1', 'sam'), object_name: 'sys_record_share', record_id: shareId },
          'object_name',
        ],
      ] as const) {
        const { body } = await gql('rita', createShare, { data })
        expect(body.errors?.[0]?.extensions).toMatchObject({
          code: 'OOS_DATA_VALIDATION_FAILED',
          errors: [expect.objectContaining({ field, code: 'reference' })],
        })
      }
      const repoint = await gql('rita', update('sys_record_share'), {
        id: shareId,
        data: { record_id: missingId },
      })
      expect(repoint.body.errors?.[0]?.extensions?.errors?.[0]?.field).toBe('record_id')
      expect(await served().stored()).toEqual(withShare)
      // A share never lifts a policy: reg still reads emea deals only, cap small ones only.
      for (const to of ['reg', 'cap'] as const) {
        await dataOf('rita', createShare, { data: share('d2', to) })
      }
      const bigOne = await dataOf('rita', create('deal'), {
        data: { name: 'D7', amount: 7000, region: 'emea' },
      })
      const d7 = String((bigOne.createDeal as Row).id)
      try {
        await dataOf('rita', createShare, {
          data: {
            object_name: 'deal',
            record_id: d7,
            shared_with: user('cap'),
            access_level: 'edit',
          },
        })
        expect(await dealNames('reg')).toEqual([...(visibleDeals.reg ?? []), 'D7'])
        // D2 is small enough for cap's policy; D7, shared for editing, is not.
        expect(await dealNames('cap')).toEqual(['D2', 'D5'])
        expect((await gql('reg', getQuery, { id: id('d2') })).body).toEqual({
          data: { deal: null },
        })
        const grow = await gql('cap', update('deal'), { id: d7, data: { amount: 1 } })
        expect(codeOf(grow.body)).toBe('OOS_DATA_NOT_FOUND')
      } finally {
        await served().fixture.app.records.delete('deal', d7)
      }
      // A share to someone no set lets read deals opens nothing.
      await dataOf('rita', createShare, { data: share('d1', 'nora') })
      expect(codeOf((await gql('nora', getQuery, { id: id('d1') })).body)).toBe(
        'OOS_ACCESS_OBJECT_DENIED',
      )
      // An edit share lets sam edit, never delete.
      await dataOf('rita', update('sys_record_share'), {
        id: shareId,
        data: { access_level: 'edit' },
      })
      expect(
        await dataOf('sam', update('deal', 'amount'), { id: id('d1'), data: { amount: 101 } }),
      ).toEqual({ updateDeal: { amount: 101 } })
      expect(codeOf((await gql('sam', remove('deal'), { id: id('d1') })).body)).toBe(
        'OOS_ACCESS_RECORD_DENIED',
      )
      // Taking the share back hides the deal again, on sam's next request.
      expect(await dataOf('rita', remove('sys_record_share'), { id: shareId })).toEqual({
        deleteSysRecordShare: true,
      })
      expect(await dealNames('sam')).toEqual(['D3', 'D4'])
      expect((await gql('sam', getQuery, { id: id('d1') })).body).toEqual({ data: { deal: null } })
    } finally {
      await dropShares()
      await served().fixture.app.records.update('deal', id('d1'), { amount: 100 })
    }
  })

  it('refuses mass assignment on shares and filters that are not plain conditions', async () => {
    const before = await served().stored()
    const denied: [Caller, Row][] = [
      // Making a share as if rita made it, or planting one in sam's name.
      ['sam', share('d1', 'sam', { owner_id: user('rita') })],
      ['rita', share('d1', 'sam', { owner_id: user('sam') })],
      ['pat', share('d4', 'pat', { owner_id: user('sam') })],
    ]
    for (const [name, data] of denied) {
      const { body } = await gql(name, createShare, { data })
      expect(codeOf(body), `${name} ${JSON.stringify(data)}`).toBe('OOS_ACCESS_OWNER_DENIED')
    }
    for (const [data, field] of [
      [share('d1', 'sam', { created_by: user('sam') }), 'created_by'],
      [share('d1', 'sam', { id: missingId }), 'id'],
      [share('d1', 'sam', { version: 7 }), 'version'],
    ] as const) {
      const { body } = await gql('rita', createShare, { data })
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'OOS_DATA_VALIDATION_FAILED',
        errors: [expect.objectContaining({ field, code: 'readonly' })],
      })
    }
    const badLevel = await gql('rita', createShare, {
      data: share('d1', 'sam', { access_level: 'delete' }),
    })
    expect(badLevel.body.errors?.[0]?.extensions?.errors?.[0]?.field).toBe('access_level')
    // `__proto__` in the JSON request body, or in a literal: refused before anything runs.
    const inBody = await gql(
      'sam',
      '',
      undefined,
      `{"query":"mutation ($d: JSON!) { createSysRecordShare(data: $d) { id } }",
        "variables":{"d":{"object_name":"deal","record_id":"${id('d1')}","shared_with":"${user('sam')}","__proto__":{"owner_id":"${user('rita')}"}}}}`,
    )
    expect([inBody.status, codeOf(inBody.body)]).toEqual([400, 'OOS_HTTP_BAD_REQUEST'])
    const literal = await gql(
      'sam',
      `mutation { createSysRecordShare(data: { object_name: "deal", record_id: "${id('d1')}", shared_with: "${user('sam')}", __proto__: { owner_id: "${user('rita')}" } }) { id } }`,
    )
    expect([literal.status, codeOf(literal.body)]).toEqual([400, 'OOS_HTTP_BAD_REQUEST'])
    expect(await served().stored()).toEqual(before)
    // sam's own share of his deal: he may not hand it to rita, nor point it at a deal he does not own.
    const own = (await dataOf('sam', createShare, { data: share('d3', 'nora') }))
      .createSysRecordShare as Row
    try {
      const withOwn = await served().stored()
      const handed = await gql('sam', update('sys_record_share'), {
        id: own.id,
        data: { owner_id: user('rita') },
      })
      expect(codeOf(handed.body)).toBe('OOS_ACCESS_OWNER_DENIED')
      const moved = await gql('sam', update('sys_record_share'), {
        id: own.id,
        data: { object_name: 'bulletin', record_id: id('b1') },
      })
      expect(codeOf(moved.body)).toBe('OOS_ACCESS_SHARE_DENIED')
      expect(await served().stored()).toEqual(withOwn)
    } finally {
      await dropShares()
    }
    const shareList =
      'query ($filter: Filter) { sys_record_shareList(filter: $filter) { data { id } } }'
    const filters: [unknown, string][] = [
      [{ record_id: { $eq: { $ne: null } } }, 'OOS_DATA_INVALID_FILTER'],
      [{ shared_with: ['x'] }, 'OOS_DATA_INVALID_FILTER'],
      [{ owner_id: { $in: [{ $ne: null }] } }, 'OOS_DATA_INVALID_FILTER'],
      [{ $or: { owner_id: 'x' } }, 'OOS_DATA_INVALID_FILTER'],
      [{ $where: '1 = 1' }, 'OOS_DATA_UNKNOWN_OPERATOR'],
      [{ constructor: 'x' }, 'OOS_DATA_INVALID_FILTER'],
      ['{"constructor":{"prototype":{"owner_id":"x"}}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"__proto__":{"owner_id":"x"}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"shared_with":{"__proto__":{"$ne":null}}}', 'OOS_DATA_INVALID_FILTER'],
      ['[]', 'OOS_DATA_INVALID_FILTER'],
    ]
    for (const [filter, code] of filters) {
      const { body } = await gql('sam', shareList, { filter })
      expect([body.data, codeOf(body)], JSON.stringify(filter)).toEqual([null, code])
    }
  })

  it('lets only administrators assign positions, and an assignment takes effect on the next request', async () => {
    const before = await served().stored()
    const finRow = (await served().rows('sys_user_position')).find((r) => r.holder === user('fin'))
    const finRowId = String(finRow?.id)
    const refused: [string, Row, string][] = [
      [
        create('sys_user_position'),
        { data: { holder: user('rita'), position: 'finance' } },
        'OOS_ACCESS_OBJECT_DENIED',
      ],
      [
        create('sys_permission_assignment'),
        { data: { position: 'finance', permission_set: 'rep' } },
        'OOS_ACCESS_OBJECT_DENIED',
      ],
      ['{ sys_user_positionList { data { id } } }', {}, 'OOS_ACCESS_OBJECT_DENIED'],
      // Taking over fin's row is answered as for a missing one.
      [
        update('sys_user_position'),
        { id: finRowId, data: { holder: user('rita') } },
        'OOS_DATA_NOT_FOUND',
      ],
      [remove('sys_user_position'), { id: finRowId }, 'OOS_DATA_NOT_FOUND'],
      [update('sys_user'), { id: user('rita'), data: { is_admin: true } }, 'OOS_DATA_NOT_FOUND'],
    ]
    for (const [query, variables, code] of refused) {
      const { body } = await gql('rita', query, variables)
      expect(codeOf(body), query).toBe(code)
    }
    for (const [mutation, variables] of [
      [update('sys_user_position'), { data: { holder: user('rita') } }],
      [remove('sys_user_position'), {}],
    ] as const) {
      const probe = await gql('rita', mutation, { ...variables, id: finRowId })
      const missing = await gql('rita', mutation, { ...variables, id: missingId })
      expect(shapeOf(probe.text, finRowId)).toBe(shapeOf(missing.text, missingId))
    }
    expect(await served().stored()).toEqual(before)
    expect(await dealNames('rita')).toEqual(['D1', 'D2'])
    // root gives nora the emea position: her next request reads what reg reads.
    const assigned = await dataOf('root', create('sys_user_position'), {
      data: { holder: user('nora'), position: 'emea' },
    })
    const rowId = String((assigned.createSysUserPosition as Row).id)
    try {
      expect(await dealNames('nora')).toEqual(visibleDeals.reg)
      const edit = await gql('nora', update('deal'), { id: id('d1'), data: { amount: 1 } })
      expect(codeOf(edit.body)).toBe('OOS_ACCESS_OBJECT_DENIED')
      // And the finance position instead: the won deals.
      await dataOf('root', update('sys_user_position'), {
        id: rowId,
        data: { position: 'finance' },
      })
      expect(await dealNames('nora')).toEqual(visibleDeals.fin)
      expect(await dataOf('root', remove('sys_user_position'), { id: rowId })).toEqual({
        deleteSysUserPosition: true,
      })
      expect(codeOf((await gql('nora', listQuery)).body)).toBe('OOS_ACCESS_OBJECT_DENIED')
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
      const { body } = await gql(name, createShare, { data: share(key, 'sam') })
      expect(body.data, `${name} ${key}`).toEqual({ createSysRecordShare: null })
      expect(body.errors, `${name} ${key}`).toHaveLength(1)
    }
    expect(await served().stored()).toEqual(before)
  })

  // A share naming a record its maker may not read is refused exactly like one naming a record
  // that does not exist; otherwise sys_record_share would tell anyone which ids exist.
  it('answers a share of a record its maker cannot read exactly like one of a missing record', async () => {
    for (const [name, key] of unreadable) {
      const hidden = await gql(name, createShare, { data: share(key, 'sam') })
      const missing = await gql(name, createShare, { data: share('missing', 'sam') })
      expect(codeOf(hidden.body), `${name} ${key}`).toBe(codeOf(missing.body))
      expect(shapeOf(hidden.text, id(key))).toBe(shapeOf(missing.text, missingId))
    }
  })
})
