#!/usr/bin/env node
/**
 * Where a request's time goes, engine next to hand-written: loads one endpoint of the two servers
 * in turn (as run.js does) with V8's sampling profiler on while each load runs, then prints the
 * CPU microseconds per request by category (database driver, knex, engine layers, metrics,
 * Fastify, JSON, socket, GC) and the functions whose time differs most. Both servers live in
 * this process; the load generator is a child process and is not profiled.
 *
 *   node bench/api/profile.js [list|get|graphql] [--dialect sqlite|postgres] [--rounds 6] [--seconds 3]
 *     [--connections 10] [--rows 10000] [--save /tmp/prof]
 *
 * `--save` also writes each contender's last profile as a .cpuprofile for Chrome DevTools.
 * Build first, as for run.js.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import * as engine from '@objectos/engine'
import { appFiles } from '../data/app-metadata.js'
import { scratchSchema, seedTables } from '../data/seed-tables.js'
import { openBaselineDatabase } from './baseline-database.js'
import { startHandWritten } from './hand-written-server.js'
import { startLoadGenerator } from './load-generator.js'
import { nestedRequests } from './graphql-workload.js'
import { categories, profileTotals } from './profile-summary.js'
import { getPaths, listPaths } from './workload.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    rounds: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    rows: { type: 'string', default: '10000' },
    save: { type: 'string' },
    'database-url': {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
})
const [endpoint = 'list'] = positionals
const [rounds, seconds, connections, rows] = ['rounds', 'seconds', 'connections', 'rows'].map(
  (name) => Number(values[name]),
)
if (
  !['list', 'get', 'graphql'].includes(endpoint) ||
  !['sqlite', 'postgres'].includes(values.dialect) ||
  [rounds, seconds, connections, rows].some((n) => !Number.isInteger(n) || n < 1)
) {
  process.stderr.write(
    'Usage: node bench/api/profile.js [list|get|graphql] [--dialect sqlite|postgres] [--rounds N]\n' +
      '         [--seconds N] [--connections N] [--rows N] [--save DIR]\n',
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
const session = new Session()
session.connect()
let baselineDb
let handWritten
try {
  await seedTables(app.db, { accounts: 100, deals: rows, dealLines: endpoint === 'graphql' })
  baselineDb = await openBaselineDatabase(engine, app.db, target, false)
  handWritten = await startHandWritten(baselineDb.knex, baselineDb.dialect)
  const servers = { engine: app.kernel.services.get('http'), handWritten }
  const requests =
    endpoint === 'list'
      ? listPaths(500, 7)
      : endpoint === 'get'
        ? await getPaths(app.db.knex, 1000, 11)
        : nestedRequests(300, 13)
  const totals = { engine: profileTotals(), handWritten: profileTotals() }
  const last = {}
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  // A warm-up load per server, unprofiled, then the profiled rounds in alternating order.
  for (let round = -1; round < rounds; round++) {
    const order = round % 2 === 0 ? ['engine', 'handWritten'] : ['handWritten', 'engine']
    for (const name of order) {
      const origin = `http://127.0.0.1:${servers[name].addresses()[0].port}`
      if (round >= 0) await session.post('Profiler.start')
      const result = await load.measure({ origin, requests, connections, seconds })
      if (round < 0) continue
      const { profile } = await session.post('Profiler.stop')
      totals[name].add(profile, result.requests)
      last[name] = profile
      process.stderr.write(`  round ${round + 1} ${name}: ${Math.round(result.reqPerSec)} req/s\n`)
    }
  }
  printTable(totals.engine.perRequest(), totals.handWritten.perRequest())
  if (values.save !== undefined) {
    mkdirSync(values.save, { recursive: true })
    for (const [name, profile] of Object.entries(last)) {
      const file = join(values.save, `${endpoint}-${name}-${values.dialect}.cpuprofile`)
      writeFileSync(file, JSON.stringify(profile))
      process.stdout.write(`wrote ${file}\n`)
    }
  }
} finally {
  session.disconnect()
  load.close()
  await handWritten?.close()
  await baselineDb?.close()
  if (schema !== undefined) await app.db.knex.raw('drop schema if exists ?? cascade', [schema])
  await app.close()
  rmSync(dir, { recursive: true, force: true })
}

function printTable(engineTotals, handTotals) {
  const fmt = (n) => n.toFixed(1).padStart(8)
  const line = (label, a, b) => `${label.padEnd(48)}${fmt(a)}${fmt(b)}${fmt(a - b)}`
  const sum = (map) => [...map.values()].reduce((s, us) => s + us, 0)
  const out = [
    '',
    `${endpoint} on ${values.dialect}: CPU µs per request (profiled, idle excluded), ` +
      `${engineTotals.requests} engine and ${handTotals.requests} hand-written requests`,
    '',
    `${'category'.padEnd(48)}${'engine'.padStart(8)}${'hand'.padStart(8)}${'diff'.padStart(8)}`,
  ]
  for (const category of categories) {
    const a = engineTotals.categories.get(category) ?? 0
    const b = handTotals.categories.get(category) ?? 0
    if (a > 0.05 || b > 0.05) out.push(line(category, a, b))
  }
  out.push(line('total', sum(engineTotals.categories), sum(handTotals.categories)), '')
  out.push('functions whose time per request differs most:')
  const keys = new Set([...engineTotals.functions.keys(), ...handTotals.functions.keys()])
  const diffs = [...keys]
    .map((key) => [key, engineTotals.functions.get(key) ?? 0, handTotals.functions.get(key) ?? 0])
    .sort((x, y) => Math.abs(y[1] - y[2]) - Math.abs(x[1] - x[2]))
    .slice(0, 20)
  for (const [key, a, b] of diffs) out.push(`${fmt(a)}${fmt(b)}${fmt(a - b)}  ${key}`)
  process.stdout.write(`${out.join('\n')}\n`)
}
