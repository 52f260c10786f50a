/**
 * Reads a list request's query string into the engine's FindQuery: `filter` (JSON in the spec's
 * canonical form), `sort=-amount,name`, `limit`, `offset`, `cursor`, `fields=a,b`, `expand=a,b`,
 * `count=true`, `search`. A parameter it does not know, or cannot read, is a 400 naming it.
 *
 * @example
 *   listQuery({ filter: '{"amount":{"$gte":100}}', sort: '-amount', limit: '20' })
 *   // → { filter: { amount: { $gte: 100 } }, sort: ['-amount'], limit: 20 }
 */
import { InvalidQuery } from '@objectos/errors'
import type { FindQuery } from '../../data/query/query-types.js'

const known = ['filter', 'sort', 'limit', 'offset', 'cursor', 'fields', 'expand', 'count', 'search']

export function listQuery(params: Readonly<Record<string, unknown>>): FindQuery {
  for (const name of Object.keys(params)) {
    if (!known.includes(name)) {
      throw InvalidQuery.create(name, `is not a list parameter (parameters: ${known.join(', ')})`)
    }
  }
  const text = (name: string): string | undefined => {
    const value = params[name]
    if (value === undefined) return undefined
    if (typeof value !== 'string') throw InvalidQuery.create(name, 'must be given once')
    return value
  }
  const list = (name: string) =>
    text(name)
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
  const integer = (name: string): number | undefined => {
    const value = text(name)
    if (value === undefined) return undefined
    if (!/^\d{1,9}$/.test(value)) throw InvalidQuery.create(name, 'must be a whole number')
    return Number(value)
  }
  const filterText = text('filter')
  let filter: FindQuery['filter']
  if (filterText !== undefined) {
    try {
      filter = JSON.parse(filterText) as FindQuery['filter']
    } catch {
      throw InvalidQuery.create('filter', 'must be JSON, like {"amount":{"$gte":100}}')
    }
  }
  const count = text('count')
  if (count !== undefined && count !== 'true' && count !== 'false') {
    throw InvalidQuery.create('count', 'must be true or false')
  }
  return {
    filter,
    sort: list('sort'),
    limit: integer('limit'),
    offset: integer('offset'),
    cursor: text('cursor'),
    fields: list('fields'),
    expand: list('expand'),
    count: count === undefined ? undefined : count === 'true',
    search: text('search'),
  }
}
