/**
 * The data plugin: provides the `database` and the `data` service (the RecordService every door
 * uses), gets the database ready for the app at start (the engine's own tables, then the app's
 * migration), and closes the connection at stop.
 *
 * @example
 *   const kernel = createKernel(registry, [dataPlugin({ db, prepare: migrateOnStart })])
 *   await kernel.start()
 *   await kernel.services.get<RecordService>('data').create('account', { name: 'Acme' })
 */
import type { Database } from '../../data/connection/database.js'
import { createRecordService } from '../../data/record-service.js'
import { ensureSystemTables } from '../../data/schema/system-tables.js'
import type { Registry } from '../../registry/registry.js'
import { definePlugin } from '../../runtime/define-plugin.js'

export interface DataPluginOptions {
  readonly db: Database
  /** Brings the database schema in line with the app (plan/apply); throws to refuse. */
  readonly prepare?: (db: Database, registry: Registry) => Promise<unknown>
}

export function dataPlugin(options: DataPluginOptions) {
  const { db } = options
  return definePlugin({
    name: 'data',
    init(ctx) {
      ctx.services.provide('database', db)
      ctx.services.provide('data', createRecordService(db, ctx.registry, ctx.hooks))
    },
    async start(ctx) {
      await ensureSystemTables(db)
      await options.prepare?.(db, ctx.registry.current())
    },
    async stop() {
      await db.close()
    },
  })
}
