/**
 * What a query runs on: a knex instance or an open transaction, and the dialect it speaks. A
 * `Database` satisfies it, and so does `{ knex: trx, dialect }` inside a write transaction, so
 * reads made by the write path see that transaction's own changes.
 */
import type { Knex } from 'knex'
import type { Dialect } from '../connection/database.js'

export interface QueryExecutor {
  /** A knex instance or a `Knex.Transaction` (which is one). */
  readonly knex: Knex
  readonly dialect: Dialect
}
