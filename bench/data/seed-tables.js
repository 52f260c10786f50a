/**
 * Fills the tables the engine created before anything is timed: accounts, then deals in batches
 * through the baseline's row builder (the same rows a create would store, formula included), then
 * refreshes the planner statistics so both contenders query a database in its steady state.
 */
import { randomBytes } from 'node:crypto'
import { dealRow } from './baseline.js'
import { accountInputs, dealInputs } from './workload.js'

/** Rows per INSERT statement while seeding (well under SQLite's bound-variable limit). */
const batchSize = 500

/**
 * Inserts `accounts` accounts and `deals` deals; returns the account ids.
 *
 * @example
 *   const accountIds = await seedTables(app.db, { accounts: 100, deals: 10_000 })
 */
export async function seedTables(db, { accounts, deals }) {
  const { knex, dialect } = db
  const stamp = new Date().toISOString()
  const accountRows = accountInputs(accounts).map((input, i) => ({
    // Seeded ids only need to be unique; the timed creates use UUIDv7 on both sides.
    id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    created_at: stamp,
    updated_at: stamp,
    created_by: null,
    updated_by: null,
    owner_id: null,
    version: 1,
    ...input,
  }))
  await knex.batchInsert('account', accountRows, batchSize)
  const accountIds = accountRows.map((row) => row.id)

  // Seeded deals look like a table that grew over a year: ids (UUIDv7) ordered by time.
  const start = Date.now() - 365 * 24 * 3600 * 1000
  const rows = dealInputs(deals, accountIds, 0xda7a).map((input, i) =>
    dealRow(input, new Date(start + i * 1000), dialect),
  )
  await knex.batchInsert('deal', rows, batchSize)
  // Only our two tables: on PostgreSQL a bare ANALYZE would walk every schema of the database.
  await knex.raw('analyze account')
  await knex.raw('analyze deal')
  return accountIds
}

/** A schema name no other run uses: `bench_data_<pid>_<random>`. */
export function scratchSchema() {
  return `bench_data_${process.pid}_${randomBytes(3).toString('hex')}`
}
