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
      // SQLite keeps the JSON text; pg hands jsonb back parsed, so a JSON string arrives as one.
      return dialect === 'sqlite' && typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw
    case 'number':
    case 'integer':
      return typeof raw === 'string' ? Number(raw) : raw
    default:
      return raw
  }
}

export type Decoder = (row: Readonly<Record<string, unknown>>) => DataRecord

/** Decoders per object, field list and dialect: built once, reused for every row. */
const decoders = new WeakMap<ObjectNode, Map<string, Decoder>>()

/**
 * Decodes a selected row: column names → field names, raw values → record values. The row
 * object is reused as the record (the driver made it for this call only); the decoder for an
 * object and field list is built once.
 */
export function decodeRow(
  object: ObjectNode,
  row: Readonly<Record<string, unknown>>,
  dialect: Dialect,
  fields: readonly string[] | undefined = undefined,
): DataRecord {
  return rowDecoder(object, dialect, fields)(row)
}

/**
 * The decoder for rows of `object` holding `fields` (default: every field); take it once per
 * result set and apply it to each row.
 */
export function rowDecoder(
  object: ObjectNode,
  dialect: Dialect,
  fields: readonly string[] | undefined = undefined,
): Decoder {
  let byKey = decoders.get(object)
  if (byKey === undefined) {
    byKey = new Map()
    decoders.set(object, byKey)
  }
  const key = fields === undefined ? dialect : `${dialect}|${fields.join(',')}`
  let decode = byKey.get(key)
  if (decode === undefined) {
    decode = buildDecoder(object, dialect, fields)
    // Field lists come from callers; keep the cache bounded whatever they send.
    if (byKey.size < 256) byKey.set(key, decode)
  }
  return decode
}

function buildDecoder(
  object: ObjectNode,
  dialect: Dialect,
  fields: readonly string[] | undefined,
): Decoder {
  const names = fields ?? [...object.fields.keys()]
  const known = names.flatMap((name) => {
    const field = object.fields.get(name)
    return field === undefined ? [] : [field]
  })
  // Strings, dates and references come back as they are stored; only these need converting.
  // SQLite hands back numbers as numbers; pg may hand back numeric columns as strings.
  const converted = known.filter(
    (field) =>
      field.multiple ||
      field.storage === 'boolean' ||
      field.storage === 'json' ||
      (dialect === 'postgres' && (field.storage === 'number' || field.storage === 'integer')),
  )
  if (known.every((field) => field.column === field.name)) {
    // Columns are named like their fields: the driver's row becomes the record in place, which
    // keeps a page of rows from allocating a second object per row.
    const wanted = new Set(names)
    const trim = fields !== undefined
    return (row) => {
      const record = row as DataRecord
      for (const field of converted) {
        if (field.name in record)
          record[field.name] = fromColumn(field, record[field.name], dialect)
      }
      if (trim) {
        for (const key of Object.keys(record)) if (!wanted.has(key)) delete record[key]
      }
      return record
    }
  }
  const plan = known.map((field) => ({ field, convert: converted.includes(field) }))
  return (row) => {
    const out: DataRecord = {}
    for (const { field, convert } of plan) {
      if (!(field.column in row)) continue
      const raw = row[field.column]
      out[field.name] = convert ? fromColumn(field, raw, dialect) : (raw ?? null)
    }
    return out
  }
}
