/**
 * Writes every record change to the outbox inside the write's transaction, and lets consumers
 * claim batches of unclaimed events. Claiming uses `FOR UPDATE SKIP LOCKED` on PostgreSQL, so
 * several workers can drain one outbox without taking the same event twice; SQLite has a
 * single writer, so a claim there is one UPDATE … RETURNING.
 *
 * @example
 *   const kernel = createKernel(registry, [dataPlugin({ db }), outboxPlugin()])
 *   const outbox = kernel.services.get<Outbox>('outbox')
 *   for (const event of await outbox.claim('worker-1', 100)) handle(event)
 */
import type { Database } from '../../data/connection/database.js'
import { definePlugin } from '../../runtime/define-plugin.js'
import type { RecordHookPayload } from '../../runtime/hook-names.js'
import { ensureOutboxTable, outboxTable, type OutboxEvent } from './outbox-table.js'

export interface Outbox {
  /** Marks up to `limit` unclaimed events as taken by `consumer` and returns them, oldest first. */
  claim(consumer: string, limit: number): Promise<OutboxEvent[]>
  /** Deletes events that were claimed (processed) before `before`. */
  prune(before: Date): Promise<number>
}

export function outboxPlugin() {
  return definePlugin({
    name: 'outbox',
    dependencies: ['data'],
    init(ctx) {
      const db = ctx.services.get<Database>('database')
      const write = (event: OutboxEvent['event']) => async (p: RecordHookPayload) => {
        await p.trx.knex(outboxTable).insert({
          event,
          object: p.object.name,
          record_id: String(p.record.id),
          payload: JSON.stringify({ record: p.record, previous: p.previous ?? null }),
          created_at: new Date().toISOString(),
        })
      }
      ctx.hooks.on('afterCreate', write('created'))
      ctx.hooks.on('afterUpdate', write('updated'))
      ctx.hooks.on('afterDelete', write('deleted'))
      ctx.services.provide<Outbox>('outbox', createOutbox(db))
    },
    async start(ctx) {
      await ensureOutboxTable(ctx.services.get<Database>('database'))
    },
  })
}

function createOutbox(db: Database): Outbox {
  return {
    async claim(consumer, limit) {
      const now = new Date().toISOString()
      const pending = db
        .knex(outboxTable)
        .select('id')
        .whereNull('claimed_at')
        .orderBy('id')
        .limit(limit)
      if (db.dialect === 'postgres') pending.forUpdate().skipLocked()
      const rows = (await db
        .knex(outboxTable)
        .whereIn('id', pending)
        .update({ claimed_by: consumer, claimed_at: now })
        .returning('*')) as Record<string, unknown>[]
      return rows
        .map((row) => ({
          id: Number(row.id),
          event: row.event as OutboxEvent['event'],
          object: String(row.object),
          recordId: String(row.record_id),
          payload: JSON.parse(String(row.payload)) as OutboxEvent['payload'],
          createdAt: String(row.created_at),
        }))
        .sort((a, b) => a.id - b.id)
    },
    async prune(before) {
      return db.knex(outboxTable).where('claimed_at', '<', before.toISOString()).delete()
    },
  }
}
