/**
 * The fields a filter proves non-empty: a top-level (or `$and`) condition that no NULL can meet,
 * such as `{ amount: { $gte: 100 } }`. Sorting on such a field needs no `NULLS LAST`, which lets
 * PostgreSQL read an index in order instead of sorting every matching row.
 *
 * @example
 *   nonNullFields({ amount: { $gte: 100 }, stage: 'open' }) // → Set { 'amount', 'stage' }
 */
import { isPlainObject } from './compile-filter.js'

/** Operators that never match a NULL value. */
const nullRejecting: ReadonlySet<string> = new Set([
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$between',
  '$in',
  '$contains',
  '$startsWith',
  '$endsWith',
])

export function nonNullFields(filter: unknown): Set<string> {
  const out = new Set<string>()
  collect(filter, out)
  return out
}

function collect(filter: unknown, out: Set<string>): void {
  if (!isPlainObject(filter)) return
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) collect(part, out)
    } else if (!key.startsWith('$') && !key.includes('.') && rejectsNull(value)) {
      out.add(key)
    }
  }
}

function rejectsNull(condition: unknown): boolean {
  if (condition === null) return false
  if (!isPlainObject(condition)) return true
  return Object.entries(condition).some(
    ([op, operand]) =>
      nullRejecting.has(op) ||
      (op === '$eq' && operand !== null) ||
      (op === '$null' && operand === false),
  )
}
