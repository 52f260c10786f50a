/**
 * Compiles one `{ $op: operand }` on one column into a SQL fragment with bound parameters. The NULL rules
 * live here (docs/reference/query.md): `$ne` and `$nin` match NULL, the other comparisons never
 * do, and under `$not` every predicate is made two-valued (`col IS NOT NULL AND …`) so a `$not`
 * matches exactly the rows its operand does not.
 */
import { UnknownOperator } from '@objectos/errors'
import type { FieldNode } from '../../ir/field-node.js'
import type { Dialect } from '../connection/database.js'
import { filterKindOf, isFilterOperator, operatorAllowed } from './filter-operators.js'
import {
  checkFlag,
  checkList,
  checkOperand,
  encodeElements,
  encodeMembers,
  encodeScalar,
  invalid,
  type OperandSite,
} from './filter-values.js'
import { likeEscape, likePattern, type LikeMode } from './like-pattern.js'
import { alwaysFalse, alwaysTrue, fragment, type SqlFragment } from './sql-fragment.js'

export interface ConditionTarget {
  readonly dialect: Dialect
  /** The qualified column (`account.name`), bound as an identifier. */
  readonly column: string
  /** Inside a `$not`: predicates must never be NULL. */
  readonly twoValued: boolean
}

const comparison = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const
const likeModes = {
  $contains: 'contains',
  $startsWith: 'startsWith',
  $endsWith: 'endsWith',
} as const

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ')

export function conditionSql(
  field: FieldNode,
  target: ConditionTarget,
  op: string,
  operand: unknown,
  path: string,
): SqlFragment {
  const kind = filterKindOf(field)
  if (!isFilterOperator(op) || !operatorAllowed(kind, op)) throw UnknownOperator.create(op, path)
  const site: OperandSite = { path, op }
  const { column, dialect } = target
  /** `sql`; a predicate that is NULL for a NULL column is guarded under `$not`. */
  const emit = (sql: string, bindings: readonly unknown[], nullable = true): SqlFragment =>
    target.twoValued && nullable
      ? fragment(`?? is not null and (${sql})`, [column, ...bindings])
      : fragment(sql, bindings)
  const isNull = (yes: boolean): SqlFragment => {
    if (kind !== 'list') return emit(yes ? '?? is null' : '?? is not null', [column], false)
    // An empty list and no list are the same thing to a reader: both "have no value".
    const length = dialect === 'sqlite' ? 'json_array_length' : 'jsonb_array_length'
    return emit(
      yes ? `?? is null or ${length}(??) = 0` : `?? is not null and ${length}(??) > 0`,
      [column, column],
      false,
    )
  }
  const scalar = (value: unknown) => encodeScalar(field, kind, site, value, dialect)

  switch (op) {
    case '$eq':
      if (operand === null) return isNull(true)
      return emit('?? = ?', [column, scalar(operand)])
    case '$ne':
      if (operand === null) return isNull(false)
      return emit('?? <> ? or ?? is null', [column, scalar(operand), column], false)
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return emit(`?? ${comparison[op]} ?`, [column, scalar(operand)])
    case '$between': {
      const members = checkList(field, kind, site, operand)
      if (members.length !== 2) throw invalid(site, 'expects exactly two values [from, to]')
      return emit('?? between ? and ?', [column, ...encodeMembers(field, members, dialect)])
    }
    case '$in':
    case '$nin': {
      const members = checkList(field, kind, site, operand)
      const negate = op === '$nin'
      if (kind === 'list') {
        if (members.length === 0) return negate ? alwaysTrue : alwaysFalse
        return emit(
          `${negate ? 'not ' : ''}${overlapSql(dialect)}`,
          [column, encodeElements(field, members, dialect)],
          false,
        )
      }
      if (members.length === 0) return negate ? alwaysTrue : alwaysFalse
      const list = encodeMembers(field, members, dialect)
      if (!negate) return emit(`?? in (${placeholders(list.length)})`, [column, ...list])
      return emit(
        `?? not in (${placeholders(list.length)}) or ?? is null`,
        [column, ...list, column],
        false,
      )
    }
    case '$contains':
      if (kind === 'list') {
        const element = encodeElements(field, [checkOperand(field, kind, site, operand)], dialect)
        if (dialect === 'postgres') return emit('?? @> ?::jsonb', [column, element])
        return emit(overlapSql(dialect), [column, element], false)
      }
      return like(emit, target, scalar(operand), likeModes[op])
    case '$startsWith':
    case '$endsWith':
      return like(emit, target, scalar(operand), likeModes[op])
    case '$null':
      return isNull(checkFlag(site, operand))
    case '$exists':
      return isNull(!checkFlag(site, operand))
  }
}

/** Case-insensitive match: LIKE folds ASCII case on SQLite; PostgreSQL needs ILIKE. */
function like(
  emit: (sql: string, bindings: readonly unknown[]) => SqlFragment,
  target: ConditionTarget,
  text: unknown,
  mode: LikeMode,
): SqlFragment {
  const operator = target.dialect === 'postgres' ? 'ilike' : 'like'
  return emit(`?? ${operator} ? escape '${likeEscape}'`, [
    target.column,
    likePattern(String(text), mode),
  ])
}

/**
 * "The stored list shares an element with the bound JSON list". Never NULL: no list, no rows.
 */
function overlapSql(dialect: Dialect): string {
  return dialect === 'sqlite'
    ? 'exists (select 1 from json_each(??) as oos_e where oos_e.value in (select value from json_each(?)))'
    : 'exists (select 1 from jsonb_array_elements(??) as oos_e(v) where oos_e.v in (select jsonb_array_elements(?::jsonb)))'
}
