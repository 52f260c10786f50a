/**
 * Renders a whole SELECT from fragments into one SQL text with `?` for values only, and runs it
 * as a single raw statement. The read path builds its page query this way rather than through
 * knex's query builder: it already holds every condition as a fragment, and rendering them once
 * costs a fraction of knex compiling a builder with several raw parts on every request.
 * Identifiers (`??`) are quoted here; values stay bound.
 *
 * @example
 *   const rows = await runSelect(executor, {
 *     table: 'deal', columns: ['id', 'name'],
 *     where: [compiled], orderBy: sortFragment('deal', keys), limit: 51,
 *   })
 */
import type { Dialect } from '../connection/database.js'
import type { QueryExecutor } from './query-executor.js'
import type { SqlFragment } from './sql-fragment.js'

export interface SelectStatement {
  readonly table: string
  /** Column names of `table`, unqualified. */
  readonly columns: readonly string[]
  /** Predicates, ANDed. */
  readonly where: readonly SqlFragment[]
  readonly orderBy?: SqlFragment | undefined
  readonly limit?: number | undefined
  readonly offset?: number | undefined
}

export type Row = Record<string, unknown>

/** The statement's rows, as the driver returns them. */
export async function runSelect(
  executor: QueryExecutor,
  statement: SelectStatement,
): Promise<Row[]> {
  const { sql, bindings } = renderSelect(executor.dialect, statement)
  const result: unknown = await executor.knex.raw(sql, bindings as never[])
  // better-sqlite3 answers a raw select with its rows, pg with a result that holds them.
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[]
}

export function renderSelect(dialect: Dialect, statement: SelectStatement): SqlFragment {
  const bindings: unknown[] = []
  const columns = statement.columns.map((column) => quoteIdentifier(dialect, column)).join(', ')
  let sql = `select ${columns} from ${quoteIdentifier(dialect, statement.table)}`
  if (statement.where.length > 0) {
    sql += ` where ${statement.where
      .map((part) => `(${inlineIdentifiers(dialect, part, bindings)})`)
      .join(' and ')}`
  }
  if (statement.orderBy !== undefined && statement.orderBy.sql !== '') {
    sql += ` order by ${inlineIdentifiers(dialect, statement.orderBy, bindings)}`
  }
  if (statement.limit !== undefined) {
    sql += ' limit ?'
    bindings.push(statement.limit)
  }
  if (statement.offset !== undefined && statement.offset > 0) {
    sql += ' offset ?'
    bindings.push(statement.offset)
  }
  return { sql, bindings }
}

const quoted = { sqlite: new Map<string, string>(), postgres: new Map<string, string>() }

/** `name` or `table.name`, quoted part by part as the dialect quotes identifiers. */
export function quoteIdentifier(dialect: Dialect, name: string): string {
  const known = quoted[dialect]
  let text = known.get(name)
  if (text === undefined) {
    const quote = dialect === 'postgres' ? '"' : '`'
    text = name
      .split('.')
      .map((part) => quote + part.replaceAll(quote, quote + quote) + quote)
      .join('.')
    // Identifiers come from metadata, not from requests; the bound only guards against growth.
    if (known.size < 10_000) known.set(name, text)
  }
  return text
}

/**
 * The fragment's SQL with each `??` replaced by its quoted identifier; its values are appended
 * to `values` in order. A `\?` (an escaped question mark) is kept as it is.
 */
function inlineIdentifiers(dialect: Dialect, part: SqlFragment, values: unknown[]): string {
  const { sql } = part
  let out = ''
  let from = 0
  let next = 0
  for (let at = sql.indexOf('?'); at !== -1; at = sql.indexOf('?', from)) {
    if (at > 0 && sql[at - 1] === '\\') {
      out += sql.slice(from, at + 1)
      from = at + 1
      continue
    }
    const binding = part.bindings[next++]
    if (sql[at + 1] === '?') {
      out += sql.slice(from, at) + quoteIdentifier(dialect, String(binding))
      from = at + 2
    } else {
      out += sql.slice(from, at + 1)
      values.push(binding)
      from = at + 1
    }
  }
  if (next !== part.bindings.length) {
    throw new Error(`SQL fragment expects ${next} bindings, got ${part.bindings.length}`)
  }
  return out + sql.slice(from)
}
