#!/usr/bin/env node
/**
 * Runs one contender's operation alone, many times, so a CPU profile shows where its time goes
 * without the other contenders in the picture:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/data/profile.js [list|create] [engine|knex]
 *     [--dialect sqlite|postgres] [--count 5000]
 *
 * Open the .cpuprofile in Chrome DevTools (Performance tab) or VS Code. Build first, as for run.js.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openApp } from '@objectos/engine'
import { appFiles } from './app-metadata.js'
import { createBaseline } from './baseline.js'
import { timeSequential } from './measure.js'
import { scratchSchema, seedTables } from './seed-tables.js'
import { dealInputs, engineQuery, listQueries } from './workload.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    count: { type: 'string', default: '5000' },
    'database-url': {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
})
const [operation = 'list', contender = 'engine'] = positionals
const count = Number(values.count)
if (
  !['list', 'create'].includes(operation) ||
  !['engine', 'knex'].includes(contender) ||
  !['sqlite', 'postgres'].includes(values.dialect) ||
  !Number.isInteger(count) ||
  count < 1
) {
  process.stderr.write(
    'Usage: node bench/data/profile.js [list|create] [engine|knex] [--dialect sqlite|postgres] [--count N]\n',
  )
  process.exit(2)
}

const dir = mkdtempSync(join(os.tmpdir(), 'objectos-bench-data-'))
const schema = values.dialect === 'postgres' ? scratchSchema() : undefined
const app = await openApp({
  files: appFiles(),
  databaseUrl: schema === undefined ? join(dir, 'data.sqlite') : values['database-url'],
  ...(schema === undefined ? {} : { schema }),
})
try {
  const accountIds = await seedTables(app.db, { accounts: 100, deals: 10_000 })
  const baseline = createBaseline(app.db.knex, app.db.dialect)
  const op =
    operation === 'list'
      ? contender === 'engine'
        ? (q) => app.records.find('deal', engineQuery(q))
        : (q) => baseline.list(q)
      : contender === 'engine'
        ? (input) => app.records.create('deal', input)
        : (input) => baseline.create(input)
  const inputs = operation === 'list' ? listQueries(count, 7) : dealInputs(count, accountIds, 1)
  const { ms } = await timeSequential(op, inputs)
  process.stdout.write(
    `${contender} ${operation} on ${values.dialect}: ${count} ops in ${ms.toFixed(0)} ms ` +
      `(${Math.round((count / ms) * 1000)} ops/s)\n`,
  )
} finally {
  if (schema !== undefined) await app.db.knex.raw('drop schema if exists ?? cascade', [schema])
  await app.close()
  rmSync(dir, { recursive: true, force: true })
}
