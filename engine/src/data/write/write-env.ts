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
  /** An enclosing transaction (bulk writes): every write joins it instead of opening its own. */
  readonly trx?: Executor | undefined
}

/**
 * Runs `work` in the enclosing transaction if there is one, else in a new transaction, or
 * directly when `transactional` is false.
 */
export async function inTransaction<T>(
  env: WriteEnv,
  transactional: boolean,
  work: (trx: Executor) => Promise<T>,
): Promise<T> {
  if (env.trx !== undefined) return work(env.trx)
  if (!transactional) return work(env.db)
  return env.db.knex.transaction((trx) => work({ knex: trx, dialect: env.db.dialect }))
}
