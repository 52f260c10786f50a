/**
 * Aggregates: count/sum/avg/min/max over the rows a filter selects, optionally grouped by
 * fields or lookup paths (`account.industry`). One statement; group keys and results come back
 * decoded like record values (booleans as booleans, dates as strings, numbers as numbers).
 */
import { InvalidQuery, UnknownField } from '@objectos/errors'
import type { FieldNode } from '../../ir/field-node.js'
import type { Knex } from 'knex'
import type { Registry } from '../../registry/registry.js'
import { readGuard } from '../access/read-guard.js'
import type { Dialect } from '../connection/database.js'
import { columnTypeOf } from '../schema/column-type.js'
import { fromColumn } from '../values/row-codec.js'
import { applyFilter, isPlainObject } from './compile-filter.js'
import { LookupJoins } from './lookup-joins.js'
import type { QueryExecutor } from './query-executor.js'
import { checkQueryKeys, readLimit } from './query-params.js'
import type {
  AggregateFunction,
  AggregateQuery,
  AggregateResult,
  FindOptions,
} from './query-types.js'
import { sortEntries } from './sort-keys.js'

const aggregateKeys = ['filter', 'groupBy', 'aggregates', 'sort', 'limit'] as const
const functions: readonly AggregateFunction[] = ['count', 'sum', 'avg', 'min', 'max']
const outputName = /^[A-Za-z_][A-Za-z0-9_]*$/
export const maxGroupBy = 5
export const maxAggregates = 20

interface Group {
  readonly name: string
  readonly field: FieldNode
  readonly column: string
  readonly alias: string
}

interface Measure {
  readonly name: string
  readonly fn: AggregateFunction
  readonly field: FieldNode | undefined
  readonly column: string | undefined
  readonly alias: string
}

/**
 * @example
 *   const { groups } = await aggregateRecords(db, registry, 'opportunity', {
 *     filter: { stage: { $ne: 'lost' } },
 *     groupBy: ['account.industry'],
 *     aggregates: { deals: { fn: 'count' }, total: { fn: 'sum', field: 'amount' } },
 *     sort: ['-total'],
 *   })
 *   // [{ 'account.industry': 'tech', deals: 3, total: 4200 }, …]
 */
export async function aggregateRecords(
  executor: QueryExecutor,
  registry: Registry,
  objectName: string,
  query: AggregateQuery,
  options: FindOptions = {},
): Promise<AggregateResult> {
  const object = registry.object(objectName)
  const { knex, dialect } = executor
  // A principal aggregates only rows it may read, over fields it may read.
  const guard =
    options.principal === undefined ? undefined : readGuard(registry, options.principal, dialect)
  guard?.object(object)
  checkQueryKeys(query, aggregateKeys)
  const limit = readLimit(query.limit, undefined)
  const joins = new LookupJoins(registry, object, guard)
  const groups = readGroups(joins, query.groupBy)
  const measures = readMeasures(joins, query.aggregates, groups)

  const qb = knex(object.table)
  joins.apply(qb, knex)
  for (const group of groups) qb.select({ [group.alias]: group.column })
  for (const m of measures) {
    const target = { [m.alias]: m.column ?? '*' }
    if (m.fn === 'count') qb.count(target)
    else if (m.fn === 'sum') qb.sum(target)
    else if (m.fn === 'avg') qb.avg(target)
    else if (m.fn === 'min') qb.min(target)
    else qb.max(target)
  }
  if (groups.length > 0) qb.groupBy(groups.map((g) => g.column))
  applyFilter(qb, { registry, dialect, guard }, object, query.filter)
  const visible = guard?.rows(object, object.table)
  if (visible !== undefined) qb.whereRaw(`(${visible.sql})`, visible.bindings as Knex.RawBinding[])
  const aliases = new Map<string, string>([
    ...groups.map((g) => [g.name, g.alias] as const),
    ...measures.map((m) => [m.name, m.alias] as const),
  ])
  const order = sortEntries(query.sort)
  for (const { name, direction } of order) {
    const alias = aliases.get(name)
    if (alias === undefined)
      throw UnknownField.create(object.name, name, 'sort (a group or aggregate)')
    qb.orderByRaw(`?? ${direction} nulls last`, [alias])
  }
  for (const group of groups) {
    if (!order.some((o) => o.name === group.name)) qb.orderByRaw('?? asc nulls last', [group.alias])
  }
  if (limit !== undefined) qb.limit(limit)

  const rows = (await qb) as Record<string, unknown>[]
  return {
    groups: rows.map((row) => {
      const out: Record<string, unknown> = {}
      for (const g of groups) out[g.name] = fromColumn(g.field, row[g.alias], dialect)
      for (const m of measures) out[m.name] = measureValue(m, row[m.alias], dialect)
      return out
    }),
  }
}

