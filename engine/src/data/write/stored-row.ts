/**
 * Reads and writes whole rows for the write path: the stored record before an update or delete
 * (locked FOR UPDATE on PostgreSQL), and the encoding of a full record into columns.
 */
import type { Knex } from 'knex'
import type { SqlFragment } from '../query/sql-fragment.js'
import type { ObjectNode } from '../../ir/object-node.js'
import { decodeRow, toColumn, type DataRecord } from '../values/row-codec.js'
import type { Executor } from './data-context.js'

export async function loadStoredRow(
  trx: Executor,
  object: ObjectNode,
  id: string,
  /** Only a row this predicate selects (the principal's read access) is loaded. */
  visible?: SqlFragment,
): Promise<DataRecord | undefined> {
  const query = trx.knex(object.table).select('*').where('id', id)
  if (visible !== undefined) {
    query.whereRaw(`(${visible.sql})`, visible.bindings as Knex.RawBinding[])
  }
  if (trx.dialect === 'postgres') query.forUpdate()
  const row = (await query.first()) as Record<string, unknown> | undefined
  return row === undefined ? undefined : decodeRow(object, row, trx.dialect)
}

/** The columns for the given fields of a record. */
export function encodeColumns(
  object: ObjectNode,
  record: Readonly<Record<string, unknown>>,
  fields: Iterable<string>,
  trx: Executor,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const name of fields) {
    const field = object.fields.get(name)
    if (field !== undefined) out[field.column] = toColumn(field, record[name], trx.dialect)
  }
  return out
}

/** Every field of the object present, empty ones as null (lists as []). */
export function completeRecord(object: ObjectNode, record: Readonly<DataRecord>): DataRecord {
  const out: DataRecord = {}
  for (const field of object.fields.values()) {
    const value = record[field.name]
    out[field.name] = value === undefined || value === null ? (field.multiple ? [] : null) : value
  }
  return out
}
