/**
 * One database and one index variant of the restricted-user benchmark: open the bench app with
 * the rep permission set, the rep position and the sharing rule `partner_priority` (and, for the
 * `accessIndexes` variant, indexes on `deal (owner_id, stage, amount)` and
 * `deal (lead_source, is_priority, stage, amount)`) behind an HTTP server whose `identify` loads
 * the Principal named by the `x-bench-user` header; create an admin and the reps, seed the API
 * bench's data with the deals spread over the reps, and have other reps share two of their
 * deals with rep 1 by hand; check what each user gets; then load the same list requests as the admin
 * and as rep 1 in alternating back-to-back rounds.
 */
import { appFiles } from '../data/app-metadata.js'
import { seedTables } from '../data/seed-tables.js'
import { listQueries } from '../data/workload.js'
import { originOf, serverVersion } from './bench-dialect.js'
import { asUser, identifyByBenchHeader } from './bench-identify.js'
import { createBenchUsers, shareByHand } from './bench-users.js'
import { pairedRounds, summarizePair } from './paired-rounds.js'
import { checkRestricted, matchedByRule } from './restricted-check.js'
import { planOf, timeStatements } from './statement-timing.js'
import { listPaths } from './workload.js'

/** The list pages loaded: the REST bench's (`bench/api/run.js`), same count and seed. */
const pageCount = 500
const pageSeed = 7
/** Timed passes over the list statements alone, each user's turn alternating. */
const statementPasses = 3
/** The stages in which another rep shares their largest deal (one the rule does not match). */
const sharedStages = ['proposal', 'negotiation']

/**
 * Measures one database. `target`: `{ dialect, databaseUrl, schema?, accessIndexes }`; `settings`:
 * rows, accounts, reps, connections, seconds, rounds, warmupSeconds, warmupRounds.
 *
 * @example
 *   const r = await benchRestricted(engine, { dialect: 'sqlite', databaseUrl: '/tmp/b/a.sqlite',
 *     accessIndexes: true }, settings, load, console.error)
 *   r.ratio // → 0.97 (rep req/s ÷ admin req/s, median of the rounds)
 */
export async function benchRestricted(engine, target, settings, load, log) {
  let db
  const app = await engine.openApp({
    files: appFiles({ permissions: true, accessIndexes: target.accessIndexes }),
    databaseUrl: target.databaseUrl,
    ...(target.schema === undefined ? {} : { schema: target.schema }),
    plugins: [
      engine.httpPlugin({
        port: 0,
        host: '127.0.0.1',
        logger: false,
        identify: identifyByBenchHeader(engine.loadPrincipal, () => db),
      }),
    ],
  })
  db = app.db
  const name = `${target.dialect}${target.accessIndexes ? ' + access indexes' : ''}`
  try {
    const version = await serverVersion(app.db)
    log(`${name}: ${version}; ${settings.reps} reps, seeding ${settings.rows} deals and lines`)
    const users = await createBenchUsers(app.records, settings.reps)
    await seedTables(app.db, {
      accounts: settings.accounts,
      deals: settings.rows,
      dealLines: true,
      owners: users.reps,
    })
    const origin = originOf(app.kernel.services.get('http'))
    const paths = listPaths(pageCount, pageSeed)
    const [rep, otherRep] = users.reps
    const shared = await shareByHand(origin, app.db.knex, rep, sharedStages, (q) =>
      q.whereNot(matchedByRule),
    )
    const { statements, sources, ...pages } = await checkRestricted(
      origin,
      app.db,
      { admin: users.admin, rep, otherRep },
      shared,
      listQueries(pageCount, pageSeed),
      paths,
    )
    const plan = await planOf(app.db, statements.rep[0])
    const statementUs = await timeStatements(app.db.knex, statements, statementPasses)
    log(
      `${name}: rep pages ${pages.full}/${pages.pages} full, fewest ${pages.fewest} records; ` +
        `${sources.own} own, ${sources.rule} by the rule, ${sources.shared} shared by hand`,
    )
    log(`${name}: rep plan: ${plan}`)
    log(
      `${name}: list statement alone ${Math.round(statementUs.admin)} µs admin, ` +
        `${Math.round(statementUs.rep)} µs rep`,
    )

    const runs = await pairedRounds(
      load,
      {
        admin: { origin, requests: asUser(paths, users.admin) },
        rep: { origin, requests: asUser(paths, rep) },
      },
      settings,
      (round, who, r) =>
        log(
          `${name} ${round} ${who}: ${Math.round(r.reqPerSec)} req/s, ` +
            `p95 ${r.p95Ms.toFixed(2)} ms, ${Math.round(r.cpuUsPerRequest)} µs CPU/req`,
        ),
    )
    const { base, other, ...ratios } = summarizePair(runs.admin, runs.rep)
    return {
      dialect: target.dialect,
      version,
      accessIndexes: target.accessIndexes,
      admin: base,
      rep: other,
      ...ratios,
      pages,
      sources,
      plan,
      statementUs,
    }
  } finally {
    if (target.schema !== undefined) {
      await app.db.knex.raw('drop schema if exists ?? cascade', [target.schema])
    }
    await app.close()
  }
}
