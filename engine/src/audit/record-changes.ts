/**
 * What a write changed, field by field, as the audit trail keeps it: `{ field: { before, after } }`
 * with the values as the API shows them. A create has `before: null` for every field it filled, a
 * delete `after: null` for every field that held a value, an update only the fields whose value
 * differs. The engine's own bookkeeping columns are left out; `owner_id` stays, because changing
 * the owner changes who may see the record.
 *
 * @example
 *   recordChanges(account, { name: 'Acme', rating: 3 }, { name: 'Acme', rating: 4 })
 *   // → { rating: { before: 3, after: 4 } }
 */
import type { FieldNode } from '../ir/field-node.js'
import type { ObjectNode } from '../ir/object-node.js'

export interface FieldChange {
  readonly before: unknown
  readonly after: unknown
}

export type RecordChanges = Record<string, FieldChange>

type Values = Readonly<Record<string, unknown>>

/** System columns the trail does not repeat: the id is `record_id`, the rest is bookkeeping. */
const untracked: ReadonlySet<string> = new Set([
  'id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'version',
])

/** `before` undefined: a create; `after` undefined: a delete. */
export function recordChanges(
  object: ObjectNode,
  before: Values | undefined,
  after: Values | undefined,
): RecordChanges {
  const changes: RecordChanges = {}
  for (const field of object.fields.values()) {
    if (untracked.has(field.name)) continue
    const old = before === undefined ? null : stored(field, before[field.name])
    const now = after === undefined ? null : stored(field, after[field.name])
    if (!sameValue(old, now)) changes[field.name] = { before: old, after: now }
  }
  return changes
}

/** An empty value (missing, null, an empty list) is null, so "unset" and "empty" compare equal. */
function stored(field: FieldNode, value: unknown): unknown {
  if (value === undefined || value === null) return null
  if (field.multiple && Array.isArray(value) && value.length === 0) return null
  return value
}

/** Canonical values: scalars compare with ===, lists and JSON documents by their JSON text. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  return JSON.stringify(a) === JSON.stringify(b)
}
