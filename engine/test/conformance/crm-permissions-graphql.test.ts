/**
 * The example CRM's permission sets through GraphQL, with real sign-in, on every dialect: the
 * cases of crm-permissions-rest.test.ts as a graph asks them — one query for every object's
 * list, `total` and aggregates, child lists and lookups, and the mutations. A record the caller
 * may not read answers null; refusals carry the catalog code in `extensions.code`; every refused
 * mutation is checked to change nothing.
 */
import { describe, expect, it } from 'vitest'
import { dialects } from '../../src/testing/test-database.js'
import { crmObjects, type CrmObject } from './testing/crm-sales-team.js'
import { pipelineOf, visibleTo, type Caller } from './testing/crm-visibility.js'
import { useCrmWithUsers, type Row } from './testing/served-crm-with-users.js'

const objects = Object.keys(crmObjects) as CrmObject[]
const somebody = Object.keys(visibleTo) as Exclude<Caller, 'anonymous'>[]

/** Every object's list in one query, aliased by object name. */
const everyList = `{ ${objects
  .map((o) => `${o}: ${o}List(sort: ["${crmObjects[o]}"]) { data { ${crmObjects[o]} } total }`)
  .join(' ')} }`
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

describe.each(dialects)('CRM permissions through GraphQL on %s', (dialect) => {
  const crm = useCrmWithUsers(dialect)
  const id = (name: string): string => {
    const found = crm().ids[name]
    if (found === undefined) throw new Error(`no seed record "${name}"`)
    return found
  }
  /** The answer's data, failing on any error. */
  const data = async (as: Caller, query: string, variables?: Row) => {
    const { status, body } = await crm().gql(as, query, variables)
    expect([status, body.errors], `${as}: ${query}`).toEqual([200, undefined])
    return body.data ?? {}
  }
  const codeOf = async (as: Caller, query: string, variables?: Row) => {
    const { body } = await crm().gql(as, query, variables)
    expect(body.data === null || Object.values(body.data ?? {}).every((v) => v === null)).toBe(true)
    return [body.errors?.[0]?.extensions?.code, body.errors?.[0]?.message]
  }

  it('shows each caller exactly the rows of each object their permission sets reach', async () => {
    for (const caller of somebody) {
      const lists = (await data(caller, everyList)) as Record<
        CrmObject,
        { data: Row[]; total: number }
      >
      for (const object of objects) {
        const page = lists[object]
        expect(
          page.data.map((row) => row[crmObjects[object]]),
          `${caller} ${object}`,
        ).toEqual(visibleTo[caller][object])
        expect(page.total, `${caller} ${object} total`).toBe(page.data.length)
      }
    }
  })

  it('refuses a caller without credentials before GraphQL runs (401)', async () => {
    const before = await crm().stored()
    for (const [query, variables] of [
      [everyList, undefined],
      [update('opportunity'), { id: id('Rita deal 1'), data: { next_step: 'Anonymous' } }],
      [remove('lead'), { id: id('Nobody lead') }],
    ] as const) {
      const { status, body } = await crm().gql('anonymous', query, variables)
      const errors = body.errors as { extensions?: { code?: string } }[] | undefined
      expect([status, errors?.[0]?.extensions?.code]).toEqual([401, 'OOS_ACCESS_UNAUTHENTICATED'])
      expect(body).not.toHaveProperty('data')
    }
    expect(await crm().stored()).toEqual(before)
  })

  it('answers null for a record outside the read scope, and the record for its owner', async () => {
    const get = 'query ($id: ID!) { opportunity(id: $id) { name } }'
    const cases: [Caller, string, string | null][] = [
      ['rita', 'Ron deal', null],
      ['rita_key', 'Mia deal', null],
      ['otto', 'Rita deal 1', null],
      ['ron', 'Ron deal', 'Ron deal'],
      ['mia', 'Nobody deal', 'Nobody deal'],
    ]
    for (const [caller, name, expected] of cases) {
      const { opportunity } = await data(caller, get, { id: id(name) })
      expect(opportunity, `${caller} ${name}`).toEqual(expected === null ? null : { name })
    }
    const item = 'query ($id: ID!) { opportunity_line_item(id: $id) { product_name } }'
    expect(await data('mia', item, { id: id('Otto item') })).toEqual({
      opportunity_line_item: null,
    })
  })

  it('gives reps the read-only fields with their values, in queries and mutation answers', async () => {
    const fields = await data(
      'rita',
      `query ($deal: ID!, $item: ID!, $account: ID!) {
        opportunity(id: $deal) { probability expected_revenue }
        opportunity_line_item(id: $item) { discount total_price }
        account(id: $account) { annual_revenue }
      }`,
      { deal: id('Rita deal 1'), item: id('Rita item 1'), account: id('Rita Corp') },
    )
    expect(fields).toEqual({
      opportunity: { probability: 10, expected_revenue: 10 },
      opportunity_line_item: { discount: 5, total_price: 9.5 },
      account: { annual_revenue: 1000 },
    })
    const updated = await data(
      'rita_key',
      update('opportunity', 'next_step probability updated_by'),
      {
        id: id('Rita deal 2'),
        data: { next_step: 'Demo' },
      },
    )
    expect(updated.updateOpportunity).toEqual({
      next_step: 'Demo',
      probability: 20,
      updated_by: crm().userIds.rita,
    })
  })

  it('counts and aggregates only the rows the caller may read', async () => {
    for (const caller of somebody) {
      const answer = await data(
        caller,
        `{
          opportunityAggregate(aggregates: { n: { fn: "count" }, pipeline: { fn: "sum", field: "amount" } })
          opportunity_line_itemAggregate(aggregates: { n: { fn: "count" } })
          opportunityList(search: "deal", sort: ["name"]) { data { name } total }
        }`,
      )
      expect(answer, caller).toEqual({
        opportunityAggregate: [
          { n: visibleTo[caller].opportunity.length, pipeline: pipelineOf[caller] },
        ],
        opportunity_line_itemAggregate: [{ n: visibleTo[caller].opportunity_line_item.length }],
        opportunityList: {
          data: visibleTo[caller].opportunity.map((name) => ({ name })),
          total: visibleTo[caller].opportunity.length,
        },
      })
    }
  })

  it('lets child lists and lookups reach only what the caller may read', async () => {
    const query = `query ($id: ID!) {
      account(id: $id) {
        opportunities(sort: ["name"]) { name opportunity_line_items(sort: ["product_name"]) { product_name } }
      }
      activityList(sort: ["subject"]) { data { subject opportunity { name account { name } } } }
    }`
    const cases: [Caller, Row[], Row[]][] = [
      [
        'rita',
        [
          { name: 'Rita deal 1', opportunity_line_items: [{ product_name: 'Rita item 1' }] },
          { name: 'Rita deal 2', opportunity_line_items: [{ product_name: 'Rita item 2' }] },
        ],
        [
          {
            subject: 'Rita call',
            opportunity: { name: 'Rita deal 1', account: { name: 'Rita Corp' } },
          },
        ],
      ],
      [
        'ron',
        [{ name: 'Ron deal', opportunity_line_items: [{ product_name: 'Ron item' }] }],
        [
          {
            subject: 'Ron call',
            opportunity: { name: 'Ron deal', account: { name: 'Rita Corp' } },
          },
        ],
      ],
      [
        'otto',
        [],
        [
          {
            subject: 'Otto call',
            opportunity: { name: 'Otto deal', account: { name: 'Otto Corp' } },
          },
        ],
      ],
    ]
    for (const [caller, opportunities, activities] of cases) {
      const answer = await data(caller, query, { id: id('Rita Corp') })
      expect(answer, caller).toEqual({
        account: { opportunities },
        activityList: { data: activities },
      })
    }
    // Mia sees every deal but, through the hierarchy, only her reports' line items.
    const mia = await data(
      'mia',
      '{ opportunityList(sort: ["name"]) { data { name opportunity_line_items { product_name } } } }',
    )
    expect(mia.opportunityList).toEqual({
      data: [
        { name: 'Mia deal', opportunity_line_items: [{ product_name: 'Mia item' }] },
        { name: 'Nobody deal', opportunity_line_items: [] },
        { name: 'Otto deal', opportunity_line_items: [] },
        { name: 'Rita deal 1', opportunity_line_items: [{ product_name: 'Rita item 1' }] },
        { name: 'Rita deal 2', opportunity_line_items: [{ product_name: 'Rita item 2' }] },
        { name: 'Ron deal', opportunity_line_items: [{ product_name: 'Ron item' }] },
      ],
    })
  })

  it('refuses every mutation beyond the grants with the documented code, changing nothing', async () => {
    const { rita, ron } = crm().userIds
    /** A mutation and its variables; `name` is a seed record's name, or an id. */
    type Mutation = readonly [string, Row]
    const edit = (object: string, name: string, values: Row): Mutation => [
      update(object),
      { id: crm().ids[name] ?? name, data: values },
    ]
    const make = (object: string, values: Row): Mutation => [create(object), { data: values }]
    const drop = (object: string, name: string): Mutation => [remove(object), { id: id(name) }]
    const notFound = 'OOS_DATA_NOT_FOUND'
    const recordDenied = 'OOS_ACCESS_RECORD_DENIED'
    const objectDenied = 'OOS_ACCESS_OBJECT_DENIED'
    const ownerDenied = 'OOS_ACCESS_OWNER_DENIED'
    const fieldDenied = 'OOS_ACCESS_FIELD_DENIED'
    const assignment = { assignee: rita, permission_set: 'sales_manager' }
    const denied: [Caller, Mutation, string, string?][] = [
      ['rita', edit('opportunity', 'Ron deal', { next_step: 'Mine' }), notFound],
      ['rita', drop('lead', 'Ron lead'), notFound],
      ['rita', edit('account', 'Otto Corp', { industry: 'retail' }), recordDenied],
      ['rita', edit('opportunity', 'Rita deal 1', { probability: 90 }), fieldDenied, 'probability'],
      ['rita', make('opportunity', { name: 'Sure', probability: 99 }), fieldDenied, 'probability'],
      [
        'rita',
        edit('opportunity_line_item', 'Rita item 1', { discount: 50 }),
        fieldDenied,
        'discount',
      ],
      ['rita', edit('account', 'Rita Corp', { annual_revenue: 1 }), fieldDenied, 'annual_revenue'],
      ['rita', drop('opportunity', 'Rita deal 1'), objectDenied],
      ['rita', edit('opportunity', 'Rita deal 1', { owner_id: ron }), ownerDenied],
      ['rita', make('sys_permission_assignment', assignment), objectDenied],
      ['rita_key', edit('opportunity', 'Ron deal', { next_step: 'Mine' }), notFound],
      ['rita_key', drop('opportunity', 'Rita deal 2'), objectDenied],
      ['rita_key', edit('sys_user', rita, { is_admin: true }), notFound],
      ['ron', make('opportunity', { name: 'Planted', owner_id: rita }), ownerDenied],
      ['otto', drop('contact', 'Rita Contact'), recordDenied],
      ['mia', edit('opportunity_line_item', 'Otto item', { quantity: 2 }), notFound],
    ]
    const before = await crm().stored()
    for (const [caller, [mutation, variables], code, field] of denied) {
      const [got, message] = await codeOf(caller, mutation, variables)
      expect(got, `${caller} ${mutation} ${JSON.stringify(variables)}`).toBe(code)
      if (field !== undefined) expect(message).toContain(`"${field}"`)
    }
    expect(await crm().stored()).toEqual(before)
  })

  it("lets Mia edit another team's account, set probability, reassign a deal and delete", async () => {
    const { rita, ron, otto } = crm().userIds
    const before = await crm().stored()
    const made = async (as: Caller, object: string, values: Row) =>
      Object.values(await data(as, create(object, 'id owner_id'), { data: values }))[0] as {
        id: string
        owner_id: string
      }
    // Otto opens an account; Rita puts a deal on it.
    const spinoff = await made('otto', 'account', { name: 'Otto Spinoff' })
    const deal = await made('rita', 'opportunity', { name: 'Handover deal', account: spinoff.id })
    expect([spinoff.owner_id, deal.owner_id]).toEqual([otto, rita])
    const revenue = await data('mia', update('account', 'annual_revenue'), {
      id: spinoff.id,
      data: { annual_revenue: 5000 },
    })
    expect(revenue.updateAccount).toEqual({ annual_revenue: 5000 })
    const changed = await data('mia', update('opportunity', 'probability owner_id'), {
      id: deal.id,
      data: { probability: 70, owner_id: ron },
    })
    expect(changed.updateOpportunity).toEqual({ probability: 70, owner_id: ron })
    const get = 'query ($id: ID!) { opportunity(id: $id) { name } }'
    expect(await data('rita', get, { id: deal.id })).toEqual({ opportunity: null })
    expect(await data('ron', get, { id: deal.id })).toEqual({
      opportunity: { name: 'Handover deal' },
    })
    const rons = await data('ron', '{ opportunityList(sort: ["name"]) { data { name } total } }')
    expect(rons.opportunityList).toEqual({
      data: [{ name: 'Handover deal' }, { name: 'Ron deal' }],
      total: 2,
    })
    expect(await data('mia', remove('opportunity'), { id: deal.id })).toEqual({
      deleteOpportunity: true,
    })
    expect(await data('ron', get, { id: deal.id })).toEqual({ opportunity: null })
    expect(await data('mia', remove('account'), { id: spinoff.id })).toEqual({
      deleteAccount: true,
    })
    expect(await crm().stored()).toEqual(before)
  })
})
