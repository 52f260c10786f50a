/**
 * Fills the tables the engine created before anything is timed: accounts, then deals in batches
 * through the baseline's row builder (the same rows a create would store, formula included),
 * then, when asked, one to three lines per deal, then refreshes the planner statistics so both
 * contenders query a database in its steady state.
 */
import { randomBytes } from 'node:crypto'
import { products } from './app-metadata.js'
import { dealRow } from './baseline.js'
import { accountInputs, dealInputs, random } from './workload.js'

/** Rows per INSERT statement while seeding (well under SQLite's bound-variable limit). */
const batchSize = 500

/** A seeded id: unique is all it needs to be (the timed creates use UUIDv7 on both sides). */
const seededId = (group, i) => `00000000-0000-7000-${group}-${String(i).padStart(12, '0')}`

/** The system columns of a seeded row, stamped `stamp`. */
const systemColumns = (stamp) => ({
  created_at: stamp,
  updated_at: stamp,
  created_by: null,
  updated_by: null,
  owner_id: null,
  version: 1,
})

/**
 * Inserts `accounts` accounts and `deals` deals, and with `dealLines: true` one to three
 * `deal_line` rows per deal (distinct products, whole quantities, prices with cents); returns
 * the account ids. Deals have no owner unless `owners` (user ids) is given: then deal i belongs
 * to `owners[i % owners.length]` (stages and amounts are drawn apart from that, so every owner
 * gets the same mix).
 *
 * @example
 *   const accountIds = await seedTables(app.db, { accounts: 100, deals: 10_000 })
 *   await seedTables(app.db, { accounts: 100, deals: 10_000, dealLines: true }) // + ~20,000 lines
 *   await seedTables(app.db, { accounts: 100, deals: 10_000, owners: repIds }) // 500 deals each of 20
 */
export async function seedTables(db, { accounts, deals, dealLines = false, owners = [] }) {
  const { knex, dialect } = db
  const stamp = new Date().toISOString()
  const accountRows = accountInputs(accounts).map((input, i) => ({
    id: seededId('8000', i),
    ...systemColumns(stamp),
    ...input,
  }))
  await knex.batchInsert('account', accountRows, batchSize)
  const accountIds = accountRows.map((row) => row.id)

  // Seeded deals look like a table that grew over a year: ids (UUIDv7) ordered by time.
  const start = Date.now() - 365 * 24 * 3600 * 1000
  const rows = dealInputs(deals, accountIds, 0xda7a).map((input, i) =>
    dealRow(input, new Date(start + i * 1000), dialect),
  )
  if (owners.length > 0) rows.forEach((row, i) => (row.owner_id = owners[i % owners.length]))
  await knex.batchInsert('deal', rows, batchSize)
  // Only our tables: on PostgreSQL a bare ANALYZE would walk every schema of the database.
  await knex.raw('analyze account')
  await knex.raw('analyze deal')
  if (dealLines) {
    await knex.batchInsert('deal_line', lineRows(rows, stamp), batchSize)
    await knex.raw('analyze deal_line')
  }
  return accountIds
}

/** One to three lines for each deal row, drawn from a seeded PRNG so runs compare. */
function lineRows(dealRows, stamp) {
  const next = random(0x11e5)
  const lines = []
  for (const deal of dealRows) {
    const count = 1 + Math.floor(next() * 3)
    const first = Math.floor(next() * products.length)
    for (let k = 0; k < count; k++) {
      lines.push({
        id: seededId('8001', lines.length),
        ...systemColumns(stamp),
        deal: deal.id,
        // Consecutive products from a random start: distinct within one deal.
        product: products[(first + k) % products.length],
        quantity: 1 + Math.floor(next() * 20),
        unit_price: Math.round(10_00 + next() * 1_990_00) / 100,
      })
    }
  }
  return lines
}

/** A schema name no other run uses: `bench_data_<pid>_<random>`. */
export function scratchSchema() {
  return `bench_data_${process.pid}_${randomBytes(3).toString('hex')}`
}
