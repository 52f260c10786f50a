/**
 * Compiles the spec's canonical filter form into one SQL predicate for any knex query builder:
 * the read path, bulk writes by filter and the permission layer all add predicates through
 * `applyFilter`, so a filter means the same rows everywhere.
 *
 * `{ field: value }` is equality (`null`: IS NULL), `{ field: { $op: operand } }` applies the
 * operators of filter-operators.ts, `$and`/`$or` take lists and `$not` one filter. A dot path
 * (`account.industry`) crosses lookups as `account IN (SELECT id FROM account WHERE …)`, so the
 * whole filter stays one statement. Every key is understood or rejected, every value is bound,
 * and the whole filter is checked when it is applied — before any SQL is sent.
 */
import { InvalidFilter, UnknownOperator } from '@objectos/errors'
import type { Knex } from 'knex'
import type { FieldNode } from '../../ir/field-node.js'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import type { Dialect } from '../connection/database.js'
import { conditionSql } from './field-condition.js'
import type { ReadGuard } from '../access/read-guard.js'
import { fieldOf, maxPathHops } from './field-path.js'
import { andAll, fragment, not, orAll, type SqlFragment } from './sql-fragment.js'

export interface FilterContext {
  readonly registry: Registry
  readonly dialect: Dialect
  /** The name the object's table goes by in the query (default: the table name). */
  readonly alias?: string | undefined
  /**
   * The principal's read access: every field the filter names must be readable, and a path
   * through a lookup only matches records of the target the principal may read. None: the
   * system, which reads everything.
   */
  readonly guard?: ReadGuard | undefined
}

interface Scope {
  readonly ctx: FilterContext
  readonly object: ObjectNode
  /** Qualifies this object's columns: its table name or alias. */
  readonly qualifier: string
  /** Inside a `$not`: leaves must be TRUE or FALSE, never NULL. */
  readonly twoValued: boolean
  /** Subquery nesting, for unique aliases. */
  readonly depth: number
  /** How many filter objects enclose this one. */
  readonly nesting: number
}

/** Deeper nesting than this is refused, rather than overflowing the stack. */
export const maxFilterNesting = 32

const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Adds `filter` to `qb` as one parenthesised predicate (so it ANDs with whatever else is
 * there). Throws UnknownField, UnknownOperator or InvalidFilter right away on a bad filter.
 *
 * @example
 *   const qb = db.knex('opportunity').select('id')
 *   applyFilter(qb, { registry, dialect: db.dialect }, registry.object('opportunity'), {
 *     amount: { $gte: 1000 },
 *     'account.industry': 'tech',
 *     $or: [{ stage: 'won' }, { probability: { $gt: 50 } }],
 *   })
 */
export function applyFilter<Q extends Knex.QueryBuilder>(
  qb: Q,
  ctx: FilterContext,
  object: ObjectNode,
  filter: unknown,
): Q {
  const compiled = compileFilter(ctx, object, filter)
  if (compiled !== undefined) {
    qb.whereRaw(`(${compiled.sql})`, compiled.bindings as Knex.RawBinding[])
  }
  return qb
}

/** The filter as one SQL predicate, or undefined when it restricts nothing. */
export function compileFilter(
  ctx: FilterContext,
  object: ObjectNode,
  filter: unknown,
): SqlFragment | undefined {
  if (filter === undefined) return undefined
  const node = asFilter(filter, 'the filter')
  if (Object.keys(node).length === 0) return undefined
  const scope: Scope = {
    ctx,
    object,
    qualifier: ctx.alias ?? object.table,
    twoValued: false,
    depth: 0,
    nesting: 0,
  }
  return compileNode(scope, node)
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

function asFilter(value: unknown, where: string): Readonly<Record<string, unknown>> {
  if (!isPlainObject(value)) {
    throw InvalidFilter.create(`${where} must be an object like {"field": value}`)
  }
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) throw InvalidFilter.create(`"${key}" is not allowed as a key`)
  }
  return value
}

