/**
 * Turns V8 CPU profiles of one server under load into "where does a request's time go": every
 * sample's self time is put in a category by the code it was running (the database driver, knex,
 * the engine's data layer, its HTTP routes, its GraphQL resolvers, graphql-js and Mercurius,
 * metrics, Fastify, JSON, the socket, GC), summed over
 * all profiles of a contender and divided by the requests it answered. Native work is counted
 * where JavaScript called it: SQLite's statement execution shows up as knex's `_query`,
 * `JSON.stringify` as Fastify's `serialize`, the socket write as `writev`.
 */

/** Categories in the order the table shows them. */
export const categories = [
  'database driver (SQLite run; pg protocol, type parsers)',
  'knex: query building, runner, pool',
  'engine: data layer (find/get, filter, decode)',
  'engine: REST routes (query string, meta, ETag)',
  'engine: GraphQL resolvers, batcher, loaders',
  'graphql-js: execution, value completion',
  'Mercurius (cache, context, reply)',
  'metrics hook (prom-client)',
  'hand-written route handlers',
  'Fastify + router',
  'JSON.stringify of the body',
  'socket write (writev)',
  'Node HTTP, streams, promises',
  'garbage collector',
  'other',
]

const driver = 'database driver (SQLite run; pg protocol, type parsers)'
const nativeStatementMethods = new Set(['all', 'get', 'run', 'iterate', 'prepare', 'exec'])

function categoryOf(frame) {
  const url = frame.url
  const name = frame.functionName
  if (name === '(garbage collector)') return 'garbage collector'
  if (name === 'writev' || name === 'writeBuffer' || name === 'writeUtf8String') {
    return 'socket write (writev)'
  }
  if (
    // better-sqlite3's native methods (a statement's `all`, `get`, `run`) have no script URL;
    // knex's `_query` calls them; the engine's connection module holds the SQLite statement
    // cache and the pg type parsers.
    (url === '' && nativeStatementMethods.has(name)) ||
    (url.includes('/knex/lib/dialects/better-sqlite3/') && name === '_query') ||
    url.includes('/engine/dist/data/connection/') ||
    /\/node_modules\/(better-sqlite3|pg|pg-protocol|pg-types)\//.test(url)
  ) {
    return driver
  }
  if (/\/node_modules\/(knex|tarn|lodash[^/]*|debug)\//.test(url)) {
    return 'knex: query building, runner, pool'
  }
  if (url.includes('/engine/dist/http/metrics/') || url.includes('/node_modules/prom-client/')) {
    return 'metrics hook (prom-client)'
  }
  if (url.includes('/engine/dist/http/graphql/'))
    return 'engine: GraphQL resolvers, batcher, loaders'
  if (url.includes('/engine/dist/http/')) return 'engine: REST routes (query string, meta, ETag)'
  if (url.includes('/node_modules/graphql/')) return 'graphql-js: execution, value completion'
  if (/\/node_modules\/(mercurius|graphql-jit|tiny-lru)\//.test(url)) {
    return 'Mercurius (cache, context, reply)'
  }
  if (url.includes('/engine/dist/')) return 'engine: data layer (find/get, filter, decode)'
  if (url.includes('/bench/')) return 'hand-written route handlers'
  if (url.includes('/fastify/lib/reply.js') && name === 'serialize') {
    return 'JSON.stringify of the body'
  }
  if (
    /\/node_modules\/(fastify|find-my-way|fast-querystring|fast-decode-uri-component|avvio|@fastify\/[^/]+)\//.test(
      url,
    )
  ) {
    return 'Fastify + router'
  }
  if (url.startsWith('node:') || url === '' || name === '(program)') {
    return 'Node HTTP, streams, promises'
  }
  return 'other'
}

/**
 * An accumulator for one contender: `add(profile, requests)` after each profiled load,
 * `perRequest()` for the µs per request by category and by function.
 *
 * @example
 *   const engine = profileTotals()
 *   engine.add(profile, 12000)
 *   engine.perRequest().categories.get('JSON.stringify of the body') // → 41.7
 */
export function profileTotals() {
  const byCategory = new Map()
  const byFunction = new Map()
  let requests = 0
  return {
    add(profile, answered) {
      requests += answered
      const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
      for (let i = 0; i < profile.samples.length; i++) {
        // A sample's time runs until the next sample.
        const us = profile.timeDeltas[i + 1] ?? 0
        const frame = nodes.get(profile.samples[i]).callFrame
        if (frame.functionName === '(idle)') continue
        const category = categoryOf(frame)
        byCategory.set(category, (byCategory.get(category) ?? 0) + us)
        const where = frame.url
          .replace(/^.*\/node_modules\//, '')
          .replace(/^.*\/(engine|bench)\//, '$1/')
        const key = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`
        byFunction.set(key, (byFunction.get(key) ?? 0) + us)
      }
    },
    perRequest() {
      const per = (map) => new Map([...map].map(([key, us]) => [key, us / requests]))
      return { categories: per(byCategory), functions: per(byFunction), requests }
    },
  }
}
