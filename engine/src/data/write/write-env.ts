/**
 * What every write needs besides its arguments: the database, the registry snapshot taken for
 * this call and the hook bus.
 */
import type { Registry } from '../../registry/registry.js'
import type { HookBus } from '../../runtime/hook-bus.js'
import type { Database } from '../connection/database.js'
import type { Executor } from './data-context.js'

export interface WriteEnv {
  readonly db: Database
  readonly registry: Registry
  readonly hooks: HookBus
}

/** Runs `work` in a transaction, or directly when `transactional` is false. */
export async function inTransaction<T>(
  db: Database,
  transactional: boolean,
  work: (trx: Executor) => Promise<T>,
): Promise<T> {
  if (!transactional) return work(db)
  return db.knex.transaction((trx) => work({ knex: trx, dialect: db.dialect }))
}
