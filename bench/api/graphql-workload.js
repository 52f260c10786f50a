/**
 * The GraphQL requests the API benchmark sends, the same bytes to both servers: one 3-level
 * nested query — a page of 10 accounts of one industry from a name onwards, each account's deals
 * of one stage at or above an amount (largest first), each deal's lines (by product) — posted to
 * `/api/v1/graphql` as `{ query, variables }` JSON with rotating variables. Deterministic
 * (seeded), so runs compare.
 */
import { stages } from '../data/app-metadata.js'
import { random } from '../data/workload.js'

/** Where both servers answer GraphQL. */
export const graphqlRoute = '/api/v1/graphql'

/** Accounts per page: the query's `limit`. */
export const accountsPerPage = 10

/** The query text, as a client would send it; only the variables change between requests. */
export const nestedQuery = `query AccountDeals($accounts: Filter, $deals: Filter) {
  accountList(filter: $accounts, sort: ["name"], limit: ${accountsPerPage}) {
    data {
      id
      name
      industry
      deals(filter: $deals, sort: ["-amount"]) {
        id
        name
        stage
        amount
        is_priority
        deal_lines(sort: ["product"]) {
          product
          quantity
          unit_price
        }
      }
    }
  }
}
`

const industries = ['technology', 'retail', 'finance']

/**
 * `count` variable sets: industry and stage rotating, the first account name and the lowest
 * amount drawn. Names run from "Account 0" to "Account 99" and sort as text, so a first name
 * from "Account 10" to "Account 69" leaves at least 11 accounts of each industry; an amount from
 * 25,000 to 75,000 keeps about half of a stage's deals (about 9 per account, 1 to 3 lines each).
 *
 * @example
 *   nestedVariables(1, 13)
 *   // → [{ accounts: { industry: 'technology', name: { $gte: 'Account 43' } },
 *   //      deals: { stage: 'prospecting', amount: { $gte: 43005 } } }]
 */
export function nestedVariables(count, seed) {
  const next = random(seed)
  return Array.from({ length: count }, (_, i) => ({
    accounts: {
      industry: industries[i % industries.length],
      name: { $gte: `Account ${10 + Math.floor(next() * 60)}` },
    },
    deals: {
      stage: stages[i % stages.length],
      amount: { $gte: 25_000 + Math.floor(next() * 50_000) },
    },
  }))
}

/**
 * `count` POST requests of the nested query, for the load generator and the agreement check.
 *
 * @example
 *   nestedRequests(1, 13)
 *   // → [{ method: 'POST', path: '/api/v1/graphql',
 *   //      headers: { 'content-type': 'application/json' }, body: '{"query":"query AccountDeals…' }]
 */
export function nestedRequests(count, seed) {
  return nestedVariables(count, seed).map((variables) => ({
    method: 'POST',
    path: graphqlRoute,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: nestedQuery, variables }),
  }))
}
