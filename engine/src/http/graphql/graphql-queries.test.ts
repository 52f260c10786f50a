import { beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { useGraphqlApp } from './testing/graphql-test-app.js'

type Row = Record<string, unknown>

describe.each(dialects)('GraphQL queries on %s', (dialect) => {
  const harness = useGraphqlApp(dialect)
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    const { records } = harness().app
    const create = async (object: string, data: Row) =>
      String((await records.create(object, data)).id)
    ids.acme = await create('account', { name: 'Acme', industry: 'technology', employees: 120 })
    ids.bolt = await create('account', { name: 'Bolt', industry: 'technology', employees: 40 })
    ids.cargo = await create('account', {
      name: 'Cargo',
      industry: 'retail',
      parent_account: ids.acme,
    })
    ids.ada = await create('contact', { last_name: 'Lovelace', account: ids.acme })
    ids.big = await create('opportunity', {
      name: 'Big deal',
      account: ids.acme,
      amount: 5000,
      stage: 'proposal',
      primary_contact: ids.ada,
    })
    ids.small = await create('opportunity', { name: 'Small deal', account: ids.acme, amount: 100 })
    ids.bolt_deal = await create('opportunity', {
      name: 'Bolt deal',
      account: ids.bolt,
      amount: 900,
    })
    await create('opportunity_line_item', {
      opportunity: ids.big,
      product_name: 'Seats',
      unit_price: 10,
      quantity: 3,
    })
    await create('opportunity_line_item', {
      opportunity: ids.big,
      product_name: 'Support',
      unit_price: 50,
    })
  })

  it('lists with a filter, sort, limit, total and a cursor to the next page', async () => {
    const query = `query ($filter: Filter, $cursor: String) {
      accountList(filter: $filter, sort: ["-employees"], limit: 1, cursor: $cursor) {
        data { name employees industry }
        nextCursor
        total
      }
    }`
    const filter = { industry: 'technology', employees: { $gte: 10 } }
    const first = await harness().gql(query, { filter })
    expect(first.status).toBe(200)
    expect(first.body.errors).toBeUndefined()
    const page = first.body.data?.accountList as { data: Row[]; nextCursor: string; total: number }
    expect(page.data).toEqual([{ name: 'Acme', employees: 120, industry: 'technology' }])
    expect(page.total).toBe(2)
    expect(typeof page.nextCursor).toBe('string')

    const second = await harness().gql(query, { filter, cursor: page.nextCursor })
    const next = second.body.data?.accountList as { data: Row[]; nextCursor: string | null }
    expect(next.data.map((r) => r.name)).toEqual(['Bolt'])
    expect(next.nextCursor).toBeNull()
  })

  it('pages with offset, searches, and takes a filter as a JSON string or an equality literal', async () => {
    const { body } = await harness().gql(`{
      byOffset: accountList(sort: ["name"], limit: 1, offset: 1) { data { name } }
      bySearch: accountList(search: "carg") { data { name } }
      byString: accountList(filter: "{\\"employees\\":{\\"$lt\\":100}}") { data { name } }
      byLiteral: accountList(filter: { industry: "retail" }) { data { name } }
    }`)
    expect(body.errors).toBeUndefined()
    const names = (key: string) =>
      ((body.data?.[key] as { data: Row[] }).data ?? []).map((r) => r.name)
    expect(names('byOffset')).toEqual(['Bolt'])
    expect(names('bySearch')).toEqual(['Cargo'])
    expect(names('byString')).toEqual(['Bolt'])
    expect(names('byLiteral')).toEqual(['Cargo'])
  })

  it('gets one record by id, and null for an id that does not exist', async () => {
    const { body } = await harness().gql(
      `query ($id: ID!) { account(id: $id) { id name account_number type } missing: account(id: "nope") { id } }`,
      { id: ids.acme },
    )
    expect(body.errors).toBeUndefined()
    expect(body.data?.account).toMatchObject({ id: ids.acme, name: 'Acme', type: 'prospect' })
    expect(String((body.data?.account as Row).account_number)).toMatch(/^ACC-\d{4}$/)
    expect(body.data?.missing).toBeNull()
  })

  it('resolves lookups to records and child relations to lists with filter, sort and limit', async () => {
    const { body } = await harness().gql(
      `query ($id: ID!) {
        account(id: $id) {
          name
          accounts { name parent_account { name } }
          contacts { last_name }
          opportunities(sort: ["-amount"]) {
            name
            stage
            account { name }
            primary_contact { last_name }
            opportunity_line_items(sort: ["product_name"]) { product_name total_price }
          }
          big: opportunities(filter: "{\\"amount\\":{\\"$gte\\":1000}}") { name }
          first: opportunities(sort: ["amount"], limit: 1) { name }
        }
      }`,
      { id: ids.acme },
    )
    expect(body.errors).toBeUndefined()
    const account = body.data?.account as Row
    expect(account.accounts).toEqual([{ name: 'Cargo', parent_account: { name: 'Acme' } }])
    expect(account.contacts).toEqual([{ last_name: 'Lovelace' }])
    expect(account.opportunities).toEqual([
      {
        name: 'Big deal',
        stage: 'proposal',
        account: { name: 'Acme' },
        primary_contact: { last_name: 'Lovelace' },
        opportunity_line_items: [
          { product_name: 'Seats', total_price: 30 },
          { product_name: 'Support', total_price: 50 },
        ],
      },
      {
        name: 'Small deal',
        stage: 'prospecting',
        account: { name: 'Acme' },
        primary_contact: null,
        opportunity_line_items: [],
      },
    ])
    expect(account.big).toEqual([{ name: 'Big deal' }])
    expect(account.first).toEqual([{ name: 'Small deal' }])
  })

  it('applies a child list limit per parent when many parents share one batch', async () => {
    const { body } = await harness().gql(`{
      accountList(sort: ["name"], filter: "{\\"industry\\":\\"technology\\"}") {
        data { name opportunities(sort: ["-amount"], limit: 1) { name } }
      }
    }`)
    expect(body.errors).toBeUndefined()
    expect((body.data?.accountList as { data: Row[] }).data).toEqual([
      { name: 'Acme', opportunities: [{ name: 'Big deal' }] },
      { name: 'Bolt', opportunities: [{ name: 'Bolt deal' }] },
    ])
  })

  it('aggregates with groupBy, a filter and a sort', async () => {
    const { body } = await harness().gql(`{
      opportunityAggregate(
        groupBy: ["account.name"]
        aggregates: { deals: { fn: count }, total: { fn: sum, field: "amount" } }
        filter: "{\\"amount\\":{\\"$gt\\":0}}"
        sort: ["-total"]
      )
    }`)
    expect(body.errors).toBeUndefined()
    expect(body.data?.opportunityAggregate).toEqual([
      { 'account.name': 'Acme', deals: 2, total: 5100 },
      { 'account.name': 'Bolt', deals: 1, total: 900 },
    ])
  })

  it('answers a bad filter with the catalog code naming the operator, once', async () => {
    const { status, body } = await harness().gql(`{
      accountList { data { name opportunities(filter: "{\\"amount\\":{\\"$sortof\\":1}}") { name } } }
    }`)
    expect(status).toBe(200)
    expect(body.errors).toHaveLength(1)
    expect(body.errors?.[0]).toMatchObject({
      message: 'operator "$sortof" is not supported on "amount"',
      extensions: { code: 'OOS_DATA_UNKNOWN_OPERATOR', status: 400 },
    })
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/)
  })

  it('answers an unknown sort field and a limit over 500 like REST', async () => {
    const { body } = await harness().gql(`{
      a: accountList(sort: ["nickname"]) { total }
    }`)
    expect(body.data).toBeNull()
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'OOS_DATA_UNKNOWN_FIELD',
      status: 400,
    })
    const over = await harness().gql(`{ accountList(limit: 501) { total } }`)
    expect(over.body.errors?.[0]).toMatchObject({
      message: 'invalid limit: expects a whole number from 1 to 500, got 501',
      extensions: { code: 'OOS_DATA_INVALID_QUERY' },
    })
  })

  it('answers a second run of the same query (from the document cache) the same way', async () => {
    const query = `{ accountList(sort: ["name"]) { data { name opportunities { name } } } }`
    const first = await harness().gql(query)
    const second = await harness().gql(query)
    expect(second.body).toEqual(first.body)
    expect(first.body.errors).toBeUndefined()
  })
})
