/**
 * Refuses to time two servers that do different things. Before any load, the same requests go
 * to both: list pages must carry the same records in the same order, byte for byte once
 * serialised; single records must come back as the same body with the same ETag; the nested
 * GraphQL query must come back as the same body, byte for byte, for every variable set checked;
 * a missing id must be a 404, a malformed filter a 400 and a malformed GraphQL query a 400 on
 * both. The engine's list also returns `meta` (limit, next-page cursor), which the hand-written
 * list leaves out; only `data` is compared.
 */
import { graphqlRoute, nestedRequests } from './graphql-workload.js'
import { getPaths, listPaths, listRoute } from './workload.js'

/** Sends one request (a GET path, or `{ method, path, headers, body }`) to both servers. */
async function fetchBoth(origins, request) {
  const { path, ...init } = typeof request === 'string' ? { path: request } : request
  const [engine, handWritten] = await Promise.all(
    [origins.engine, origins.handWritten].map(async (origin) => {
      const response = await fetch(origin + path, init)
      return {
        status: response.status,
        etag: response.headers.get('etag'),
        text: await response.text(),
      }
    }),
  )
  return { engine, handWritten }
}

function differ(path, what, engine, handWritten) {
  return new Error(
    `engine and hand-written answer ${path} with different ${what}:\n` +
      `  engine:       ${String(engine).slice(0, 400)}\n` +
      `  hand-written: ${String(handWritten).slice(0, 400)}`,
  )
}

/**
 * Throws, naming the request and both answers, at the first difference.
 *
 * @example
 *   await checkAgreement({ engine: 'http://127.0.0.1:4001', handWritten: 'http://127.0.0.1:4002' }, knex)
 */
export async function checkAgreement(origins, knex) {
  let listed = 0
  for (const path of listPaths(12, 99)) {
    const { engine, handWritten } = await fetchBoth(origins, path)
    if (engine.status !== 200 || handWritten.status !== 200) {
      throw differ(path, 'status', `${engine.status} ${engine.text}`, handWritten.status)
    }
    const a = JSON.stringify(JSON.parse(engine.text).data)
    const b = JSON.stringify(JSON.parse(handWritten.text).data)
    if (a !== b) throw differ(path, 'records', a, b)
    listed += JSON.parse(a).length
  }
  if (listed === 0) throw new Error('bench: the check lists returned no records; nothing compared')

  for (const path of await getPaths(knex, 20, 99)) {
    const { engine, handWritten } = await fetchBoth(origins, path)
    if (engine.status !== 200 || handWritten.status !== 200) {
      throw differ(path, 'status', `${engine.status} ${engine.text}`, handWritten.status)
    }
    if (engine.text !== handWritten.text)
      throw differ(path, 'bodies', engine.text, handWritten.text)
    if (engine.etag !== handWritten.etag) throw differ(path, 'ETags', engine.etag, handWritten.etag)
  }

  await checkNested(origins)

  const refusals = [
    [`${listRoute}/00000000-0000-7000-8000-ffffffffffff`, 404],
    [`${listRoute}?filter=${encodeURIComponent('{"stage":')}&sort=-amount`, 400],
    [
      {
        method: 'POST',
        path: graphqlRoute,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ accountList(' }),
      },
      400,
    ],
  ]
  for (const [request, status] of refusals) {
    const { engine, handWritten } = await fetchBoth(origins, request)
    if (engine.status !== status || handWritten.status !== status) {
      throw differ(
        nameOf(request),
        `status (expected ${status})`,
        engine.status,
        handWritten.status,
      )
    }
  }
}

/** A request as an error message names it: the path, and a POST's variables. */
function nameOf(request) {
  if (typeof request === 'string') return request
  const { variables } = JSON.parse(request.body)
  return `${request.method} ${request.path} ${JSON.stringify(variables ?? {})}`
}

/**
 * Sixteen variable sets of the nested query: same body on both, byte for byte; and between them
 * accounts, deals and lines were compared (an empty answer compares nothing).
 */
async function checkNested(origins) {
  const seen = { accounts: 0, deals: 0, lines: 0 }
  for (const request of nestedRequests(16, 99)) {
    const { engine, handWritten } = await fetchBoth(origins, request)
    if (engine.status !== 200 || handWritten.status !== 200) {
      throw differ(nameOf(request), 'status', `${engine.status} ${engine.text}`, handWritten.status)
    }
    if (engine.text !== handWritten.text) {
      throw differ(nameOf(request), 'bodies', ...firstDifference(engine.text, handWritten.text))
    }
    for (const account of JSON.parse(engine.text).data.accountList.data) {
      seen.accounts++
      for (const deal of account.deals) {
        seen.deals++
        seen.lines += deal.deal_lines.length
      }
    }
  }
  if (seen.accounts === 0 || seen.deals === 0 || seen.lines === 0) {
    throw new Error(`bench: the nested queries compared too little: ${JSON.stringify(seen)}`)
  }
}

/** Both texts from a little before the first character where they differ. */
function firstDifference(a, b) {
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  const from = Math.max(0, i - 80)
  return [`…${a.slice(from)}`, `…${b.slice(from)}`]
}
