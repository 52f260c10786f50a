/**
 * The hand-written contender's GraphQL route: what a developer would write to answer the
 * benchmark's one nested query without a GraphQL library. `POST /api/v1/graphql` takes the same
 * JSON body the engine takes (`{ query, variables }`), accepts only the benchmark's query text
 * and reads its variables (account industry and first name; deal stage and lowest amount), then
 * runs one knex query per level — the accounts page; their deals (`account IN (…)`); those
 * deals' lines (`deal IN (…)`) — and nests the rows into the JSON GraphQL answers:
 * `{ data: { accountList: { data: [{ …, deals: [{ …, deal_lines: [...] }] }] } } }`, the fields
 * in the query's order, booleans as true/false. Anything else gets a 400 with GraphQL's
 * `{ errors }`. No parser, no schema, no resolvers, no batcher: the floor.
 */
import { accountsPerPage, graphqlRoute, nestedQuery } from './graphql-workload.js'

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `{ key: value }` with exactly the one key `key` and a value of type `type`, or undefined. */
function only(value, key, type) {
  if (!isObject(value)) return undefined
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] === key && typeof value[key] === type ? value[key] : undefined
}

/**
 * The query's variables from a request body, or a message saying what is wrong.
 *
 * @example
 *   readVariables({ query: nestedQuery, variables: { accounts: { industry: 'retail',
 *     name: { $gte: 'Account 4' } }, deals: { stage: 'proposal', amount: { $gte: 50000 } } } })
 *   // → { industry: 'retail', fromName: 'Account 4', stage: 'proposal', minAmount: 50000 }
 */
export function readVariables(body) {
  if (!isObject(body) || body.query !== nestedQuery) return 'only the benchmark query is served'
  const { accounts, deals } = body.variables ?? {}
  const fromName = only(accounts?.name, '$gte', 'string')
  const minAmount = only(deals?.amount, '$gte', 'number')
  if (
    !isObject(accounts) ||
    Object.keys(accounts).length !== 2 ||
    typeof accounts.industry !== 'string' ||
    fromName === undefined
  ) {
    return '$accounts must be {"industry": "…", "name": {"$gte": "…"}}'
  }
  if (
    !isObject(deals) ||
    Object.keys(deals).length !== 2 ||
    typeof deals.stage !== 'string' ||
    minAmount === undefined
  ) {
    return '$deals must be {"stage": "…", "amount": {"$gte": n}}'
  }
  return { industry: accounts.industry, fromName, stage: deals.stage, minAmount }
}

/** `rows` grouped by `key`, each group in the rows' order. */
function groupBy(rows, key) {
  const groups = new Map()
  for (const row of rows) {
    const group = groups.get(row[key])
    if (group === undefined) groups.set(row[key], [row])
    else group.push(row)
  }
  return groups
}

/**
 * Adds the route to the hand-written Fastify `server`, reading through `knex` (`dialect` says
 * how booleans come back).
 *
 * @example
 *   registerNestedQuery(server, db.knex, 'sqlite')
 */
export function registerNestedQuery(server, knex, dialect) {
  const flag = dialect === 'sqlite' ? (v) => (v === null ? null : v === 1) : (v) => v

  server.post(graphqlRoute, async (request, reply) => {
    const vars = readVariables(request.body)
    if (typeof vars === 'string') return reply.code(400).send({ errors: [{ message: vars }] })

    const accounts = await knex('account')
      .select('id', 'name', 'industry')
      .where('industry', vars.industry)
      .andWhere('name', '>=', vars.fromName)
      .orderBy(['name', 'id'])
      .limit(accountsPerPage)
    const deals =
      accounts.length === 0
        ? []
        : await knex('deal')
            .select('id', 'name', 'stage', 'amount', 'is_priority', 'account')
            .whereIn(
              'account',
              accounts.map((a) => a.id),
            )
            .andWhere('stage', vars.stage)
            .andWhere('amount', '>=', vars.minAmount)
            .orderBy([{ column: 'amount', order: 'desc' }, 'id'])
    const lines =
      deals.length === 0
        ? []
        : await knex('deal_line')
            .select('deal', 'product', 'quantity', 'unit_price')
            .whereIn(
              'deal',
              deals.map((d) => d.id),
            )
            .orderBy(['product', 'id'])

    const linesByDeal = groupBy(lines, 'deal')
    const dealsByAccount = groupBy(deals, 'account')
    const data = accounts.map((account) => ({
      id: account.id,
      name: account.name,
      industry: account.industry,
      deals: (dealsByAccount.get(account.id) ?? []).map((deal) => ({
        id: deal.id,
        name: deal.name,
        stage: deal.stage,
        amount: deal.amount,
        is_priority: flag(deal.is_priority),
        deal_lines: (linesByDeal.get(deal.id) ?? []).map((line) => ({
          product: line.product,
          quantity: line.quantity,
          unit_price: line.unit_price,
        })),
      })),
    }))
    return { data: { accountList: { data } } }
  })
}
