import { beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { useGraphqlApp } from './testing/graphql-test-app.js'

/**
 * Mercurius compiles a query after its first run (`jit: 1`); from then on the compiled code
 * answers. The answers — data, nulls, custom scalars and errors — must not change.
 */
describe.each(dialects)('GraphQL compiled queries on %s', (dialect) => {
  const harness = useGraphqlApp(dialect)

  beforeAll(async () => {
    const { records } = harness().app
    const acme = await records.create('account', { name: 'Acme', industry: 'technology' })
    const deal = await records.create('opportunity', {
      name: 'Big deal',
      account: acme.id,
      amount: 5000,
      close_date: '2026-12-01',
    })
    await records.create('opportunity_line_item', {
      opportunity: deal.id,
      product_name: 'Seats',
      unit_price: 10,
      quantity: 3,
    })
    await records.create('account', { name: 'Bare' })
  })

  it('answers a nested query the same on its first and later runs', async () => {
    const query = `query ($filter: Filter) {
      accountList(filter: $filter, sort: ["name"]) {
        data {
          name industry created_at
          opportunities { name amount close_date account { name } opportunity_line_items { product_name quantity } }
        }
      }
      opportunityAggregate(groupBy: ["account.name"], aggregates: { n: { fn: "count" } })
    }`
    const answers = []
    for (let run = 0; run < 4; run++) {
      answers.push(
        (await harness().gql(query, { filter: { name: { $in: ['Acme', 'Bare'] } } })).body,
      )
    }
    expect(answers[0]?.errors).toBeUndefined()
    const data = answers[0]?.data as { accountList: { data: { name: string }[] } }
    expect(data.accountList.data.map((a) => a.name)).toEqual(['Acme', 'Bare'])
    for (const later of answers.slice(1)) expect(later).toEqual(answers[0])
  })

  it('reports the same errors with the same codes on later runs', async () => {
    const bad = '{ accountList(filter: { made_up: 1 }) { data { name } } }'
    const first = (await harness().gql(bad)).body
    expect(first.errors?.length).toBeGreaterThan(0)
    for (let run = 0; run < 3; run++) expect((await harness().gql(bad)).body).toEqual(first)
  })
})
