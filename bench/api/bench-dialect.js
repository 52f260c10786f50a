/**
 * One dialect's measurement: open the app through the engine with its HTTP server listening
 * (the engine creates the tables), seed them (deals with their lines), start the hand-written
 * server on a second connection to the same database, check that both answer the same bodies,
 * then load each endpoint (REST list, REST get, GraphQL nested query) of each server in turn —
 * engine and hand-written alternating, the order flipping every round — so drift in machine
 * load hits both alike.
 */
import { appFiles } from '../data/app-metadata.js'
import { seedTables } from '../data/seed-tables.js'
import { checkAgreement } from './check-agreement.js'
import { startHandWritten } from './hand-written-server.js'
import { openBaselineDatabase } from './baseline-database.js'
import { nestedRequests } from './graphql-workload.js'
import { summarizePair } from './paired-rounds.js'
import { getPaths, listPaths } from './workload.js'

/** The endpoints measured, in the order a round takes them. */
export const endpoints = ['list', 'get', 'graphql']

/**
 * Measures one database. `target`: `{ dialect, databaseUrl, schema? }`; `settings`: rows,
 * accounts, connections, seconds, warmupSeconds, rounds, plainKnex.
 *
 * @example
 *   const r = await benchDialect(engine, { dialect: 'sqlite', databaseUrl: '/tmp/b/api.sqlite' },
 *     settings, load, console.error)
 *   r.list.ratio // → 0.87 (engine req/s ÷ hand-written req/s, median of the rounds)
 */
export async function benchDialect(engine, target, settings, load, log) {
  const app = await engine.openApp({
    files: appFiles(),
    databaseUrl: target.databaseUrl,
    ...(target.schema === undefined ? {} : { schema: target.schema }),
    plugins: [
      engine.httpPlugin({
        port: 0,
        host: '127.0.0.1',
        logger: false,
        // The bench measures the routes, not sign-in: every request acts as an administrator.
        identify: engine.identifyAsAdmin,
      }),
    ],
  })
  let baselineDb
  let handWritten
  try {
    const version = await serverVersion(app.db)
    log(
      `${target.dialect}: ${version}; seeding ${settings.rows.toLocaleString('en-US')} deals and their lines`,
    )
    await seedTables(app.db, {
      accounts: settings.accounts,
      deals: settings.rows,
      dealLines: true,
    })
    baselineDb = await openBaselineDatabase(engine, app.db, target, settings.plainKnex)
    handWritten = await startHandWritten(baselineDb.knex, baselineDb.dialect)
    const origins = {
      engine: originOf(app.kernel.services.get('http')),
      handWritten: originOf(handWritten),
    }
    const requests = {
      list: listPaths(500, 7),
      get: await getPaths(app.db.knex, 1000, 11),
      graphql: nestedRequests(300, 13),
    }
    await checkAgreement(origins, app.db.knex)

    const measured = Object.fromEntries(
      endpoints.map((name) => [name, { engine: [], handWritten: [] }]),
    )
    const total = settings.warmupRounds + settings.rounds
    for (let round = 0; round < total; round++) {
      const warm = round < settings.warmupRounds
      const seconds = warm ? settings.warmupSeconds : settings.seconds
      for (const [e, endpoint] of endpoints.entries()) {
        const order = (round + e) % 2 === 0 ? ['engine', 'handWritten'] : ['handWritten', 'engine']
        for (const contender of order) {
          // Both servers live in this process and only one is loaded at a time, so this
          // process's CPU time during a load is that server's (SQLite's work included).
          const cpuBefore = process.cpuUsage()
          const result = await load.measure({
            origin: origins[contender],
            requests: requests[endpoint],
            connections: settings.connections,
            seconds,
          })
          const cpu = process.cpuUsage(cpuBefore)
          result.cpuUsPerRequest = (cpu.user + cpu.system) / result.requests
          log(
            `${target.dialect} ${warm ? 'warm-up' : `round ${round - settings.warmupRounds + 1}`} ` +
              `${endpoint} ${contender}: ${Math.round(result.reqPerSec)} req/s, ` +
              `p95 ${result.p95Ms.toFixed(2)} ms, ${Math.round(result.cpuUsPerRequest)} µs CPU/req`,
          )
          if (!warm) measured[endpoint][contender].push(result)
        }
      }
    }
    return {
      dialect: target.dialect,
      version,
      ...Object.fromEntries(endpoints.map((name) => [name, summarize(measured[name])])),
    }
  } finally {
    await handWritten?.close()
    await baselineDb?.close()
    if (target.schema !== undefined) {
      await app.db.knex.raw('drop schema if exists ?? cascade', [target.schema])
    }
    await app.close()
  }
}

/** The `http://127.0.0.1:<port>` a listening Fastify server answers on. */
export function originOf(server) {
  const address = server.addresses().find((a) => a.family === 'IPv4') ?? server.addresses()[0]
  return `http://127.0.0.1:${address.port}`
}

/**
 * Per contender the median round's req/s and p95; the ratio is the median of the rounds' ratios
 * (each round's engine and hand-written loads ran back to back, so each pair saw the same load),
 * the CPU ratio hand-written CPU per request ÷ the engine's — other work on the machine slows a
 * server down but hardly changes the CPU each request costs it.
 */
function summarize({ engine, handWritten }) {
  const { base, other, ...ratios } = summarizePair(handWritten, engine)
  return { engine: other, handWritten: base, ...ratios }
}

/** The database server and its version, as the reports name it: `SQLite 3.51.2`. */
export async function serverVersion(db) {
  if (db.dialect === 'sqlite') {
    const [row] = await db.knex.raw('select sqlite_version() as v')
    return `SQLite ${row.v}`
  }
  const { rows } = await db.knex.raw('show server_version')
  return `PostgreSQL ${rows[0].server_version.split(' ')[0]}`
}
