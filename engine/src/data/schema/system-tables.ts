/**
 * The engine's own tables, created before any app table: `objectos_sequences` holds the
 * autonumber counters, `objectos_idempotency` the first answer to each `Idempotency-Key`. Created idempotently at start; app tables are never named `objectos_*`
 * (object names with that prefix are reserved by validation).
 */
import type { Executor } from '../write/data-context.js'

export const sequencesTable = 'objectos_sequences'
export const idempotencyTable = 'objectos_idempotency'

export async function ensureSystemTables(db: Executor): Promise<void> {
  if (!(await db.knex.schema.hasTable(sequencesTable))) {
    await db.knex.schema.createTable(sequencesTable, (table) => {
      table.text('object').notNullable()
      table.text('field').notNullable()
      table.text('scope').notNullable()
      table.bigInteger('value').notNullable()
      table.primary(['object', 'field', 'scope'])
    })
  }
  if (!(await db.knex.schema.hasTable(idempotencyTable))) {
    await db.knex.schema.createTable(idempotencyTable, (table) => {
      table.text('scope').notNullable()
      table.text('key').notNullable()
      table.text('request_hash').notNullable()
      table.integer('status').notNullable()
      table.text('body').notNullable()
      table.text('created_at').notNullable()
      table.primary(['scope', 'key'])
      table.index(['created_at'], `${idempotencyTable}_created_idx`)
    })
  }
}
