/**
 * better-auth's where clauses in knex: every operator (`eq`, `ne`, `lt`, `lte`, `gt`, `gte`, `in`,
 * `not_in`, `contains`, `starts_with`, `ends_with`), case-insensitive mode, and connectors — the
 * AND conditions all hold, and when there are OR conditions at least one of them holds too (as
 * better-auth's own SQL adapters read them). Pattern operators compare substrings instead of
 * using LIKE, so `%` and `_` in a value are plain characters and case sensitivity is the same on
 * both dialects.
 *
 * @example
 *   applyWhere(knex('objectos_auth_session'), [{ field: 'token', operator: 'eq', value: t,
 *     connector: 'AND', mode: 'sensitive' }], 'sqlite')
 */
import type { CleanedWhere } from 'better-auth/adapters'
import type { Knex } from 'knex'
import type { Dialect } from '../../data/connection/database.js'

export function applyWhere<Q extends Knex.QueryBuilder>(
  query: Q,
  where: readonly CleanedWhere[] | undefined,
  dialect: Dialect,
): Q {
  if (where === undefined || where.length === 0) return query
  const all = where.filter((w) => w.connector !== 'OR')
  const any = where.filter((w) => w.connector === 'OR')
  for (const condition of all) query.where((b) => addCondition(b, condition, dialect))
  if (any.length > 0) {
    query.where((group) => {
      for (const condition of any) group.orWhere((b) => addCondition(b, condition, dialect))
    })
  }
  return query
}

type Builder = Knex.QueryBuilder

function addCondition(b: Builder, w: CleanedWhere, dialect: Dialect): void {
  const insensitive =
    w.mode === 'insensitive' &&
    (typeof w.value === 'string' ||
      (Array.isArray(w.value) && w.value.every((v) => typeof v === 'string')))
  const value = insensitive ? lower(w.value) : w.value
  const col = insensitive ? 'lower(??)' : '??'
  switch (w.operator) {
    case 'eq':
    case 'ne':
      if (value === null) {
        if (w.operator === 'eq') b.whereNull(w.field)
        else b.whereNotNull(w.field)
      } else {
        b.whereRaw(`${col} ${w.operator === 'eq' ? '=' : '<>'} ?`, [w.field, scalar(value)])
      }
      return
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      b.whereRaw(`${col} ${comparisons[w.operator]} ?`, [w.field, scalar(value)])
      return
    case 'in':
    case 'not_in': {
      const values = list(value)
      if (values.length === 0) {
        // Nothing is in an empty list; everything is outside it.
        b.whereRaw(w.operator === 'in' ? '1 = 0' : '1 = 1')
        return
      }
      const placeholders = values.map(() => '?').join(', ')
      const op = w.operator === 'in' ? 'in' : 'not in'
      b.whereRaw(`${col} ${op} (${placeholders})`, [w.field, ...values])
      return
    }
    case 'contains':
    case 'starts_with':
    case 'ends_with': {
      const test = substringTest(w.operator, dialect, col)
      b.whereRaw(
        test.sql,
        test.needles === 1 ? [w.field, text(value)] : [w.field, text(value), text(value)],
      )
      return
    }
  }
}

const comparisons = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const

/** SQL testing `col` (holding `??`, the column) against the text: one or two `?` for it. */
function substringTest(
  operator: 'contains' | 'starts_with' | 'ends_with',
  dialect: Dialect,
  col: string,
): { sql: string; needles: 1 | 2 } {
  if (operator === 'contains') {
    const sql = dialect === 'postgres' ? `strpos(${col}, ?) > 0` : `instr(${col}, ?) > 0`
    return { sql, needles: 1 }
  }
  // Compare the prefix or suffix as long as the text, counted in characters on both dialects.
  if (operator === 'starts_with') {
    const sql =
      dialect === 'postgres'
        ? `left(${col}, char_length(?::text)) = ?`
        : `substr(${col}, 1, length(?)) = ?`
    return { sql, needles: 2 }
  }
  const sql =
    dialect === 'postgres'
      ? `right(${col}, char_length(?::text)) = ?`
      : `substr(${col}, -length(?)) = ?`
  return { sql, needles: 2 }
}

function lower(value: CleanedWhere['value']): CleanedWhere['value'] {
  if (typeof value === 'string') return value.toLowerCase()
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)) as string[] | number[]
  }
  return value
}

function scalar(value: CleanedWhere['value']): Knex.Value {
  if (Array.isArray(value)) throw new Error('a list is only allowed with "in" and "not_in"')
  return value instanceof Date ? value.toISOString() : value
}

function list(value: CleanedWhere['value']): readonly (string | number)[] {
  if (!Array.isArray(value)) throw new Error('"in" and "not_in" need a list')
  return value
}

function text(value: CleanedWhere['value']): string {
  if (typeof value !== 'string') throw new Error('pattern operators need a text value')
  return value
}
