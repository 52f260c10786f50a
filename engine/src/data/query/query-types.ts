/**
 * The one query model every caller uses (REST, GraphQL, flows, the UI): the spec's canonical
 * filter form plus sort, paging, field selection, expansion and aggregates. Plain data, so it
 * travels as JSON unchanged.
 */

import type { Principal } from '../access/principal.js'

/** `{ field: value | { $op: value } , $and: [...], $or: [...], $not: {...} }` */
export type Filter = Readonly<Record<string, unknown>>

export interface SortKey {
  readonly field: string
  readonly direction: 'asc' | 'desc'
}

export interface FindQuery {
  readonly filter?: Filter | undefined
  /** `['-amount', 'name']` or parsed keys. */
  readonly sort?: readonly (string | SortKey)[] | undefined
  /** Default 50, at most 500. */
  readonly limit?: number | undefined
  readonly offset?: number | undefined
  /** An opaque cursor returned as `nextCursor` by the previous page (keyset paging). */
  readonly cursor?: string | undefined
  /** Fields to return (`id` always comes back). Default: every field. */
  readonly fields?: readonly string[] | undefined
  /** Lookup fields to replace by their record, or child objects to attach as lists. */
  readonly expand?: readonly string[] | undefined
  /** Also count every matching row. */
  readonly count?: boolean | undefined
  /**
   * Words to look for, case-insensitively, in the object's searchable fields: a record matches
   * when every word occurs in at least one of them. Combined with `filter` by AND.
   */
  readonly search?: string | undefined
}

/**
 * How a trusted caller inside the engine reads, beyond what a query may ask for. Never built from
 * a request: the doors pass queries, and only their own code passes these.
 */
export interface FindOptions {
  /**
   * The largest `limit` accepted instead of 500: GraphQL's relation batches read every child of
   * up to 1,000 parents in one statement, bounded by their own budget.
   */
  readonly maxLimit?: number | undefined
  /**
   * Whom the read is for: it sees only the objects, fields and records its permission sets
   * grant. Unset: the engine itself, which reads everything.
   */
  readonly principal?: Principal | undefined
}

export interface FindResult {
  readonly records: readonly Record<string, unknown>[]
  /** Present when more rows follow; pass it back as `cursor`. */
  readonly nextCursor: string | undefined
  readonly total: number | undefined
}

export type AggregateFunction = 'count' | 'sum' | 'avg' | 'min' | 'max'

export interface AggregateQuery {
  readonly filter?: Filter | undefined
  readonly groupBy?: readonly string[] | undefined
  /** Output name → function and field (`count` needs no field). */
  readonly aggregates: Readonly<
    Record<string, { readonly fn: AggregateFunction; readonly field?: string | undefined }>
  >
  readonly sort?: readonly (string | SortKey)[] | undefined
  readonly limit?: number | undefined
}

export interface AggregateResult {
  readonly groups: readonly Record<string, unknown>[]
}

export const defaultLimit = 50
export const maxLimit = 500
