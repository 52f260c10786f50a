#!/usr/bin/env node
/**
 * Splits the engine's extra cost per request into layers, with CPU time (process.cpuUsage) rather
 * than a sampling profiler, whose attribution of native work (SQLite, JSON.stringify, socket
 * writes) proved unreliable here. Each layer is run for both contenders in alternating blocks:
 *
 * - **statement**: the SQL each side sends, run alone (SQLite: the prepared statement; PostgreSQL:
 *   a raw knex query of the same text and bindings);
 * - **data call**: `records.find`/`records.get` against the hand-written knex code;
 * - **route (inject)**: the whole Fastify route through `inject()` — no socket;
 * - **HTTP**: the real server under load from the child process, as run.js measures it.
 *
 *   node bench/api/layers.js [list|get] [--dialect sqlite|postgres] [--rounds 10] [--rows 10000]
 *
 * Build first, as for run.js.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import * as engine from '@objectos/engine'
import { appFiles } from '../data/app-metadata.js'
import { createBaseline, dealColumns } from '../data/baseline.js'
import { median } from '../data/measure.js'
import { scratchSchema, seedTables } from '../data/seed-tables.js'
import { listQueries } from '../data/workload.js'
import { openBaselineDatabase } from './baseline-database.js'
import { startHandWritten } from './hand-written-server.js'
import { startLoadGenerator } from './load-generator.js'
import { getPaths, listPaths } from './workload.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    rounds: { type: 'string', default: '10' },
    rows: { type: 'string', default: '10000' },
    'database-url': {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
})
const [endpoint = 'list'] = positionals
const rounds = Number(values.rounds)
const rows = Number(values.rows)
if (
  !['list', 'get'].includes(endpoint) ||
  !['sqlite', 'postgres'].includes(values.dialect) ||
  ![rounds, rows].every((n) => Number.isInteger(n) && n >= 1)
) {
  process.stderr.write(
    'Usage: node bench/api/layers.js [list|get] [--dialect sqlite|postgres] [--rounds N] [--rows N]\n',
  )
  process.exit(2)
}

const dir = mkdtempSync(join(os.tmpdir(), 'objectos-bench-api-'))
const schema = values.dialect === 'postgres' ? scratchSchema() : undefined
const target = {
  dialect: values.dialect,
  databaseUrl: schema === undefined ? join(dir, 'api.sqlite') : values['database-url'],
  ...(schema === undefined ? {} : { schema }),
}
const app = await engine.openApp({
  files: appFiles(),
  databaseUrl: target.databaseUrl,
  ...(schema === undefined ? {} : { schema }),
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
const load = startLoadGenerator()
let baselineDb
let handWritten
try {
  await seedTables(app.db, { accounts: 100, deals: rows })
  baselineDb = await openBaselineDatabase(engine, app.db, target, false)
  handWritten = await startHandWritten(baselineDb.knex, baselineDb.dialect)
  const servers = { engine: app.kernel.services.get('http'), handWritten }
  const layers = await buildLayers(servers)
  const cpu = Object.fromEntries(
    Object.keys(layers).map((name) => [name, { engine: [], handWritten: [] }]),
  )
  for (let round = -1; round < rounds; round++) {
    for (const [name, layer] of Object.entries(layers)) {
      const order = round % 2 === 0 ? ['engine', 'handWritten'] : ['handWritten', 'engine']
      for (const contender of order) {
        const before = process.cpuUsage()
        const count = await layer[contender]()
        const used = process.cpuUsage(before)
        if (round >= 0) cpu[name][contender].push((used.user + used.system) / count)
      }
    }
  }
  const fmt = (n) => n.toFixed(1).padStart(9)
  const out = [
    '',
    `${endpoint} on ${values.dialect}: CPU µs per operation, median of ${rounds} rounds`,
    '',
    `${'layer'.padEnd(34)}${'engine'.padStart(9)}${'hand'.padStart(9)}${'diff'.padStart(9)}`,
  ]
  for (const [name, sides] of Object.entries(cpu)) {
    const a = median(sides.engine)
    const b = median(sides.handWritten)
    out.push(`${name.padEnd(34)}${fmt(a)}${fmt(b)}${fmt(a - b)}`)
  }
  process.stdout.write(`${out.join('\n')}\n`)
} finally {
  load.close()
  await handWritten?.close()
  await baselineDb?.close()
  if (schema !== undefined) await app.db.knex.raw('drop schema if exists ?? cascade', [schema])
  await app.close()
  rmSync(dir, { recursive: true, force: true })
}

/**
 * Each layer: per contender, a function that runs a block of operations and returns how many.
 */
async function buildLayers(servers) {
  const { knex, dialect } = app.db
  const baseline = createBaseline(baselineDb.knex, dialect)
  const paths = endpoint === 'list' ? listPaths(500, 7) : await getPaths(knex, 500, 11)
  const queries = listQueries(500, 7)
  const ids = paths.map((path) => path.slice(path.lastIndexOf('/') + 1))
  const block = endpoint === 'list' ? 200 : 1000
  let turn = 0
  const loop = (op) => async () => {
    for (let i = 0; i < block; i++) await op(turn++ % 500)
    return block
  }
  const engineCall = (i) =>
    endpoint === 'list'
      ? app.records.find('deal', {
          filter: { stage: queries[i].stage, amount: { $gte: queries[i].minAmount } },
          sort: ['-amount'],
          limit: 50,
        })
      : app.records.get('deal', ids[i], {})
  const handCall = (i) =>
    endpoint === 'list'
      ? baseline.listPlainOrder(queries[i])
      : baselineDb.knex('deal').select(dealColumns).where('id', ids[i]).first()

  // The SQL each side sends, captured once from knex's query event, then run alone.
  const sqlOf = async (db, call) => {
    let captured
    const listener = (query) => (captured ??= query)
    db.knex.on('query', listener)
    await call(0)
    db.knex.off('query', listener)
    return captured
  }
  const statement = async (db, call) => {
    const { sql, bindings } = await sqlOf(db, call)
    const at = endpoint === 'list' ? 1 : 0
    const bind = (i) =>
      bindings.map((value, k) =>
        endpoint === 'list'
          ? k === 0
            ? queries[i].stage
            : k === at
              ? queries[i].minAmount
              : value
          : k === 0
            ? ids[i]
            : value,
      )
    if (dialect === 'sqlite') {
      const connection = await db.knex.client.acquireConnection()
      db.knex.client.releaseConnection(connection)
      const prepared = connection.prepare(sql)
      return loop((i) => prepared.all(bind(i)))
    }
    // pg: the driver's own client, with the `$1` SQL knex produced.
    return async () => {
      const connection = await db.knex.client.acquireConnection()
      try {
        return await loop((i) => connection.query(sql, bind(i)))()
      } finally {
        db.knex.client.releaseConnection(connection)
      }
    }
  }
  const inject = (server) => loop((i) => server.inject({ method: 'GET', url: paths[i] }))
  const http = (server) => async () => {
    const origin = `http://127.0.0.1:${server.addresses()[0].port}`
    const result = await load.measure({ origin, requests: paths, connections: 10, seconds: 2 })
    return result.requests
  }
  return {
    'statement alone': {
      engine: await statement(app.db, engineCall),
      handWritten: await statement(baselineDb, handCall),
    },
    'data call (records.* vs knex)': { engine: loop(engineCall), handWritten: loop(handCall) },
    'route via inject() (no socket)': {
      engine: inject(servers.engine),
      handWritten: inject(servers.handWritten),
    },
    'HTTP request under load': {
      engine: http(servers.engine),
      handWritten: http(servers.handWritten),
    },
  }
}
