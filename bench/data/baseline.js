/**
 * The hand-written baseline the engine is compared with: what a developer would write with knex
 * for the `deal` table the engine created, doing the same work the engine must do and nothing
 * more. A create checks the input in plain JavaScript (types, required, lengths, select options,
 * bounds, the "amount not negative" rule), computes the formula, stamps the id (UUIDv7, like the
 * engine, so inserts land at the end of the primary-key index), the audit columns and version 1,
 * then in one transaction checks that the account exists and inserts the row. A list is one
 * SELECT with the same WHERE, ORDER BY and LIMIT, its rows mapped to plain objects (booleans as
 * true/false). No metadata, no registry, no generic filter compiler: the floor. Two variants are
 * measured for reference only: the insert without the reference check, and the list with the
 * ORDER BY a developer would write.
 */
import { randomBytes } from 'node:crypto'
import { leadSources, stages } from './app-metadata.js'

const stageSet = new Set(stages)
const leadSourceSet = new Set(leadSources)
const datePattern = /^\d{4}-\d{2}-\d{2}$/

/** The deal columns, in the order the table has them. */
export const dealColumns = [
  'id',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'owner_id',
  'version',
  'name',
  'stage',
  'amount',
  'probability',
  'expected_revenue',
  'close_date',
  'account',
  'is_priority',
  'lead_source',
  'next_step',
]

/** A UUIDv7: 48 bits of milliseconds, then random bits (the engine's id scheme). */
export function uuidv7(now) {
  const bytes = randomBytes(16)
  bytes.writeUIntBE(now, 0, 6)
  bytes[6] = 0x70 | (bytes[6] & 0x0f)
  bytes[8] = 0x80 | (bytes[8] & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function invalid(message) {
  return Object.assign(new Error(`deal: ${message}`), { status: 422 })
}

function optionalNumber(value, name) {
  if (value === undefined || value === null) return null
  if (typeof value === 'number' && Number.isFinite(value)) return value
  throw invalid(`${name} must be a number`)
}

function optionalString(value, name, max) {
  if (value === undefined || value === null || value === '') return null
  if (typeof value !== 'string') throw invalid(`${name} must be a string`)
  if (max !== undefined && value.length > max) throw invalid(`${name} is too long`)
  return value
}

/**
 * The row to insert for a deal input, checked; throws a 422-style error on bad input.
 *
 * @example
 *   dealRow({ name: 'Big', stage: 'proposal', amount: 10, account: id }, new Date(), 'sqlite')
 */
export function dealRow(input, now, dialect) {
  const name = optionalString(input.name, 'name', 120)
  if (name === null) throw invalid('name is required')
  const stage = input.stage ?? stages[0]
  if (!stageSet.has(stage)) throw invalid(`stage has no option "${stage}"`)
  const leadSource = optionalString(input.lead_source, 'lead_source')
  if (leadSource !== null && !leadSourceSet.has(leadSource)) {
    throw invalid(`lead_source has no option "${leadSource}"`)
  }
  const rawAmount = optionalNumber(input.amount, 'amount')
  const amount = rawAmount === null ? null : Math.round(rawAmount * 100) / 100
  if (amount !== null && amount < 0) throw invalid('the amount cannot be negative')
  const probability = optionalNumber(input.probability, 'probability')
  if (probability !== null && (probability < 0 || probability > 100)) {
    throw invalid('probability must be between 0 and 100')
  }
  const closeDate = optionalString(input.close_date, 'close_date')
  if (closeDate !== null && !datePattern.test(closeDate)) throw invalid('close_date is no date')
  const account = optionalString(input.account, 'account')
  const priority = input.is_priority ?? false
  if (typeof priority !== 'boolean') throw invalid('is_priority must be true or false')
  const stamp = now.toISOString()
  return {
    id: uuidv7(now.getTime()),
    created_at: stamp,
    updated_at: stamp,
    created_by: null,
    updated_by: null,
    owner_id: null,
    version: 1,
    name,
    stage,
    amount,
    probability,
    expected_revenue: amount === null || probability === null ? null : (amount * probability) / 100,
    close_date: closeDate,
    account,
    is_priority: dialect === 'sqlite' ? (priority ? 1 : 0) : priority,
    lead_source: leadSource,
    next_step: optionalString(input.next_step, 'next_step', 255),
  }
}

/** A stored row as the caller gets it: booleans as true/false. */
function toRecord(row, dialect) {
  row.is_priority = dialect === 'sqlite' ? row.is_priority === 1 : row.is_priority
  return row
}

/**
 * The baseline on a knex instance of `dialect`.
 *
 * @example
 *   const baseline = createBaseline(app.db.knex, app.db.dialect)
 *   await baseline.create(input)
 *   await baseline.list({ stage: 'proposal', minAmount: 1000, limit: 50 })
 */
export function createBaseline(knex, dialect) {
  return {
    /** Checked create: the same guarantees as the engine's (the account must exist). */
    async create(input) {
      const row = dealRow(input, new Date(), dialect)
      await knex.transaction(async (trx) => {
        if (row.account !== null) {
          const found = await trx('account').select('id').where('id', row.account).first()
          if (found === undefined) throw invalid(`there is no account with id "${row.account}"`)
        }
        await trx('deal').insert(row)
      })
      return toRecord(row, dialect)
    },
    /** The bare insert: input checks, no reference check, no transaction. For reference only. */
    async createUnchecked(input) {
      const row = dealRow(input, new Date(), dialect)
      await knex('deal').insert(row)
      return toRecord(row, dialect)
    },
    /** The list with the engine's ORDER BY (NULLs last in both directions, id breaking ties). */
    async list({ stage, minAmount, limit }) {
      const rows = await knex('deal')
        .select(dealColumns)
        .where('stage', stage)
        .andWhere('amount', '>=', minAmount)
        .orderByRaw('amount desc nulls last, id asc')
        .limit(limit)
      return rows.map((row) => toRecord(row, dialect))
    },
    /**
     * The list as one would write it by hand: `ORDER BY amount DESC, id`. Same rows (the filter
     * excludes NULL amounts), but PostgreSQL can read it in the index's order. For reference only.
     */
    async listPlainOrder({ stage, minAmount, limit }) {
      const rows = await knex('deal')
        .select(dealColumns)
        .where('stage', stage)
        .andWhere('amount', '>=', minAmount)
        .orderBy([{ column: 'amount', order: 'desc' }, 'id'])
        .limit(limit)
      return rows.map((row) => toRecord(row, dialect))
    },
  }
}
