/**
 * One dialect's measurement: open the app through the engine (which creates the tables), seed
 * them, check that engine and baseline agree on what they store and return, then time the
 * filtered list and the single creates, the contenders taking turns every 50 operations so drift
 * in machine load hits them alike.
 */
import { isDeepStrictEqual } from 'node:util'
import { appFiles } from './app-metadata.js'
import { createBaseline } from './baseline.js'
import { summarize, timeSequential } from './measure.js'
import { seedTables } from './seed-tables.js'
import { dealInputs, engineQuery, listQueries } from './workload.js'

/**
 * Measures one database. `target` says where: `{ dialect, databaseUrl, schema? }`; `settings`
 * how much (rows, accounts, queries, inserts, runs, warmup).
 *
 * @example
 *   const target = { dialect: 'sqlite', databaseUrl: '/tmp/bench/data.sqlite' }
 *   const { list, create } = await benchDialect(openApp, target, settings, console.error)
 *   list.ratios.baseline // → 0.91 (engine ops/s ÷ hand-written ops/s)
 */
export async function benchDialect(openApp, target, settings, log) {
  const app = await openApp({
    files: appFiles(),
    databaseUrl: target.databaseUrl,
    ...(target.schema === undefined ? {} : { schema: target.schema }),
  })
  try {
    const { db } = app
    const version = await serverVersion(db)
    log(`${target.dialect}: ${version}; seeding ${settings.rows.toLocaleString('en-US')} deals`)
    const accountIds = await seedTables(db, { accounts: settings.accounts, deals: settings.rows })
    const baseline = createBaseline(db.knex, db.dialect)
    const engine = {
      create: (input) => app.records.create('deal', input),
      list: (query) => app.records.find('deal', engineQuery(query)),
    }
    await checkAgreement(db, engine, baseline, accountIds)

    const queries = listQueries(settings.queries, 7)
    log(`${target.dialect}: list, ${settings.queries} queries per run`)
    const list = await alternate(
      {
        engine: (q) => engine.list(q),
        baseline: (q) => baseline.list(q),
        plain: (q) => baseline.listPlainOrder(q),
      },
      () => queries,
      settings,
    )

    log(`${target.dialect}: create, ${settings.inserts} records per run`)
    let run = 0
    const create = await alternate(
      {
        engine: (input) => engine.create(input),
        baseline: (input) => baseline.create(input),
        bare: (input) => baseline.createUnchecked(input),
      },
      () => dealInputs(settings.inserts, accountIds, 1000 + run++),
      settings,
    )
    return {
      dialect: target.dialect,
      version,
      list: withRatios(list, settings.queries),
      create: withRatios(create, settings.inserts),
    }
  } finally {
    if (target.schema !== undefined) {
      await app.db.knex.raw('drop schema if exists ?? cascade', [target.schema])
    }
    await app.close()
  }
}

/** Operations a contender runs before the next one takes over, within a run. */
const sliceSize = 50

/**
 * Warm-up runs, then timed runs. A run gives every contender the same inputs, handed out in
 * slices of 50 operations that the contenders take in turn (in an order that rotates slice by
 * slice), so a burst of load from elsewhere on the machine lands on all of them alike. A
 * contender's run time is the sum of its slices.
 */
async function alternate(contenders, inputsOfRun, { runs, warmup }) {
  const names = Object.keys(contenders)
  const timed = Object.fromEntries(names.map((name) => [name, []]))
  for (let run = 0; run < warmup + runs; run++) {
    // A warm-up run only needs to reach steady state (JIT, caches, pool): a quarter will do.
    const all = inputsOfRun()
    const inputs = run < warmup ? all.slice(0, Math.max(sliceSize, all.length >> 2)) : all
    const parts = Object.fromEntries(names.map((name) => [name, []]))
    for (let start = 0, turn = run; start < inputs.length; start += sliceSize, turn++) {
      const slice = inputs.slice(start, start + sliceSize)
      for (let k = 0; k < names.length; k++) {
        const name = names[(turn + k) % names.length]
        parts[name].push(await timeSequential(contenders[name], slice))
      }
    }
    if (run < warmup) continue
    for (const name of names) timed[name].push(joinParts(parts[name]))
  }
  return timed
}

/** One run from its slices: total time, and every operation's latency. */
function joinParts(parts) {
  const latencies = new Float64Array(parts.reduce((n, part) => n + part.latencies.length, 0))
  let offset = 0
  for (const part of parts) {
    latencies.set(part.latencies, offset)
    offset += part.latencies.length
  }
  return { ms: parts.reduce((sum, part) => sum + part.ms, 0), latencies }
}

/** Each contender's summary, and the engine's throughput ratio to every other contender. */
function withRatios(timed, opsPerRun) {
  const summaries = Object.fromEntries(
    Object.entries(timed).map(([name, runs]) => [name, summarize(runs, opsPerRun)]),
  )
  const ratios = Object.fromEntries(
    Object.entries(summaries).map(([name, s]) => [name, summaries.engine.opsPerSec / s.opsPerSec]),
  )
  return { ...summaries, ratios }
}

/**
 * Refuses to time two contenders that do different things: the same query must return the same
 * records, and the same input must store the same row (apart from id and timestamps).
 */
async function checkAgreement(db, engine, baseline, accountIds) {
  for (const query of listQueries(12, 99)) {
    const mine = (await engine.list(query)).records
    for (const list of [baseline.list, baseline.listPlainOrder]) {
      const theirs = (await list(query)).map((row) => ({ ...row }))
      if (mine.length === 0 || !isDeepStrictEqual(mine, theirs)) {
        throw new Error(
          `engine and ${list.name} disagree on ${JSON.stringify(query)}: ` +
            `${mine.length} vs ${theirs.length} records; first ${JSON.stringify(mine[0])} vs ${JSON.stringify(theirs[0])}`,
        )
      }
    }
  }
  for (const input of dealInputs(20, accountIds, 4242)) {
    const a = await engine.create(input)
    const b = await baseline.create(input)
    const [rowA, rowB] = await Promise.all(
      [a.id, b.id].map((id) => db.knex('deal').where('id', id).first()),
    )
    for (const row of [rowA, rowB]) {
      delete row.id
      delete row.created_at
      delete row.updated_at
    }
    if (!isDeepStrictEqual(rowA, rowB)) {
      throw new Error(
        `engine and baseline store different rows for ${JSON.stringify(input)}: ` +
          `${JSON.stringify(rowA)} vs ${JSON.stringify(rowB)}`,
      )
    }
  }
  // A create the baseline must refuse, as the engine does: an account that does not exist.
  const [orphan] = dealInputs(1, ['00000000-0000-7000-8000-ffffffffffff'], 1)
  for (const [name, create] of [
    ['engine', engine.create],
    ['baseline', baseline.create],
  ]) {
    const refused = await create(orphan).then(
      () => false,
      () => true,
    )
    if (!refused) throw new Error(`${name} created a deal pointing at a missing account`)
  }
}

async function serverVersion(db) {
  if (db.dialect === 'sqlite') {
    const [row] = await db.knex.raw('select sqlite_version() as v')
    return `SQLite ${row.v}`
  }
  const { rows } = await db.knex.raw('show server_version')
  return `PostgreSQL ${rows[0].server_version.split(' ')[0]}`
}
