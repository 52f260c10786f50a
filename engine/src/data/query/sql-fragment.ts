/**
 * A piece of SQL with its bindings (`??` for identifiers, `?` for values). The filter compiler
 * builds fragments eagerly — so a bad filter throws when it is applied, not later when knex
 * renders the statement — and hands the result to knex as one `whereRaw`.
 */
export interface SqlFragment {
  readonly sql: string
  readonly bindings: readonly unknown[]
}

export const alwaysTrue: SqlFragment = { sql: '1 = 1', bindings: [] }
export const alwaysFalse: SqlFragment = { sql: '1 = 0', bindings: [] }

export function fragment(sql: string, bindings: readonly unknown[] = []): SqlFragment {
  return { sql, bindings }
}

/** `(a) and (b) …`; no parts is TRUE. */
export function andAll(parts: readonly SqlFragment[]): SqlFragment {
  if (parts.length === 0) return alwaysTrue
  if (parts.length === 1) return parts[0] as SqlFragment
  return join(parts, ' and ')
}

/** `(a) or (b) …`; no parts is FALSE. */
export function orAll(parts: readonly SqlFragment[]): SqlFragment {
  if (parts.length === 0) return alwaysFalse
  if (parts.length === 1) return parts[0] as SqlFragment
  return join(parts, ' or ')
}

export function not(part: SqlFragment): SqlFragment {
  return { sql: `not (${part.sql})`, bindings: part.bindings }
}

function join(parts: readonly SqlFragment[], separator: string): SqlFragment {
  return {
    sql: parts.map((p) => `(${p.sql})`).join(separator),
    bindings: parts.flatMap((p) => p.bindings),
  }
}
