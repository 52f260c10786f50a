/**
 * An open database: the knex instance and which dialect it speaks. Everything below the record
 * service writes dialect-neutral knex and asks `dialect` only where SQL really differs.
 */
import type { Knex } from 'knex'

export type Dialect = 'sqlite' | 'postgres'

export interface Database {
  readonly knex: Knex
  readonly dialect: Dialect
  /** Where it points, safe to print (no password): a file path or host/database. */
  readonly target: string
  close(): Promise<void>
}
