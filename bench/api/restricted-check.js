/**
 * Refuses to time the admin and the rep unless the rep's record-access predicate is really in
 * force and both get the pages they should. Before any load, every list request of the load
 * goes out as both users:
 *
 * - the admin's page must carry the same records, in the same order, byte for byte once
 *   serialised, as the REST bench's hand-written list for the same query (the deals of every
 *   owner);
 * - the rep's page must hold only deals the rep owns, sorted by amount (largest first, id
 *   breaking ties), and be exactly the hand-written list with `owner_id = <rep>` added;
 * - most of the rep's pages must be non-empty, or the rep's requests would be cheaper only
 *   because they return less.
 *
 * Then a deal of another rep must be a 404 for the rep and a 200 for the admin, and a request
 * without a user or with an unknown one a 401. Returns how full the rep's pages were and the
 * list statement the engine ran for each page and user (the report times them alone and shows
 * the rep's plan).
 */
import { createBaseline, dealColumns } from '../data/baseline.js'
import { benchUserHeader } from './bench-identify.js'
import { listRoute } from './workload.js'

/** Share of the rep's pages that may come back empty before the workload is refused. */
const maxEmptyShare = 0.1

async function fetchAs(origin, path, userId) {
  const headers = userId === undefined ? {} : { [benchUserHeader]: userId }
  const response = await fetch(origin + path, { headers })
  return { status: response.status, text: await response.text() }
}

function refuse(path, who, what, got, expected) {
  return new Error(
    `bench: the ${who}'s answer to ${path} ${what}:\n` +
      `  got:      ${String(got).slice(0, 400)}\n` +
      `  expected: ${String(expected).slice(0, 400)}`,
  )
}

/** The hand-written list for one owner: the REST bench's query with `owner_id = ?` added. */
async function ownerPage(knex, dialect, owner, { stage, minAmount, limit }) {
  const rows = await knex('deal')
    .select(dealColumns)
    .where('owner_id', owner)
    .andWhere('stage', stage)
    .andWhere('amount', '>=', minAmount)
    .orderBy([{ column: 'amount', order: 'desc' }, 'id'])
    .limit(limit)
  if (dialect === 'sqlite') for (const row of rows) row.is_priority = row.is_priority === 1
  return rows
}

/** True when `records` are sorted by amount, largest first, then by id. */
function sortedByAmount(records) {
  return records.every((r, i) => {
    if (i === 0) return true
    const p = records[i - 1]
    return p.amount > r.amount || (p.amount === r.amount && p.id < r.id)
  })
}

/** Captures the statements `knex` runs while `work` runs. */
async function statementsOf(knex, work) {
  const seen = []
  const listener = (query) => seen.push({ sql: query.sql, bindings: query.bindings })
  knex.on('query', listener)
  try {
    await work()
  } finally {
    knex.removeListener('query', listener)
  }
  return seen
}

/** The statement on `deal` among those a request ran (the principal's lookups come first). */
function listStatement(statements, path) {
  const found = statements.find((s) => /from [`"]deal[`"]/.test(s.sql))
  if (found === undefined) throw new Error(`bench: no statement on deal was seen for ${path}`)
  return found
}

/**
 * Throws at the first difference; returns the rep's page sizes (`pages`, `full`, `empty`,
 * `fewest`, `most`) and `statements: { admin, rep }`, the list statement of each page.
 * `queries[i]` is the query `paths[i]` asks.
 *
 * @example
 *   const { full, statements } = await checkRestricted(origin, app.db, users, queries, paths)
 *   full // → 413 (of 500 pages, 50 records each)
 */
export async function checkRestricted(origin, db, users, queries, paths) {
  const { knex, dialect } = db
  const baseline = createBaseline(knex, dialect)
  const sizes = []
  const statements = { admin: [], rep: [] }
  for (const [i, path] of paths.entries()) {
    let admin
    const adminRan = await statementsOf(knex, async () => {
      admin = await fetchAs(origin, path, users.admin)
    })
    if (admin.status !== 200) throw refuse(path, 'admin', 'has a status', admin.status, 200)
    statements.admin.push(listStatement(adminRan, path))
    const adminData = JSON.stringify(JSON.parse(admin.text).data)
    const handWritten = JSON.stringify(await baseline.listPlainOrder(queries[i]))
    if (adminData !== handWritten) {
      throw refuse(path, 'admin', 'differs from the hand-written list', adminData, handWritten)
    }

    let rep
    const repRan = await statementsOf(knex, async () => {
      rep = await fetchAs(origin, path, users.rep)
    })
    if (rep.status !== 200) throw refuse(path, 'rep', 'has a status', rep.status, 200)
    statements.rep.push(listStatement(repRan, path))
    const records = JSON.parse(rep.text).data
    const stranger = records.find((r) => r.owner_id !== users.rep)
    if (stranger !== undefined) {
      throw refuse(path, 'rep', 'holds a deal of another owner', stranger.owner_id, users.rep)
    }
    if (!sortedByAmount(records)) {
      throw refuse(
        path,
        'rep',
        'is not sorted by -amount, id',
        records.map((r) => r.amount),
        '',
      )
    }
    const expected = JSON.stringify(await ownerPage(knex, dialect, users.rep, queries[i]))
    if (JSON.stringify(records) !== expected) {
      throw refuse(path, 'rep', "differs from the hand-written owner's list", rep.text, expected)
    }
    sizes.push(records.length)
  }

  const empty = sizes.filter((n) => n === 0).length
  if (empty > maxEmptyShare * sizes.length) {
    throw new Error(
      `bench: ${empty} of the rep's ${sizes.length} pages are empty; lower the thresholds`,
    )
  }
  await checkRefusals(origin, knex, users)
  return {
    pages: sizes.length,
    full: sizes.filter((n) => n === queries[0].limit).length,
    empty,
    fewest: Math.min(...sizes),
    most: Math.max(...sizes),
    statements,
  }
}

/** Another rep's deal is hidden from the rep, not from the admin; nobody gets a 401. */
async function checkRefusals(origin, knex, users) {
  const other = await knex('deal').select('id').where('owner_id', users.otherRep).first()
  if (other === undefined) throw new Error('bench: the other rep owns no deal')
  const path = `${listRoute}/${other.id}`
  const cases = [
    [users.rep, 404, 'rep'],
    [users.admin, 200, 'admin'],
    [undefined, 401, 'anonymous caller'],
    ['00000000-0000-7000-8000-00000000dead', 401, 'unknown user'],
  ]
  for (const [userId, status, who] of cases) {
    const answer = await fetchAs(origin, path, userId)
    if (answer.status !== status) throw refuse(path, who, 'has a status', answer.status, status)
  }
}
