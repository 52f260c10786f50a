/**
 * Keyset cursors: an opaque base64url token holding the last row's sort values (and id) plus a
 * signature of the sort it was made for. The next page is "rows strictly after that position",
 * so rows inserted meanwhile neither shift a page (no duplicates) nor push one out (no gaps).
 * The token is not secret: its values are checked and bound like filter operands.
 */
import { createHash } from 'node:crypto'
import { InvalidCursor } from '@objectos/errors'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Dialect } from '../connection/database.js'
import { toColumn } from '../values/row-codec.js'
import { filterKindOf } from './filter-operators.js'
import { checkOperand } from './filter-values.js'
import type { ResolvedSortKey } from './sort-keys.js'
import { andAll, fragment, orAll, type SqlFragment } from './sql-fragment.js'

type CursorValue = string | number | boolean | null

const signatures = new WeakMap<ObjectNode, Map<string, string>>()

/** A short fingerprint of the object and sort; computed once per object and sort. */
function signature(object: ObjectNode, keys: readonly ResolvedSortKey[]): string {
  const order = keys.map((key) => `${key.field.name}:${key.direction}`).join(',')
  let known = signatures.get(object)
  if (known === undefined) {
    known = new Map()
    signatures.set(object, known)
  }
  let found = known.get(order)
  if (found === undefined) {
    found = createHash('sha256').update(`${object.name}|${order}`).digest('base64url').slice(0, 16)
    known.set(order, found)
  }
  return found
}

/** The cursor after a row, from that row's decoded sort values (in key order). */
export function encodeCursor(
  object: ObjectNode,
  keys: readonly ResolvedSortKey[],
  values: readonly unknown[],
): string {
  const body = JSON.stringify({ s: signature(object, keys), v: values })
  return Buffer.from(body, 'utf8').toString('base64url')
}

/** The sort values a cursor holds, or InvalidCursor if it is malformed or made for another sort. */
export function decodeCursor(
  object: ObjectNode,
  keys: readonly ResolvedSortKey[],
  cursor: unknown,
): CursorValue[] {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 4096) {
    throw InvalidCursor.create()
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw InvalidCursor.create()
  }
  const body = parsed as { s?: unknown; v?: unknown } | null
  if (typeof body !== 'object' || body === null || body.s !== signature(object, keys)) {
    throw InvalidCursor.create()
  }
  const values = body.v
  if (!Array.isArray(values) || values.length !== keys.length) throw InvalidCursor.create()
  keys.forEach((key, index) => {
    const value: unknown = values[index]
    if (value === null && key.field.name !== 'id') return
    try {
      checkOperand(
        key.field,
        filterKindOf(key.field),
        { path: key.field.name, op: 'cursor' },
        value,
      )
    } catch {
      throw InvalidCursor.create()
    }
  })
  return values as CursorValue[]
}

/**
 * "After the cursor position" as one predicate:
 * `k1 after v1 OR (k1 = v1 AND k2 after v2) OR …`. The id key is never NULL, so it is never empty.
 */
export function keysetFragment(
  qualifier: string,
  keys: readonly ResolvedSortKey[],
  values: readonly CursorValue[],
  dialect: Dialect,
): SqlFragment {
  const column = (key: ResolvedSortKey) => `${qualifier}.${key.field.column}`
  const bound = (key: ResolvedSortKey, value: CursorValue) => toColumn(key.field, value, dialect)
  const branches: SqlFragment[] = []
  keys.forEach((key, index) => {
    const value = values[index] ?? null
    // NULLs sort last: nothing follows a NULL within its own key.
    if (value === null) return
    const parts: SqlFragment[] = []
    for (let j = 0; j < index; j++) {
      const previous = keys[j] as ResolvedSortKey
      const equal = values[j] ?? null
      parts.push(
        equal === null
          ? fragment('?? is null', [column(previous)])
          : fragment('?? = ?', [column(previous), bound(previous, equal)]),
      )
    }
    const op = key.direction === 'asc' ? '>' : '<'
    parts.push(
      key.field.name === 'id'
        ? fragment(`?? ${op} ?`, [column(key), bound(key, value)])
        : fragment(`?? ${op} ? or ?? is null`, [column(key), bound(key, value), column(key)]),
    )
    branches.push(andAll(parts))
  })
  return orAll(branches)
}
