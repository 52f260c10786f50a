/**
 * Lists records: filter, sort, limit/offset or keyset cursor, field selection, expansion and an
 * opt-in total. One SELECT for the page (limit + 1 rows, to know whether more follow), one per
 * expanded path and one for the count — the number of statements never depends on the rows.
 */
import { InvalidQuery } from '@objectos/errors'
import type { Knex } from 'knex'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import { maskTrailChanges } from '../access/audit-field-access.js'
import { readGuard } from '../access/read-guard.js'
import { fromColumn, rowDecoder } from '../values/row-codec.js'
import { compileFilter, type FilterContext } from './compile-filter.js'
import { planExpand } from './expand-plan.js'
import { expandRecords } from './expand-records.js'
import { decodeCursor, encodeCursor, keysetFragment } from './query-cursor.js'
import type { QueryExecutor } from './query-executor.js'
import { checkQueryKeys, readFields, readFlag, readLimit, readOffset } from './query-params.js'
import { defaultLimit, type FindOptions, type FindQuery, type FindResult } from './query-types.js'
import { searchFragment } from './search-filter.js'
import { runSelect } from './select-statement.js'
import type { SqlFragment } from './sql-fragment.js'
import { nonNullFields } from './non-null-fields.js'
import { parseSort, sortFragment } from './sort-keys.js'

const findKeys = [
  'filter',
  'search',
  'sort',
  'limit',
  'offset',
  'cursor',
  'fields',
  'expand',
  'count',
] as const

/**
 * @example
 *   const page = await findRecords(db, registry, 'opportunity', {
 *     filter: { amount: { $gte: 1000 }, 'account.industry': 'tech' },
 *     sort: ['-amount'],
 *     limit: 20,
 *     expand: ['account'],
 *   })
 *   const next = await findRecords(db, registry, 'opportunity', { ...same, cursor: page.nextCursor })
 */
export async function findRecords(
  executor: QueryExecutor,
  registry: Registry,
  objectName: string,
  query: FindQuery = {},
  options: FindOptions = {},
): Promise<FindResult> {
  const object = registry.object(objectName)
  checkQueryKeys(query, findKeys)
  const limit = readLimit(query.limit, defaultLimit, options.maxLimit)
  const offset = readOffset(query.offset)
  const withCount = readFlag(query.count, 'count')
  if (query.cursor !== undefined && query.offset !== undefined) {
    throw InvalidQuery.create(
      'offset',
      'cannot be combined with cursor; a cursor already says where to start',
    )
  }
  const { dialect } = executor
  // A principal reads only what it may: the object, its readable fields, its visible rows.
  const guard =
    options.principal === undefined ? undefined : readGuard(registry, options.principal, dialect)
  guard?.object(object)
  const requested = readFields(object, query.fields)
  for (const name of requested ?? []) {
    const field = object.fields.get(name)
    if (field !== undefined) guard?.checkField(object, field, 'read')
  }
  const output = requested ?? guard?.readableFields(object)
  const sort = parseSort(object, query.sort)
  for (const key of sort) guard?.checkField(object, key.field, 'sort by')
  const expansion = planExpand(registry, object, query.expand, guard)
  const cursor = query.cursor === undefined ? undefined : decodeCursor(object, sort, query.cursor)

  // The page query also needs the sort columns (for the next cursor) and the lookups to expand.
  const outputNames = output === undefined ? undefined : [...output]
  for (const node of expansion) {
    if (node.kind === 'lookup' && outputNames !== undefined && !outputNames.includes(node.key)) {
      outputNames.push(node.key)
    }
  }
  const selected = new Set(outputNames ?? object.fields.keys())
  for (const key of sort) selected.add(key.field.name)

  const { knex } = executor
  const ctx: FilterContext = { registry, dialect, guard }
  const table = object.table
  const filtering = conditions(ctx, object, query)
  const visible = guard?.rows(object, table)
  if (visible !== undefined) filtering.push(visible)
  const where =
    cursor === undefined ? filtering : [...filtering, keysetFragment(table, sort, cursor, dialect)]
  // The page query joins nothing (lookups are filtered through subqueries), so its own columns
  // need no table prefix.
  const rows = await runSelect(executor, {
    table,
    columns: [...selected].map((name) => object.fields.get(name)?.column ?? name),
    where,
    orderBy: sortFragment(table, sort, nonNullFields(query.filter)),
    limit: limit + 1,
    offset,
  })

  const more = rows.length > limit
  const pageRows = more ? rows.slice(0, limit) : rows
  const records = pageRows.map(rowDecoder(object, dialect, outputNames))
  if (guard !== undefined) await maskTrailChanges(executor, guard, object, records)
  const last = pageRows.at(-1)
  const nextCursor =
    more && last !== undefined
      ? encodeCursor(
          object,
          sort,
          sort.map((key) => fromColumn(key.field, last[key.field.column], dialect)),
        )
      : undefined

  await expandRecords(executor, expansion, records, guard)

  let total: number | undefined
  if (withCount) {
    const counter = knex(table).count({ n: '*' })
    for (const part of filtering) {
      counter.whereRaw(`(${part.sql})`, part.bindings as Knex.RawBinding[])
    }
    const [row] = (await counter) as { n: unknown }[]
    total = Number(row?.n ?? 0)
  }
  return { records, nextCursor, total }
}

/** The filter and the search, each as one predicate (none when they restrict nothing). */
function conditions(ctx: FilterContext, object: ObjectNode, query: FindQuery): SqlFragment[] {
  const parts: SqlFragment[] = []
  const filter = compileFilter(ctx, object, query.filter)
  if (filter !== undefined) parts.push(filter)
  const search = searchFragment(ctx, object, query.search)
  if (search !== undefined) parts.push(search)
  return parts
}