function readGroups(joins: LookupJoins, groupBy: unknown): Group[] {
  if (groupBy === undefined) return []
  if (!Array.isArray(groupBy)) throw InvalidQuery.create('groupBy', 'expects a list of fields')
  if (groupBy.length > maxGroupBy) {
    throw InvalidQuery.create('groupBy', `at most ${maxGroupBy} fields, got ${groupBy.length}`)
  }
  return (groupBy as unknown[]).map((name, index) => {
    if (typeof name !== 'string') throw InvalidQuery.create('groupBy', 'expects field names')
    if (groupBy.indexOf(name) !== index) {
      throw InvalidQuery.create('groupBy', `"${name}" appears twice`)
    }
    const { path, column } = joins.column(name, 'groupBy')
    if (path.field.storage === 'json') {
      throw InvalidQuery.create(
        'groupBy',
        `"${name}" holds a list or JSON and cannot be grouped by`,
      )
    }
    return { name, field: path.field, column, alias: `g${index}` }
  })
}

function readMeasures(joins: LookupJoins, aggregates: unknown, groups: readonly Group[]) {
  if (!isPlainObject(aggregates) || Object.keys(aggregates).length === 0) {
    throw InvalidQuery.create(
      'aggregates',
      'expects { name: { fn, field } } with at least one entry',
    )
  }
  const entries = Object.entries(aggregates)
  if (entries.length > maxAggregates) {
    throw InvalidQuery.create('aggregates', `at most ${maxAggregates}, got ${entries.length}`)
  }
  return entries.map(([name, spec], index): Measure => {
    const where = `aggregates.${name}`
    if (!outputName.test(name) || groups.some((g) => g.name === name)) {
      throw InvalidQuery.create(
        where,
        'names must be identifiers and differ from the groupBy fields',
      )
    }
    if (!isPlainObject(spec) || Object.keys(spec).some((k) => k !== 'fn' && k !== 'field')) {
      throw InvalidQuery.create(where, 'expects { "fn": "count|sum|avg|min|max", "field": "..." }')
    }
    const fn = spec.fn as AggregateFunction
    if (!functions.includes(fn)) {
      throw InvalidQuery.create(
        `${where}.fn`,
        `expects one of ${functions.join(', ')}, got ${JSON.stringify(spec.fn)}`,
      )
    }
    if (spec.field === undefined) {
      if (fn !== 'count') throw InvalidQuery.create(`${where}.field`, `${fn} needs a field`)
      return { name, fn, field: undefined, column: undefined, alias: `a${index}` }
    }
    if (typeof spec.field !== 'string')
      throw InvalidQuery.create(`${where}.field`, 'expects a field name')
    const { path, column } = joins.column(spec.field, where)
    const storage = path.field.storage
    const numeric = storage === 'number' || storage === 'integer'
    if ((fn === 'sum' || fn === 'avg') && !numeric) {
      throw InvalidQuery.create(
        where,
        `${fn} needs a number field; "${spec.field}" is ${path.field.type}`,
      )
    }
    if ((fn === 'min' || fn === 'max') && (storage === 'json' || storage === 'boolean')) {
      throw InvalidQuery.create(where, `${fn} cannot compare "${spec.field}" (${path.field.type})`)
    }
    return { name, fn, field: path.field, column, alias: `a${index}` }
  })
}

function measureValue(m: Measure, raw: unknown, dialect: Dialect): unknown {
  if (m.fn === 'count') return Number(raw ?? 0)
  if (raw === null || raw === undefined || m.field === undefined) return null
  if (m.fn === 'min' || m.fn === 'max') return fromColumn(m.field, raw, dialect)
  const value = Number(raw)
  // Decimal columns sum exactly on PostgreSQL; round SQLite's float sum to the same scale.
  const type = columnTypeOf(m.field)
  return m.fn === 'sum' && type.kind === 'numeric' ? Number(value.toFixed(type.scale)) : value
}
