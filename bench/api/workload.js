/**
 * The requests the API benchmark sends, the same bytes to both servers: list pages of the data
 * benchmark's sales-screen query (one stage, amount at or above a threshold, largest first, 50 per
 * page) as `GET /api/v1/data/deal?filter=…&sort=-amount&limit=50`, and `GET /api/v1/data/deal/:id`
 * of seeded deals spread over the whole table. Deterministic (seeded), so runs compare.
 */
import { listQueries, random } from '../data/workload.js'

/** Where both servers answer: the engine's generated routes, and the hand-written copies. */
export const listRoute = '/api/v1/data/deal'

/**
 * `count` list request paths, stage and threshold rotating so no single page is cached.
 *
 * @example
 *   listPaths(1, 7)
 *   // → ['/api/v1/data/deal?filter=%7B%22stage%22%3A%22prospecting%22%2C…&sort=-amount&limit=50']
 */
export function listPaths(count, seed) {
  return listQueries(count, seed).map(({ stage, minAmount, limit }) => {
    const filter = encodeURIComponent(JSON.stringify({ stage, amount: { $gte: minAmount } }))
    return `${listRoute}?filter=${filter}&sort=-amount&limit=${limit}`
  })
}

/**
 * `count` get-by-id request paths for deals drawn (seeded) from the whole table, so reads land
 * all over the primary-key index rather than on a few hot pages.
 *
 * @example
 *   await getPaths(app.db.knex, 500, 11) // → ['/api/v1/data/deal/019a…', …]
 */
export async function getPaths(knex, count, seed) {
  const ids = (await knex('deal').select('id').orderBy('id')).map((row) => row.id)
  if (ids.length === 0) throw new Error('bench: the deal table is empty; nothing to get')
  const next = random(seed)
  return Array.from({ length: count }, () => `${listRoute}/${ids[Math.floor(next() * ids.length)]}`)
}
