/**
 * Who is writing or reading, and through which door, plus the executor a data call runs on.
 * Every data call takes a context; permissions (record access) and audit read it.
 */
import type { Knex } from 'knex'
import type { Principal } from '../access/principal.js'
import type { Dialect } from '../connection/database.js'

/** Where a request came from, recorded by the audit trail. */
export type Door = 'rest' | 'graphql' | 'flow' | 'trigger' | 'cli' | 'system' | 'test'

export interface DataContext {
  /** The acting user's id; undefined for the system itself. */
  readonly userId?: string | undefined
  readonly door?: Door | undefined
  /**
   * The permissions the call runs under. The doors always set it (an anonymous caller gets one
   * that may do nothing); unset means the engine itself, which may do anything.
   */
  readonly principal?: Principal | undefined
}

/** A knex instance or a transaction, with its dialect: what queries run on. */
export interface Executor {
  readonly knex: Knex
  readonly dialect: Dialect
}

export const systemContext: DataContext = Object.freeze({ door: 'system' })
