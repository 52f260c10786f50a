#!/usr/bin/env node
/**
 * `npm run bench:api`: throughput and p95 latency of the engine's generated REST endpoints
 * (`GET /api/v1/data/deal?filter=…` and `GET /api/v1/data/deal/:id`) and of a 3-level nested
 * GraphQL query (`POST /api/v1/graphql`: accounts → deals → lines) next to a hand-written
 * Fastify + knex server answering the same requests from the same tables (see
 * hand-written-server.js), loaded over HTTP by autocannon in the same run, on SQLite and on
 * PostgreSQL. Prints a table; `--write` also records it in docs/benchmarks/api.md.
 *
 *   node bench/api/run.js [--rows 10000] [--connections 10] [--seconds 2] [--rounds 9]
 *     [--warmup-seconds 3] [--warmup-rounds 1] [--dialects sqlite,postgres]
 *     [--database-url postgres://…] [--plain-knex] [--write]
 *
 * Run `npm run build` first: the benchmark measures the compiled JavaScript users run.
 * PostgreSQL: DATABASE_URL or --database-url (default postgres://postgres@127.0.0.1:5432/test);
 * the run works in a schema of its own and drops it at the end.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { scratchSchema } from '../data/seed-tables.js'
import { benchDialect } from './bench-dialect.js'
import { startLoadGenerator } from './load-generator.js'
import { renderConsole, renderMarkdown, updateDoc } from './report.js'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '9' },
    'warmup-seconds': { type: 'string', default: '3' },
    'warmup-rounds': { type: 'string', default: '1' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
    'database-url': {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    'plain-knex': { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
})
if (values.help) {
  process.stdout.write(
    'Usage: node bench/api/run.js [--rows N] [--connections N] [--seconds N] [--rounds N]\n' +
      '         [--warmup-seconds N] [--warmup-rounds N] [--dialects sqlite,postgres]\n' +
      '         [--database-url URL] [--plain-knex] [--write]\n',
  )
  process.exit(0)
}
const settings = {
  rows: positiveInt('rows', values.rows),
  accounts: 100,
  connections: positiveInt('connections', values.connections),
  seconds: positiveInt('seconds', values.seconds),
  rounds: positiveInt('rounds', values.rounds),
  warmupSeconds: positiveInt('warmup-seconds', values['warmup-seconds']),
  warmupRounds: positiveInt('warmup-rounds', values['warmup-rounds'], 0),
  plainKnex: values['plain-knex'],
}
const dialects = values.dialects.split(',').map((d) => d.trim())
for (const dialect of dialects) {
  if (dialect !== 'sqlite' && dialect !== 'postgres') {
    fail(`--dialects takes sqlite and/or postgres, not "${dialect}"`)
  }
}
if (!/^postgres(ql)?:\/\//.test(values['database-url'])) {
  fail('--database-url must be a postgres:// URL')
}

// Measure the configuration a deployment runs: graphql-js skips its development-only checks
// under NODE_ENV=production (set before the engine, and so graphql, is loaded). Both servers
// share this process, so both run under it.
process.env.NODE_ENV ??= 'production'

let engine
try {
  engine = await import('@objectos/engine')
} catch (error) {
  process.stderr.write(
    `bench: cannot load the built @objectos/engine (${error.message}); run "npm run build" first\n`,
  )
  process.exit(1)
}

const log = (line) => process.stderr.write(`  ${line}\n`)
const loadStart = os.loadavg()[0]
const started = Date.now()
const results = []
const skipped = []
const load = startLoadGenerator()
try {
  for (const dialect of dialects) {
    if (dialect === 'sqlite') {
      // A file in a fresh temporary folder, opened by the engine and by the hand-written server.
      const dir = mkdtempSync(join(os.tmpdir(), 'objectos-bench-api-'))
      try {
        const target = { dialect, databaseUrl: join(dir, 'api.sqlite') }
        results.push(await benchDialect(engine, target, settings, load, log))
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    } else {
      const target = { dialect, databaseUrl: values['database-url'], schema: scratchSchema() }
      try {
        results.push(await benchDialect(engine, target, settings, load, log))
      } catch (error) {
        if (error?.code !== 'OOS_DATABASE_UNAVAILABLE') throw error
        log(`postgres: skipped, ${error.message}`)
        skipped.push({ dialect, reason: error.message })
      }
    }
  }
} finally {
  load.close()
}

const cpus = os.cpus()
const report = {
  date: new Date().toISOString().slice(0, 10),
  node: `Node ${process.version} (NODE_ENV=${process.env.NODE_ENV})`,
  cpu: `${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} cores)`,
  // The machine may be shared: its load at both ends says how much else was running.
  load: { start: loadStart, end: os.loadavg()[0] },
  autocannon: autocannonVersion(),
  seconds: (Date.now() - started) / 1000,
  settings,
  results,
  skipped,
}
process.stdout.write(renderConsole(report))
if (results.length === 0) fail('no database could be measured', 1)
if (values.write) {
  const doc = new URL('../../docs/benchmarks/api.md', import.meta.url)
  await updateDoc(doc, renderMarkdown(report))
  process.stdout.write(`wrote ${doc.pathname}\n`)
}

function autocannonVersion() {
  const file = createRequire(import.meta.url).resolve('autocannon/package.json')
  return JSON.parse(readFileSync(file, 'utf8')).version
}

function positiveInt(name, text, min = 1) {
  const n = Number(text)
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer ≥ ${min}, not "${text}"`)
  return n
}

function fail(message, code = 2) {
  process.stderr.write(`bench: ${message}\n`)
  process.exit(code)
}
