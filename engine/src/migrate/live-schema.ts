/**
 * What the database holds right now: its tables, their columns (with the SQL type spelled the way
 * `sqlTypeName` spells it, so a desired and a live column compare as strings) and their indexes.
 * The engine's own tables (`objectos_*`) and the database's internals are left out: `plan` never
 * touches them.
 *
 * @example
 *   const live = await introspect(db.knex, db.dialect)
 *   live.tables.get('account')?.columns.map((c) => c.name)
 */
import type { Knex } from 'knex'
import type { Dialect } from '../data/connection/database.js'
import { introspectPostgres } from './introspect-postgres.js'
import { introspectSqlite } from './introspect-sqlite.js'

export interface LiveColumn {
  readonly name: string
  /** Normalised: lower case, as `sqlTypeName` in data/schema/column-type.ts spells it. */
  readonly sqlType: string
  readonly nullable: boolean
  readonly primaryKey: boolean
}

export interface LiveIndex {
  readonly name: string
  /** Column names in index order; an expression is shown as `(expression)`. */
  readonly columns: readonly string[]
  readonly unique: boolean
}

export interface LiveTable {
  readonly name: string
  readonly columns: readonly LiveColumn[]
  /** Indexes that can be dropped by name (not those backing a primary key or constraint). */
  readonly indexes: readonly LiveIndex[]
}

export interface LiveSchema {
  readonly tables: ReadonlyMap<string, LiveTable>
}

/** Prefix of the engine's own tables, which `plan` neither diffs nor drops. */
export const enginePrefix = 'objectos_'

/** Reads the live schema through `knex` (a database or an open transaction). */
export function introspect(knex: Knex, dialect: Dialect): Promise<LiveSchema> {
  return dialect === 'sqlite' ? introspectSqlite(knex) : introspectPostgres(knex)
}

/** Builds a LiveSchema from rows gathered per table, sorted by table name. */
export function liveSchemaOf(tables: readonly LiveTable[]): LiveSchema {
  const sorted = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return Object.freeze({ tables: new Map(sorted.map((t) => [t.name, Object.freeze(t)])) })
}
