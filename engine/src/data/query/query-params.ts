/**
 * Checks the plain parameters of a query — which keys it has, `limit`, `offset`, `fields`,
 * `count` — before any SQL is built. Queries arrive from HTTP as JSON, so nothing is trusted
 * to match its TypeScript type, and an unknown key is an error rather than a silent no-op.
 */
import { InvalidQuery, UnknownField } from '@objectos/errors'
import type { ObjectNode } from '../../ir/object-node.js'
import { isPlainObject } from './compile-filter.js'
import { defaultLimit, maxLimit } from './query-types.js'

/** The query itself is an object with only the keys its kind allows. */
export function checkQueryKeys(
  query: unknown,
  allowed: readonly string[],
): Readonly<Record<string, unknown>> {
  if (!isPlainObject(query)) throw InvalidQuery.create('query', 'expects an object')
  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) {
      throw InvalidQuery.create(
        key,
        `unknown query parameter; expected one of ${allowed.join(', ')}`,
      )
    }
  }
  return query
}

/** A whole number from 1 to `max` (default 500); `fallback` (default 50) when absent. */
export function readLimit<F extends number | undefined = number>(
  value: unknown,
  fallback: F = defaultLimit as F,
  max: number = maxLimit,
): number | F {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw InvalidQuery.create(
      'limit',
      `expects a whole number from 1 to ${max}, got ${String(value)}`,
    )
  }
  return value
}

export function readOffset(value: unknown): number {
  if (value === undefined) return 0
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw InvalidQuery.create('offset', `expects a whole number of 0 or more, got ${String(value)}`)
  }
  return value
}

export function readFlag(value: unknown, parameter: string): boolean {
  if (value === undefined) return false
  if (typeof value !== 'boolean') throw InvalidQuery.create(parameter, 'expects true or false')
  return value
}

/** The fields to return (always with `id`), or undefined for every field. */
export function readFields(object: ObjectNode, value: unknown): string[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value)) throw InvalidQuery.create('fields', 'expects a list of field names')
  const names = new Set<string>(['id'])
  for (const name of value as unknown[]) {
    if (typeof name !== 'string') throw InvalidQuery.create('fields', 'expects field names')
    if (!object.fields.has(name)) throw UnknownField.create(object.name, name, 'fields')
    names.add(name)
  }
  return [...names]
}
