/**
 * Converts between record values (what callers read and write) and column values (what each
 * dialect stores): booleans are 0/1 and JSON is text on SQLite; JSON is always sent as text so pg
 * does not turn arrays into PostgreSQL arrays. The query compiler binds filter values through
 * `toColumn` too, so a filter compares like with like.
 *
 * @example
 *   const raw = toColumn(field, true, 'sqlite') // 1
 *   fromColumn(field, raw, 'sqlite') // true
 */
import type { FieldNode } from '../../ir/field-node.js'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Dialect } from '../connection/database.js'

export type DataRecord = Record<string, unknown>

export function toColumn(field: FieldNode, value: unknown, dialect: Dialect): unknown {
  if (value === null || value === undefined) return null
  switch (field.storage) {
    case 'boolean':
      return dialect === 'sqlite' ? (value ? 1 : 0) : Boolean(value)
    case 'json':
      return JSON.stringify(value)
    default:
      return value
  }
}

export function fromColumn(field: FieldNode, raw: unknown, dialect: Dialect): unknown {
  if (raw === null || raw === undefined) return field.multiple ? [] : null
  switch (field.storage) {
    case 'boolean':
      return dialect === 'sqlite' ? raw === 1 || raw === true : Boolean(raw)
    case 'json':
      return typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw
    case 'number':
    case 'integer':
      return typeof raw === 'string' ? Number(raw) : raw
    default:
      return raw
  }
}

/** Decodes a selected row: column names → field names, raw values → record values. */
export function decodeRow(
  object: ObjectNode,
  row: Readonly<Record<string, unknown>>,
  dialect: Dialect,
  fields: readonly string[] | undefined = undefined,
): DataRecord {
  const out: DataRecord = {}
  const names = fields ?? [...object.fields.keys()]
  for (const name of names) {
    const field = object.fields.get(name)
    if (field === undefined || !(field.column in row)) continue
    out[name] = fromColumn(field, row[field.column], dialect)
  }
  return out
}
