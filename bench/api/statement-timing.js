/**
 * The list statements alone: the SQL the engine sent for the admin's and the rep's pages,
 * replayed through knex on the app's connection without HTTP, principal loading or row
 * decoding, to show how much of a difference between the two users is the database's. Wall
 * time, so PostgreSQL's work (which runs outside this process) counts too.
 */
import { performance } from 'node:perf_hooks'
import { median } from '../data/measure.js'

/** The statement as `knex.raw` takes it: pg reports `$1, $2, …`, knex binds `?` in order. */
const asRaw = ({ sql, bindings }) => [sql.replace(/\$\d+/g, '?'), bindings]

async function timeAll(knex, statements) {
  const start = performance.now()
  for (const statement of statements) await knex.raw(...asRaw(statement))
  return ((performance.now() - start) * 1000) / statements.length
}

/**
 * Runs each user's statements one after another, the users taking turns for `passes` passes
 * (after one warm-up pass each); returns the median µs per statement of each.
 *
 * @example
 *   await timeStatements(app.db.knex, { admin: [...], rep: [...] }, 3) // → { admin: 212, rep: 640 }
 */
export async function timeStatements(knex, statements, passes) {
  const names = Object.keys(statements)
  const times = Object.fromEntries(names.map((name) => [name, []]))
  for (let pass = 0; pass <= passes; pass++) {
    const order = pass % 2 === 0 ? names : [...names].reverse()
    for (const name of order) {
      const us = await timeAll(knex, statements[name])
      if (pass > 0) times[name].push(us)
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(times[name])]))
}

/**
 * How the database runs `statement`, in one line: SQLite's query plan, or the scan, sort and
 * limit nodes of PostgreSQL's.
 *
 * @example
 *   await planOf(app.db, statement)
 *   // → 'SEARCH deal USING INDEX deal_owner_id_stage_amount_idx (owner_id=? AND …)'
 */
export async function planOf(db, statement) {
  const [sql, bindings] = asRaw(statement)
  if (db.dialect === 'sqlite') {
    const rows = await db.knex.raw(`explain query plan ${sql}`, bindings)
    return rows.map((row) => row.detail).join('; ')
  }
  const { rows } = await db.knex.raw(`explain (costs off) ${sql}`, bindings)
  return rows
    .map((row) => row['QUERY PLAN'].trim().replace(/^->\s*/, ''))
    .filter((line) => /Scan|Sort$|Limit/.test(line))
    .join('; ')
}
