/**
 * Free-text search over the fields an object marks `searchable: true`: every word of the search
 * must occur, case-insensitively, in at least one of them (text fields by substring, tag-like
 * lists by element substring). It ANDs with the filter and uses the same escaped, bound LIKE
 * patterns as `$contains`.
 */
import { InvalidQuery } from '@objectos/errors'
import type { Knex } from 'knex'
import type { FieldNode } from '../../ir/field-node.js'
import type { ObjectNode } from '../../ir/object-node.js'
import type { FilterContext } from './compile-filter.js'
import { filterKindOf } from './filter-operators.js'
import { likeEscape, likePattern } from './like-pattern.js'
import { alwaysFalse, andAll, fragment, orAll, type SqlFragment } from './sql-fragment.js'

export const maxSearchWords = 10
export const maxSearchLength = 200

/** Text and list fields the object marks searchable. */
export function searchableFields(object: ObjectNode): FieldNode[] {
  return [...object.fields.values()].filter((field) => {
    const kind = filterKindOf(field)
    return isSearchable(field) && (kind === 'text' || (kind === 'list' && field.storage === 'json'))
  })
}

function isSearchable(field: FieldNode): boolean {
  return field.searchable
}

/**
 * @example
 *   applySearch(qb, { registry, dialect }, account, 'acme berlin')
 */
export function applySearch<Q extends Knex.QueryBuilder>(
  qb: Q,
  ctx: FilterContext,
  object: ObjectNode,
  search: unknown,
): Q {
  const compiled = searchFragment(ctx, object, search)
  if (compiled !== undefined)
    qb.whereRaw(`(${compiled.sql})`, compiled.bindings as Knex.RawBinding[])
  return qb
}

/** The search as one SQL predicate, or undefined when there is nothing to search for. */
export function searchFragment(
  ctx: FilterContext,
  object: ObjectNode,
  search: unknown,
): SqlFragment | undefined {
  if (search === undefined) return undefined
  if (typeof search !== 'string') throw InvalidQuery.create('search', 'expects a string')
  if (search.length > maxSearchLength) {
    throw InvalidQuery.create('search', `at most ${maxSearchLength} characters`)
  }
  const words = search.split(/\s+/).filter((w) => w !== '')
  if (words.length === 0) return undefined
  if (words.length > maxSearchWords) {
    throw InvalidQuery.create('search', `at most ${maxSearchWords} words, got ${words.length}`)
  }
  const searchable = searchableFields(object)
  if (searchable.length === 0) {
    throw InvalidQuery.create('search', `${object.name} has no searchable fields`)
  }
  // Only fields the principal may read are searched: a match must not reveal a hidden value.
  const readable = ctx.guard?.readableFields(object)
  const fields =
    readable === undefined ? searchable : searchable.filter((f) => readable.includes(f.name))
  if (fields.length === 0) return alwaysFalse
  const qualifier = ctx.alias ?? object.table
  const like = ctx.dialect === 'postgres' ? 'ilike' : 'like'
  const elements =
    ctx.dialect === 'postgres'
      ? 'select 1 from jsonb_array_elements_text(??) as oos_s(v) where oos_s.v'
      : 'select 1 from json_each(??) as oos_s where oos_s.value'
  // Every word must match (AND); each word may match any searchable field (OR).
  return andAll(
    words.map((word) => {
      const pattern = likePattern(word, 'contains')
      return orAll(
        fields.map((field) => {
          const column = `${qualifier}.${field.column}`
          return field.multiple
            ? fragment(`exists (${elements} ${like} ? escape '${likeEscape}')`, [column, pattern])
            : fragment(`?? ${like} ? escape '${likeEscape}'`, [column, pattern])
        }),
      )
    }),
  )
}
