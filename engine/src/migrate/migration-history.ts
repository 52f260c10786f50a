/**
 * The engine's record of what migrations did, in two tables of its own:
 *
 * - `objectos_migrations` — one row per applied plan: `id`, `applied_at` (ISO time) and `steps`
 *   (the plan's steps as JSON).
 * - `objectos_managed_objects` — every table and index ObjectOS created (`kind`, `name`,
 *   `table_name`, `migration_id`). `plan` only ever proposes to drop what is listed here, so a
 *   table someone else created in the same database is never touched.
 *
 * @example
 *   const managed = await readManaged(db.knex)
 *   managed.tables.has('account')
 */
import type { Knex } from 'knex'
import type { Dialect } from '../data/connection/database.js'
import type { LiveSchema } from './live-schema.js'
import type { MigrationStep } from './migration-step.js'

export const historyTable = 'objectos_migrations'
export const managedTable = 'objectos_managed_objects'

export interface ManagedObjects {
  readonly tables: ReadonlySet<string>
  readonly indexes: ReadonlySet<string>
}

export interface AppliedMigration {
  readonly id: number
  readonly appliedAt: string
  readonly steps: readonly MigrationStep[]
}

interface ManagedRow {
  readonly kind: 'table' | 'index'
  readonly name: string
}

/** The tables and indexes ObjectOS created; empty before the first apply. */
export async function readManaged(knex: Knex): Promise<ManagedObjects> {
  const tables = new Set<string>()
  const indexes = new Set<string>()
  if (await knex.schema.hasTable(managedTable)) {
    const rows = (await knex(managedTable).select('kind', 'name')) as ManagedRow[]
    for (const row of rows) (row.kind === 'table' ? tables : indexes).add(row.name)
  }
  return { tables, indexes }
}

/** Every applied migration, oldest first. */
export async function readHistory(knex: Knex): Promise<AppliedMigration[]> {
  if (!(await knex.schema.hasTable(historyTable))) return []
  const rows = (await knex(historyTable).select('id', 'applied_at', 'steps').orderBy('id')) as {
    id: number
    applied_at: string
    steps: string
  }[]
  return rows.map((row) => ({
    id: Number(row.id),
    appliedAt: row.applied_at,
    steps: JSON.parse(row.steps) as MigrationStep[],
  }))
}

/**
 * Serialises migrations: on PostgreSQL a transaction-scoped advisory lock per schema, so several
 * processes starting at once migrate one after the other; SQLite serialises writers itself. Also
 * creates the history tables on first use. Call first thing in the migration's transaction.
 */
export async function lockMigrations(trx: Knex.Transaction, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await trx.raw(
      "select pg_advisory_xact_lock(hashtext('objectos_migrations:' || current_schema()))",
    )
  }
  if (!(await trx.schema.hasTable(historyTable))) {
    await trx.schema.createTable(historyTable, (table) => {
      table.increments('id')
      table.text('applied_at').notNullable()
      table.text('steps').notNullable()
    })
  }
  if (!(await trx.schema.hasTable(managedTable))) {
    await trx.schema.createTable(managedTable, (table) => {
      table.text('kind').notNullable()
      table.text('name').notNullable()
      table.text('table_name').notNullable()
      table.integer('migration_id').notNullable()
      table.primary(['kind', 'name'])
    })
  }
}

/**
 * Records an applied plan: a history row, and the managed tables and indexes it created, renamed
 * or dropped. `after` is the live schema once the steps ran; index records it no longer shows
 * (dropped with their column) are removed.
 */
export async function recordMigration(
  trx: Knex.Transaction,
  steps: readonly MigrationStep[],
  after: LiveSchema,
): Promise<number> {
  const [inserted] = (await trx(historyTable)
    .insert({ applied_at: new Date().toISOString(), steps: JSON.stringify(steps) })
    .returning('id')) as ({ id: number } | number)[]
  const id = typeof inserted === 'object' ? Number(inserted.id) : Number(inserted)
  const forget = (kind: 'table' | 'index', name: string) =>
    trx(managedTable).where({ kind, name }).delete()
  const remember = async (kind: 'table' | 'index', name: string, table: string) => {
    await forget(kind, name)
    await trx(managedTable).insert({ kind, name, table_name: table, migration_id: id })
  }
  for (const step of steps) {
    switch (step.kind) {
      case 'create_table':
        await remember('table', step.table, step.table)
        for (const index of step.indexes) await remember('index', index.name, step.table)
        break
      case 'rename_table':
        await trx(managedTable)
          .where({ kind: 'table', name: step.from })
          .update({ name: step.table })
        await trx(managedTable).where({ table_name: step.from }).update({ table_name: step.table })
        break
      case 'drop_table':
        await trx(managedTable).where({ table_name: step.table }).delete()
        break
      case 'add_index':
        await remember('index', step.index.name, step.table)
        break
      case 'drop_index':
        await forget('index', step.index)
        break
      default:
        break
    }
  }
  const liveIndexes = new Set(
    [...after.tables.values()].flatMap((t) => t.indexes.map((i) => i.name)),
  )
  const recorded = (await trx(managedTable).where({ kind: 'index' }).select('name')) as ManagedRow[]
  for (const { name } of recorded) if (!liveIndexes.has(name)) await forget('index', name)
  return id
}
