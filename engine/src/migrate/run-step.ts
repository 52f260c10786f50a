/**
 * Runs one migration step inside the migration's transaction, with knex's schema builder where
 * it behaves the same on both dialects and raw SQL where it does not (renames, indexes, type
 * changes). Column types are the ones `sqlTypeName` gives, so the next `plan` finds nothing left
 * to do.
 */
import { UnconvertibleValues } from '@objectos/errors'
import type { Knex } from 'knex'
import type { Dialect } from '../data/connection/database.js'
import type { IndexSpec } from '../data/schema/table-spec.js'
import { sqliteIndexes } from './introspect-sqlite.js'
import { recomputeFormulas, recomputeSummaryField } from '../data/write/recompute-computed.js'
import { sequencesTable } from '../data/schema/system-tables.js'
import type { Registry } from '../registry/registry.js'
import type {
  AlterColumnTypeStep,
  CreateTableStep,
  MigrationStep,
  RecomputeFieldStep,
} from './migration-step.js'
import { quoteIdentifier } from './quote-identifier.js'
import { rebuildSqliteColumn } from './rebuild-sqlite-column.js'
import { clearUnconvertible, scanUnconvertible } from './unconvertible-values.js'
import { conversionOf } from './value-conversion.js'

export interface StepOptions {
  /** Values that do not convert are set to NULL instead of failing the step. */
  readonly allowDestructive: boolean
  /** The registry planned for; recompute steps need it. */
  readonly registry?: Registry | undefined
}

/**
 * Autonumber counters are keyed by object and field name: a renamed object or field keeps
 * counting where it was, instead of starting again at 1 and colliding with its own numbers.
 */
async function moveCounters(
  trx: Knex.Transaction,
  from: { object: string; field?: string },
  to: { object: string; field?: string },
): Promise<void> {
  if (!(await trx.schema.hasTable(sequencesTable))) return
  await trx(sequencesTable).where(from).update(to)
}

async function recomputeField(
  trx: Knex.Transaction,
  dialect: Dialect,
  step: RecomputeFieldStep,
  registry: Registry | undefined,
): Promise<void> {
  if (registry === undefined)
    throw new Error('recomputing a field needs the registry it was planned for')
  const object = registry.object(step.object)
  const executor = { knex: trx, dialect }
  if (object.fields.get(step.field)?.summary !== undefined) {
    await recomputeSummaryField(executor, registry, object, step.field)
  } else {
    await recomputeFormulas(executor, object)
  }
}

export async function runStep(
  trx: Knex.Transaction,
  dialect: Dialect,
  step: MigrationStep,
  options: StepOptions,
): Promise<void> {
  switch (step.kind) {
    case 'create_table':
      return createTable(trx, step)
    case 'rename_table':
      await trx.schema.renameTable(step.from, step.table)
      if (dialect === 'postgres') await renamePrimaryKey(trx, step.from, step.table)
      await moveCounters(trx, { object: step.from }, { object: step.object })
      return
    case 'drop_table':
      await trx.schema.dropTable(step.table)
      return
    case 'add_column':
      await trx.schema.alterTable(step.table, (table) => {
        table.specificType(step.column.name, step.column.sqlType)
      })
      return
    case 'rename_column':
      await trx.raw('alter table ?? rename column ?? to ??', [step.table, step.from, step.column])
      await moveCounters(
        trx,
        { object: step.object, field: step.from },
        { object: step.object, field: step.field },
      )
      return
    case 'alter_column_type':
      return alterColumnType(trx, dialect, step, options)
    case 'drop_column':
      if (dialect === 'sqlite') {
        // SQLite refuses to drop an indexed column; PostgreSQL drops such indexes itself.
        for (const index of await sqliteIndexes(trx, step.table)) {
          if (index.columns.includes(step.column)) await trx.raw('drop index ??', [index.name])
        }
      }
      await trx.raw('alter table ?? drop column ??', [step.table, step.column])
      return
    case 'add_index':
      await createIndex(trx, step.table, step.index)
      return
    case 'recompute_field':
      return recomputeField(trx, dialect, step, options.registry)
    case 'drop_index':
      return dropIndex(trx, dialect, step.index)
  }
}

async function createTable(trx: Knex.Transaction, step: CreateTableStep): Promise<void> {
  await trx.schema.createTable(step.table, (table) => {
    for (const column of step.columns) {
      const builder = table.specificType(column.name, column.sqlType)
      if (column.notNull) builder.notNullable()
    }
    const key = step.columns.filter((c) => c.primaryKey).map((c) => c.name)
    if (key.length > 0) table.primary(key, `${step.table}_pkey`)
  })
  for (const index of step.indexes) await createIndex(trx, step.table, index)
}

async function createIndex(trx: Knex.Transaction, table: string, index: IndexSpec): Promise<void> {
  const unique = index.unique ? 'unique ' : ''
  await trx.raw(`create ${unique}index ?? on ?? (??)`, [index.name, table, [...index.columns]])
}

/**
 * Drops an index by name. On PostgreSQL a unique constraint's index goes with its constraint. An
 * index already gone (with a table dropped earlier in the plan) is not an error.
 */
async function dropIndex(trx: Knex.Transaction, dialect: Dialect, name: string): Promise<void> {
  if (dialect === 'postgres') {
    const result = (await trx.raw(
      `select c.relname as table_name, k.conname from pg_constraint k
       join pg_class i on i.oid = k.conindid join pg_class c on c.oid = k.conrelid
       join pg_namespace n on n.oid = i.relnamespace
       where n.nspname = current_schema() and i.relname = ?`,
      [name],
    )) as { rows: { table_name: string; conname: string }[] }
    const owner = result.rows[0]
    if (owner !== undefined) {
      await trx.raw('alter table ?? drop constraint ??', [owner.table_name, owner.conname])
      return
    }
  }
  await trx.raw('drop index if exists ??', [name])
}

/** Keeps the primary key's name in step with the table's, so the old name can be reused. */
async function renamePrimaryKey(trx: Knex.Transaction, from: string, to: string): Promise<void> {
  const result = (await trx.raw(
    `select k.conname from pg_constraint k
     join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relname = ? and k.contype = 'p'`,
    [to],
  )) as { rows: { conname: string }[] }
  const name = result.rows[0]?.conname
  if (name === `${from}_pkey`) {
    await trx.raw('alter table ?? rename constraint ?? to ??', [to, name, `${to}_pkey`])
  }
}

async function alterColumnType(
  trx: Knex.Transaction,
  dialect: Dialect,
  step: AlterColumnTypeStep,
  options: StepOptions,
): Promise<void> {
  const { name, type, sqlType } = step.column
  const conversion = conversionOf(step.fromType, type, sqlType, dialect)
  if (conversion.check !== undefined) {
    // Counted again here: rows may have changed since the plan was made.
    const scan = await scanUnconvertible(trx, dialect, step.table, name, conversion.check)
    if (scan.rows > 0) {
      if (!options.allowDestructive) {
        throw UnconvertibleValues.create(`${step.table}.${name}`, sqlType, scan.rows)
      }
      await clearUnconvertible(trx, dialect, step.table, name, scan.values)
    }
  }
  if (dialect === 'sqlite') {
    await rebuildSqliteColumn(trx, step.table, name, sqlType, conversion.sql)
    return
  }
  const using = conversion.sql(quoteIdentifier(name))
  await trx.raw(`alter table ?? alter column ?? type ${sqlType} using ${using}`, [step.table, name])
}
