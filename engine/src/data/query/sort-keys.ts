/**
 * Parses `sort` (`['-amount', 'name']` or `{ field, direction }` keys) into a total order: the
 * record id is appended as the last key, so ties never reorder between pages. NULLs sort last in
 * both directions on both dialects (an empty close date is neither the earliest nor the latest).
 */
import { InvalidQuery, UnknownField } from '@objectos/errors'
import type { Knex } from 'knex'
import type { FieldNode } from '../../ir/field-node.js'
import type { ObjectNode } from '../../ir/object-node.js'
import { isPlainObject } from './compile-filter.js'
import { fragment, type SqlFragment } from './sql-fragment.js'

export interface ResolvedSortKey {
  readonly field: FieldNode
  readonly direction: 'asc' | 'desc'
}

/** More keys than this is a mistake, not a sort order. */
export const maxSortKeys = 8

/** One `sort` entry as a name and a direction; `'-x'` is descending, `'x'` or `'+x'` ascending. */
export function sortEntry(
  entry: unknown,
  index: number,
): { name: string; direction: 'asc' | 'desc' } {
  if (typeof entry === 'string') {
    if (entry.startsWith('-')) return { name: entry.slice(1), direction: 'desc' }
    return { name: entry.startsWith('+') ? entry.slice(1) : entry, direction: 'asc' }
  }
  if (isPlainObject(entry) && typeof entry.field === 'string') {
    const direction = entry.direction ?? 'asc'
    const extra = Object.keys(entry).filter((k) => k !== 'field' && k !== 'direction')
    if ((direction === 'asc' || direction === 'desc') && extra.length === 0) {
      return { name: entry.field, direction }
    }
  }
  throw InvalidQuery.create(
    `sort[${index}]`,
    'expects "field", "-field" or { "field": "...", "direction": "asc" | "desc" }',
  )
}

/** Sort entries as given, checked: a list, no duplicates, not too many. */
export function sortEntries(sort: unknown): { name: string; direction: 'asc' | 'desc' }[] {
  if (sort === undefined) return []
  if (!Array.isArray(sort)) throw InvalidQuery.create('sort', 'expects a list of sort keys')
  if (sort.length > maxSortKeys) {
    throw InvalidQuery.create('sort', `at most ${maxSortKeys} keys, got ${sort.length}`)
  }
  const entries = sort.map((entry: unknown, index) => sortEntry(entry, index))
  const seen = new Set<string>()
  for (const { name } of entries) {
    if (seen.has(name)) throw InvalidQuery.create('sort', `"${name}" appears twice`)
    seen.add(name)
  }
  return entries
}

/**
 * @example
 *   parseSort(opportunity, ['-amount']) // [amount desc, id asc]
 */
export function parseSort(object: ObjectNode, sort: unknown): ResolvedSortKey[] {
  const keys: ResolvedSortKey[] = sortEntries(sort).map(({ name, direction }) => {
    const field = object.fields.get(name)
    if (field === undefined) throw UnknownField.create(object.name, name, 'sort')
    if (field.storage === 'json') {
      throw InvalidQuery.create('sort', `"${name}" holds a list or JSON and cannot be sorted on`)
    }
    return { field, direction }
  })
  const id = object.fields.get('id')
  if (id === undefined) throw UnknownField.create(object.name, 'id', 'sort')
  if (!keys.some((key) => key.field === id)) keys.push({ field: id, direction: 'asc' })
  return keys
}

export function applySort(
  qb: Knex.QueryBuilder,
  qualifier: string,
  keys: readonly ResolvedSortKey[],
  nonNull: ReadonlySet<string> = new Set(),
) {
  const order = sortFragment(qualifier, keys, nonNull)
  qb.orderByRaw(order.sql, order.bindings as Knex.RawBinding[])
}

/** The ORDER BY list (without the keywords) for `keys`, NULLs last. */
export function sortFragment(
  qualifier: string,
  keys: readonly ResolvedSortKey[],
  nonNull: ReadonlySet<string> = new Set(),
): SqlFragment {
  return fragment(
    keys
      .map((key) => {
        // The id is never NULL, nor is a field the filter proves set: a bare direction lets
        // PostgreSQL walk an index either way instead of sorting.
        const nulls = key.field.name === 'id' || nonNull.has(key.field.name) ? '' : ' nulls last'
        return `?? ${key.direction}${nulls}`
      })
      .join(', '),
    keys.map((key) => `${qualifier}.${key.field.column}`),
  )
}