/** One filter object: its keys ANDed. `{}` is TRUE, the AND identity. */
function compileNode(outer: Scope, node: Readonly<Record<string, unknown>>): SqlFragment {
  const scope = { ...outer, nesting: outer.nesting + 1 }
  if (scope.nesting > maxFilterNesting) {
    throw InvalidFilter.create(`filters nest deeper than ${maxFilterNesting} levels`)
  }
  const parts: SqlFragment[] = []
  for (const [key, value] of Object.entries(node)) {
    if (key === '$and') {
      parts.push(andAll(combinatorMembers(key, value).map((member) => compileNode(scope, member))))
    } else if (key === '$or') {
      parts.push(orAll(combinatorMembers(key, value).map((member) => compileNode(scope, member))))
    } else if (key === '$not') {
      parts.push(not(compileNode({ ...scope, twoValued: true }, asFilter(value, '$not'))))
    } else if (key.startsWith('$')) {
      throw UnknownOperator.create(key, 'the filter')
    } else {
      parts.push(compilePath(scope, key.split('.'), value, key))
    }
  }
  return andAll(parts)
}

function combinatorMembers(key: string, value: unknown): Readonly<Record<string, unknown>>[] {
  if (!Array.isArray(value)) throw InvalidFilter.create(`${key} expects a list of filters`)
  return value.map((member: unknown, index) => asFilter(member, `${key}[${index}]`))
}

/** `segments` of `path` from `scope.object`: a field, or a lookup followed by more segments. */
function compilePath(
  scope: Scope,
  segments: readonly string[],
  value: unknown,
  path: string,
): SqlFragment {
  const [head = '', ...rest] = segments
  if (path.split('.').length - 1 > maxPathHops) {
    throw InvalidFilter.create(`"${path}" crosses more than ${maxPathHops} lookups`)
  }
  const field = fieldOf(scope.object, head, path, 'filter')
  scope.ctx.guard?.checkField(scope.object, field, 'filter on')
  if (rest.length === 0) return compileField(scope, field, value, path)
  if (field.reference === undefined) {
    throw InvalidFilter.create(`"${path}": "${head}" of ${scope.object.name} is not a lookup`)
  }
  const target = scope.ctx.registry.object(field.reference.object)
  const alias = `oos_f${scope.depth + 1}`
  const column = `${scope.qualifier}.${field.column}`
  const inner = compilePath(
    { ...scope, object: target, qualifier: alias, twoValued: false, depth: scope.depth + 1 },
    rest,
    value,
    path,
  )
  // Only records of the target the principal may read can match: a filter through a lookup
  // must not reveal anything about hidden records.
  const visible = scope.ctx.guard?.rows(target, alias)
  const condition = visible === undefined ? inner : andAll([inner, visible])
  const sql = `?? in (select ?? from ?? as ?? where ${condition.sql})`
  const bindings = [column, `${alias}.id`, target.table, alias, ...condition.bindings]
  // `account IN (…)` is NULL when account is: under `$not` that row must count as not matching.
  return scope.twoValued
    ? fragment(`?? is not null and ${sql}`, [column, ...bindings])
    : fragment(sql, bindings)
}

/** `value` is a bare operand (equality) or `{ $op: operand, … }` (each applied, ANDed). */
function compileField(scope: Scope, field: FieldNode, value: unknown, path: string): SqlFragment {
  const target = {
    dialect: scope.ctx.dialect,
    column: `${scope.qualifier}.${field.column}`,
    twoValued: scope.twoValued,
  }
  if (Array.isArray(value)) {
    throw InvalidFilter.create(`"${path}" got a list; use {"$in": [...]} to match any of several`)
  }
  if (typeof value !== 'object' || value === null) {
    return conditionSql(field, target, '$eq', value, path)
  }
  if (!isPlainObject(value)) throw InvalidFilter.create(`"${path}" got an unsupported value`)
  const ops = Object.keys(value)
  if (ops.length === 0) throw InvalidFilter.create(`"${path}" has an empty condition {}`)
  return andAll(
    ops.map((op) => {
      if (forbiddenKeys.has(op)) throw InvalidFilter.create(`"${path}": "${op}" is not allowed`)
      if (!op.startsWith('$')) {
        throw InvalidFilter.create(
          `"${path}" expects a value or {"$operator": value}; "${op}" is not an operator`,
        )
      }
      return conditionSql(field, target, op, value[op], path)
    }),
  )
}
