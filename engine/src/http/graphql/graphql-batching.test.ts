import { beforeAll, describe, expect, it } from 'vitest'
import type { RecordService } from '../../data/record-service.js'
import { dialects } from '../../testing/test-database.js'
import { useGraphqlApp } from './testing/graphql-test-app.js'

/** Three levels of child lists, with a lookup back up at two of them. */
const nestedQuery = `query ($filter: Filter) {
  accountList(filter: $filter, sort: ["name"], limit: 500) {
    data {
      name
      opportunities(sort: ["name"]) {
        name
        account { name }
        opportunity_line_items { product_name opportunity { name } }
      }
    }
  }
}`

interface Account {
  readonly name: string
  readonly opportunities: readonly {
    readonly name: string
    readonly account: { readonly name: string }
    readonly opportunity_line_items: readonly {
      readonly product_name: string
      readonly opportunity: { readonly name: string }
    }[]
  }[]
}

describe.each(dialects)('GraphQL batching on %s', (dialect) => {
  const harness = useGraphqlApp(dialect)

  /** `count` accounts of one industry, each with two opportunities of one line item each. */
  async function seed(industry: string, count: number): Promise<void> {
    await harness().app.records.transaction((records) => seedIn(records, industry, count))
  }

  async function seedIn(records: RecordService, industry: string, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const account = await records.create('account', { name: `${industry} ${i}`, industry })
      for (const deal of ['a', 'b']) {
        const opportunity = await records.create('opportunity', {
          name: `${industry} ${i}${deal}`,
          account: account.id,
        })
        await records.create('opportunity_line_item', {
          opportunity: opportunity.id,
          product_name: `item ${i}${deal}`,
          unit_price: 1,
        })
      }
    }
  }

  beforeAll(async () => {
    await seed('finance', 10)
    await seed('retail', 500)
  }, 300_000)

  async function run(industry: string): Promise<{ statements: number; accounts: Account[] }> {
    let accounts: Account[] = []
    const statements = await harness().statements(async () => {
      const { body } = await harness().gql(nestedQuery, { filter: { industry } })
      expect(body.errors).toBeUndefined()
      accounts = (body.data?.accountList as { data: Account[] }).data
    })
    return { statements, accounts }
  }

  it('sends as many SQL statements for 500 parents as for 10: one per relation and level', async () => {
    const few = await run('finance')
    const many = await run('retail')
    expect(few.accounts).toHaveLength(10)
    expect(many.accounts).toHaveLength(500)
    // The answers are complete: every account has its two deals, each deal its line item.
    for (const account of many.accounts) {
      expect(account.opportunities.map((o) => o.name)).toEqual([
        `${account.name}a`,
        `${account.name}b`,
      ])
      for (const deal of account.opportunities) {
        expect(deal.account.name).toBe(account.name)
        expect(deal.opportunity_line_items).toHaveLength(1)
        expect(deal.opportunity_line_items[0]?.opportunity.name).toBe(deal.name)
      }
    }
    // accountList, opportunities, opportunity.account, line items, line item.opportunity.
    expect(few.statements).toBe(5)
    expect(many.statements).toBe(few.statements)
  })

  it('shares one find between lookups of a level that select the same fields', async () => {
    const count = async (selection: string) => {
      let errors: unknown
      const statements = await harness().statements(async () => {
        ;({ errors } = (
          await harness().gql(`{ opportunityList(limit: 500) { data { ${selection} } } }`)
        ).body)
      })
      expect(errors).toBeUndefined()
      return statements
    }
    expect(await count('a: account { name } b: account { name }')).toBe(2)
    expect(await count('a: account { name } b: account { industry }')).toBe(3)
    // No seeded deal has a primary contact: an empty lookup reads nothing.
    expect(await count('account { name } primary_contact { last_name }')).toBe(2)
  })
})
