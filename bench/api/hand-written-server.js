/**
 * The hand-written contender: a Fastify 5 server with the endpoints a developer would write by
 * hand for the tables the engine created, with knex on its own connection to the same database.
 * Same paths, same query string, same JSON (`{ data }`, booleans as true/false, the record's
 * version as ETag), and no more work than that: the list reads the filter JSON and applies its
 * two conditions (stage equal, amount at or above), sorts by amount (id breaking ties, as the
 * engine does), and refuses anything else with a 400. The GraphQL route answers the one nested
 * query of the benchmark (hand-written-graphql.js). No metadata, no generic filter compiler, no
 * cursor, no metrics: the floor.
 */
import Fastify from 'fastify'
import { createBaseline, dealColumns } from '../data/baseline.js'
import { registerNestedQuery } from './hand-written-graphql.js'
import { listRoute } from './workload.js'

const maxLimit = 500

function badRequest(reply, detail) {
  return reply.code(400).send({ status: 400, detail })
}

/** `?filter=…&sort=-amount&limit=n` → the baseline list query, or a message saying what is wrong. */
function readListQuery(query) {
  const { filter, sort, limit, ...rest } = query
  const unknown = Object.keys(rest)
  if (unknown.length > 0) return `unknown parameter "${unknown[0]}"`
  let parsed
  try {
    parsed = JSON.parse(filter ?? '{}')
  } catch {
    return 'filter must be JSON'
  }
  const keys = Object.keys(parsed ?? {})
  const amount = parsed?.amount
  if (
    keys.length !== 2 ||
    typeof parsed.stage !== 'string' ||
    typeof amount !== 'object' ||
    amount === null ||
    Object.keys(amount).length !== 1 ||
    typeof amount.$gte !== 'number'
  ) {
    return 'filter must be {"stage": "…", "amount": {"$gte": n}}'
  }
  if (sort !== '-amount') return 'sort must be -amount'
  const n = limit === undefined ? 50 : Number(limit)
  if (!Number.isInteger(n) || n < 1 || n > maxLimit) return `limit must be 1 to ${maxLimit}`
  return { stage: parsed.stage, minAmount: amount.$gte, limit: n }
}

/**
 * Starts the hand-written server on a free port of 127.0.0.1 and returns the Fastify instance.
 *
 * @example
 *   const server = await startHandWritten(db.knex, 'sqlite')
 *   const port = server.addresses()[0].port
 *   await fetch(`http://127.0.0.1:${port}/api/v1/data/deal/${id}`) // → { data: { id, … } }
 */
export async function startHandWritten(knex, dialect) {
  // The list is the data benchmark's hand-written one: ORDER BY amount DESC, id, LIMIT n.
  const baseline = createBaseline(knex, dialect)
  const server = Fastify({ logger: false })

  server.get(listRoute, async (request, reply) => {
    const query = readListQuery(request.query)
    if (typeof query === 'string') return badRequest(reply, query)
    return { data: await baseline.listPlainOrder(query) }
  })

  server.get(`${listRoute}/:id`, async (request, reply) => {
    if (Object.keys(request.query).length > 0) return badRequest(reply, 'no parameters here')
    const row = await knex('deal').select(dealColumns).where('id', request.params.id).first()
    if (row === undefined) return reply.code(404).send({ status: 404, detail: 'no such deal' })
    if (dialect === 'sqlite') row.is_priority = row.is_priority === 1
    const tag = `"${row.version}"`
    reply.header('etag', tag)
    if (request.headers['if-none-match'] === tag) return reply.code(304).send()
    return { data: row }
  })

  registerNestedQuery(server, knex, dialect)

  await server.listen({ port: 0, host: '127.0.0.1' })
  return server
}
