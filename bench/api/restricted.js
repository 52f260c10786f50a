#!/usr/bin/env node
/**
 * `npm run bench:access`: what record-level access costs a list request, with sharing rules on.
 * One engine server, two users sending the same
 * `GET /api/v1/data/deal?filter=…&sort=-amount&limit=50` pages: an administrator (no predicate)
 * and a sales rep who reads the deals they own, the deals the sharing rule `partner_priority`
 * shares with their position, and two deals other reps shared with them by hand
 * (`owner_id = ? or (is_priority = ? and lead_source = ?) or id in (<their shares>)` ANDed into
 * the query). Both are identified per request from a header by the engine's `loadPrincipal`,
 * so the ratio isolates the access check and its predicate. Measured without and with the
 * indexes that predicate needs (`deal (owner_id, stage, amount)` and
 * `deal (lead_source, is_priority, stage, amount)`), on SQLite and on PostgreSQL, with the API
 * bench's method (alternating back-to-back rounds, autocannon in a child process). Prints a
 * table; `--write` also records it in docs/benchmarks/api.md ("Restricted user").
 *
 *   node bench/api/restricted.js [--rows 10000] [--reps 20] [--connections 10] [--seconds 2]
 *     [--rounds 9] [--warmup-seconds 3] [--warmup-rounds 1] [--dialects sqlite,postgres]
 *     [--access-indexes both|no|yes] [--database-url postgres://…] [--write]
 *
 * Run `npm run build` first: the benchmark measures the compiled JavaScript users run.
 * PostgreSQL: DATABASE_URL or --database-url (default postgres://postgres@127.0.0.1:5432/test);
 * each variant works in a schema of its own, dropped at the end.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { scratchSchema } from '../data/seed-tables.js'
import { startLoadGenerator } from './load-generator.js'
import { updateDoc } from './report.js'
import { benchRestricted } from './restricted-dialect.js'
import { markers, renderConsole, renderMarkdown } from './restricted-report.js'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000' },
    reps: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '9' },
    'warmup-seconds': { type: 'string', default: '3' },
    'warmup-rounds': { type: 'string', default: '1' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
    'access-indexes': { type: 'string', default: 'both' },
    'database-url': {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    write: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
})
if (values.help) {
  process.stdout.write(
    'Usage: node bench/api/restricted.js [--rows N] [--reps N] [--connections N] [--seconds N]\n' +
      '         [--rounds N] [--warmup-seconds N] [--warmup-rounds N] [--dialects sqlite,postgres]\n' +
      '         [--access-indexes both|no|yes] [--database-url URL] [--write]\n',
  )
  process.exit(0)
}
const settings = {
  rows: positiveInt('rows', values.rows),
  accounts: 100,
  reps: positiveInt('reps', values.reps, 2),
  pages: 500,
  connections: positiveInt('connections', values.connections),
  seconds: positiveInt('seconds', values.seconds),
  rounds: positiveInt('rounds', values.rounds),
  warmupSeconds: positiveInt('warmup-seconds', values['warmup-seconds']),
  warmupRounds: positiveInt('warmup-rounds', values['warmup-rounds'], 0),
}
const dialects = values.dialects.split(',').map((d) => d.trim())
for (const dialect of dialects) {
  if (dialect !== 'sqlite' && dialect !== 'postgres') {
    fail(`--dialects takes sqlite and/or postgres, not "${dialect}"`)
  }
}
const variants = { both: [false, true], no: [false], yes: [true] }[values['access-indexes']]
if (variants === undefined) {
  fail(`--access-indexes takes both, no or yes, not "${values['access-indexes']}"`)
}
if (!/^postgres(ql)?:\/\//.test(values['database-url'])) {
  fail('--database-url must be a postgres:// URL')
}

let engine
try {
  engine = await import('@objectos/engine')
} catch (error) {
  process.stderr.write(
    `bench: cannot load the built @objectos/engine (${error.message}); run "npm run build" first\n`,
  )
  process.exit(1)
}
if (typeof engine.loadPrincipal !== 'function') {
  fail('the built @objectos/engine has no loadPrincipal; run "npm run build" first', 1)
}

const log = (line) => process.stderr.write(`  ${line}\n`)
const loadStart = os.loadavg()[0]
const started = Date.now()
const results = []
const skipped = []
const load = startLoadGenerator()
try {
  for (const dialect of dialects) {
    for (const accessIndexes of variants) {
      if (dialect === 'sqlite') {
        const dir = mkdtempSync(join(os.tmpdir(), 'objectos-bench-access-'))
        try {
          const target = { dialect, databaseUrl: join(dir, 'access.sqlite'), accessIndexes }
          results.push(await benchRestricted(engine, target, settings, load, log))
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
        continue
      }
      const target = {
        dialect,
        databaseUrl: values['database-url'],
        schema: scratchSchema(),
        accessIndexes,
      }
      try {
        results.push(await benchRestricted(engine, target, settings, load, log))
      } catch (error) {
        if (error?.code !== 'OOS_DATABASE_UNAVAILABLE') throw error
        log(`postgres: skipped, ${error.message}`)
        skipped.push({ dialect, reason: error.message })
        break
      }
    }
  }
} finally {
  load.close()
}

const cpus = os.cpus()
const report = {
  date: new Date().toISOString().slice(0, 10),
  node: `Node ${process.version}`,
  cpu: `${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} cores)`,
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
  await updateDoc(doc, renderMarkdown(report), markers)
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
