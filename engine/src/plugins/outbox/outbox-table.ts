/**
 * The transactional outbox: one row per committed record change, written in the same
 * transaction as the change, so automation and webhooks (which read it) see exactly the writes
 * that committed — never a rolled-back one, never a lost one, with any number of processes.
 */
import type { Executor } from '../../data/write/data-context.js'

export const outboxTable = 'objectos_outbox'

export interface OutboxEvent {
  readonly id: number
  readonly event: 'created' | 'updated' | 'deleted'
  readonly object: string
  readonly recordId: string
  /** The record after the change (before it, for deletes) and the previous values. */
  readonly payload: { readonly record: unknown; readonly previous: unknown }
  readonly createdAt: string
}

export async function ensureOutboxTable(db: Executor): Promise<void> {
  if (await db.knex.schema.hasTable(outboxTable)) return
  await db.knex.schema.createTable(outboxTable, (table) => {
    table.increments('id').primary()
    table.text('event').notNullable()
    table.text('object').notNullable()
    table.text('record_id').notNullable()
    table.text('payload').notNullable()
    table.text('created_at').notNullable()
    table.text('claimed_by')
    table.text('claimed_at')
    table.index(['claimed_at', 'id'], `${outboxTable}_pending_idx`)
  })
}
