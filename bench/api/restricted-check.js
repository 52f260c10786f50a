/**
 * Refuses to time the admin and the rep unless the rep's record-access predicate — ownership,
 * the sharing rule `partner_priority` and the manual shares, ORed — is really in force and both
 * get the pages they should. Before any load, every list request of the load goes out as both
 * users:
 *
 * - the admin's page must carry the same records, in the same order, byte for byte once
 *   serialised, as the REST bench's hand-written list for the same query (the deals of every
 *   owner);
 * - the rep's page must hold only deals the rep owns, the rule matches or another rep shared
 *   with them by hand, sorted by amount (largest first, id breaking ties), and be exactly the
 *   hand-written list with `(owner_id = <rep> or (is_priority and lead_source = 'partner') or
 *   id in (<shared ids>))` added;
 * - most of the rep's pages must be non-empty, or the rep's requests would be cheaper only
 *   because they return less; and each part of the predicate must admit some of the records
 *   shown, or it would not be measured.
 *
 * Then a deal of another rep that the rule does not match and nobody shared must be a 404 for
 * the rep and a 200 for the admin, a matched and a shared one a 200 for the rep, and a request
 * without a user or with an unknown one a 401. Returns how full the rep's pages were, which
 * part of the predicate admitted their records, and the list statement the engine ran for each
 * page and user (the report times them alone and shows the rep's plan).
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

/**
 * The sharing rule `partner_priority` (bench/data/app-metadata.js), written by hand as a knex
 * `where` callback: `record.is_priority == true && record.lead_source == "partner"`.
 */
export function matchedByRule(query) {
  query.where('is_priority', true).andWhere('lead_source', 'partner')
}

/** Whether the rule matches a record of an answer. */
const ruleMatches = (record) => record.is_priority === true && record.lead_source === 'partner'

/**
 * The hand-written list for the rep: the REST bench's query with
 * `(owner_id = ? or <the rule's condition> or id in (<shared>))` added.
 */
async function repPage(knex, dialect, rep, shared, { stage, minAmount, limit }) {
  const rows = await knex('deal')
    .select(dealColumns)
    .where('stage', stage)
    .andWhere('amount', '>=', minAmount)
    .andWhere((reach) =>
      reach.where('owner_id', rep).orWhere(matchedByRule).orWhereIn('id', shared),
    )
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
 * `fewest`, `most`), how many of the records shown the rep owns, the rule matched and were
 * shared by hand (`sources: { own, rule, shared }`), and `statements: { admin, rep }`, the list
 * statement of each page. `users`: `{ admin, rep, otherRep }`; `shared`: the ids of the deals
 * shared by hand with the rep; `queries[i]` is the query `paths[i]` asks.
 *
 * @example
 *   const { full, sources } = await checkRestricted(origin, app.db, users, shared, queries, paths)
 *   full // → 499 (of 500 pages, 50 records each)
 *   sources // → { own: 16332, rule: 8500, shared: 166 }
 */
export async function checkRestricted(origin, db, users, shared, queries, paths) {
  const { knex, dialect } = db
  const baseline = createBaseline(knex, dialect)
  const sharedIds = new Set(shared)
  const sizes = []
  const sources = { own: 0, rule: 0, shared: 0 }
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
    for (const record of records) {
      if (record.owner_id === users.rep) sources.own++
      else if (ruleMatches(record)) sources.rule++
      else if (sharedIds.has(record.id)) sources.shared++
      else {
        throw refuse(
          path,
          'rep',
          'holds a deal neither owned, matched by the rule nor shared',
          record.id,
          '',
        )
      }
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
    const expected = JSON.stringify(await repPage(knex, dialect, users.rep, shared, queries[i]))
    if (JSON.stringify(records) !== expected) {
      throw refuse(path, 'rep', "differs from the hand-written rep's list", rep.text, expected)
    }
    sizes.push(records.length)
  }

  const empty = sizes.filter((n) => n === 0).length
  if (empty > maxEmptyShare * sizes.length) {
    throw new Error(
      `bench: ${empty} of the rep's ${sizes.length} pages are empty; lower the thresholds`,
    )
  }
  for (const [source, count] of Object.entries(sources)) {
    if (count === 0) throw new Error(`bench: no record on the rep's pages came from ${source}`)
  }
  await checkRefusals(origin, knex, users, shared)
  return {
    pages: sizes.length,
    full: sizes.filter((n) => n === queries[0].limit).length,
    empty,
    fewest: Math.min(...sizes),
    most: Math.max(...sizes),
    sources,
    statements,
  }
}

/**
 * Another rep's deal that the rule does not match and nobody shared is hidden from the rep, not
 * from the admin; one the rule matches and one shared by hand are not hidden; nobody gets a 401.
 */
async function checkRefusals(origin, knex, users, shared) {
  const ofOther = () => knex('deal').select('id').where('owner_id', users.otherRep).first()
  const hidden = await ofOther()
    .whereNot(matchedByRule)
    .andWhere((q) => q.whereNotIn('id', shared))
  const matched = await ofOther().where(matchedByRule)
  if (hidden === undefined || matched === undefined) {
    throw new Error(
      'bench: the other rep owns no deal hidden from the rep, or none the rule matches',
    )
  }
  const at = (id) => `${listRoute}/${id}`
  const cases = [
    [at(hidden.id), users.rep, 404, 'rep'],
    [at(hidden.id), users.admin, 200, 'admin'],
    [at(matched.id), users.rep, 200, 'rep (a deal the rule matches)'],
    ...shared.map((id) => [at(id), users.rep, 200, 'rep (a deal shared by hand)']),
    [at(hidden.id), undefined, 401, 'anonymous caller'],
    [at(hidden.id), '00000000-0000-7000-8000-00000000dead', 401, 'unknown user'],
  ]
  for (const [path, userId, status, who] of cases) {
    const answer = await fetchAs(origin, path, userId)
    if (answer.status !== status) throw refuse(path, who, 'has a status', answer.status, status)
  }
}
