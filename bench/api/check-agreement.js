/**
 * Refuses to time two servers that do different things. Before any load, the same requests go
 * to both: list pages must carry the same records in the same order, byte for byte once
 * serialised; single records must come back as the same body with the same ETag; a missing id
 * must be a 404 and a malformed filter a 400 on both. The engine's list also returns
 * `meta` (limit, next-page cursor), which the hand-written list leaves out; only `data` is compared.
 */
import { getPaths, listPaths, listRoute } from './workload.js'

async function fetchBoth(origins, path) {
  const [engine, handWritten] = await Promise.all(
    [origins.engine, origins.handWritten].map(async (origin) => {
      const response = await fetch(origin + path)
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

  const refusals = [
    [`${listRoute}/00000000-0000-7000-8000-ffffffffffff`, 404],
    [`${listRoute}?filter=${encodeURIComponent('{"stage":')}&sort=-amount`, 400],
  ]
  for (const [path, status] of refusals) {
    const { engine, handWritten } = await fetchBoth(origins, path)
    if (engine.status !== status || handWritten.status !== status) {
      throw differ(path, `status (expected ${status})`, engine.status, handWritten.status)
    }
  }
}
