#!/usr/bin/env node
/**
 * `npm run bench:data`: throughput of the engine's record service (`records.create`, and
 * `records.find` of a 50-row filtered, sorted page) next to hand-written knex on the same tables
 * in the same process (see baseline.js), on SQLite and on PostgreSQL. Prints a table; `--write`
 * also records it in docs/benchmarks/data.md.
 *
 *   node bench/data/run.js [--rows 10000] [--inserts 2000] [--queries 500] [--runs 5]
 *     [--warmup 3] [--dialects sqlite,postgres] [--database-url postgres://…] [--write]
 *
 * Run `npm run build` first: the benchmark measures the compiled JavaScript users run.
 * PostgreSQL: DATABASE_URL or --database-url (default postgres://postgres@127.0.0.1:5432/test);
 * the run works in a schema of its own and drops it at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { benchDialect } from './bench-dialect.js'
import { renderConsole, renderMarkdown, updateDoc } from './report.js'
import { scratchSchema } from './seed-tables.js'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000' },
    inserts: { type: 'string', default: '2000' },
    queries: { type: 'string', default: '500' },
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '3' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
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
    'Usage: node bench/data/run.js [--rows N] [--inserts N] [--queries N] [--runs N] [--warmup N]\n' +
      '         [--dialects sqlite,postgres] [--database-url URL] [--write]\n',
  )
  process.exit(0)
}
const settings = {
  rows: positiveInt('rows', values.rows),
  accounts: 100,
  inserts: positiveInt('inserts', values.inserts),
  queries: positiveInt('queries', values.queries),
  runs: positiveInt('runs', values.runs),
  warmup: positiveInt('warmup', values.warmup, 0),
}
const dialects = values.dialects.split(',').map((d) => d.trim())
for (const dialect of dialects) {
  if (dialect !== 'sqlite' && dialect !== 'postgres') {
    process.stderr.write(`bench: --dialects takes sqlite and/or postgres, not "${dialect}"\n`)
    process.exit(2)
  }
}
if (!/^postgres(ql)?:\/\//.test(values['database-url'])) {
  process.stderr.write(`bench: --database-url must be a postgres:// URL\n`)
  process.exit(2)
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

const log = (line) => process.stderr.write(`  ${line}\n`)
const load = os.loadavg()[0]
const started = Date.now()
const results = []
const skipped = []
for (const dialect of dialects) {
  if (dialect === 'sqlite') {
    // A file in a fresh temporary folder, as an app's default database (WAL, synchronous=NORMAL).
    const dir = mkdtempSync(join(os.tmpdir(), 'objectos-bench-data-'))
    try {
      results.push(
        await benchDialect(
          engine.openApp,
          { dialect, databaseUrl: join(dir, 'data.sqlite') },
          settings,
          log,
        ),
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  } else {
    const target = { dialect, databaseUrl: values['database-url'], schema: scratchSchema() }
    try {
      results.push(await benchDialect(engine.openApp, target, settings, log))
    } catch (error) {
      if (error?.code !== 'OOS_DATABASE_UNAVAILABLE') throw error
      log(`postgres: skipped, ${error.message}`)
      skipped.push({ dialect, reason: error.message })
    }
  }
}

const cpus = os.cpus()
const report = {
  date: new Date().toISOString().slice(0, 10),
  node: `Node ${process.version}`,
  cpu: `${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} cores)`,
  // Other work on the machine skews both contenders; the report shows how busy it was.
  load,
  seconds: (Date.now() - started) / 1000,
  settings,
  results,
  skipped,
}
process.stdout.write(renderConsole(report))
if (results.length === 0) {
  process.stderr.write('bench: no database could be measured\n')
  process.exit(1)
}
if (values.write) {
  const doc = new URL('../../docs/benchmarks/data.md', import.meta.url)
  await updateDoc(doc, renderMarkdown(report))
  process.stdout.write(`wrote ${doc.pathname}\n`)
}

function positiveInt(name, text, min = 1) {
  const n = Number(text)
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`bench: --${name} must be an integer ≥ ${min}, not "${text}"\n`)
    process.exit(2)
  }
  return n
}
