/**
 * Writes the audit trail's rows: one `sys_audit_event` per event, in one INSERT whose SQL text is
 * built once per object node and dialect (only the values are bound per call), and the
 * `sys_field_history` rows of one write in one multi-row INSERT. Rows carry the engine's system
 * columns like any record — a new id, timestamps, version 1, and the actor as creator and owner,
 * so the sharing model lets a user read the events they caused.
 *
 * @example
 *   await insertAuditEvent(trx, registry.object(auditObject), {
 *     at: new Date(), actor: userId, door: 'rest', action: 'update',
 *     objectName: 'account', recordId: id, changes: { rating: { before: 3, after: 4 } }, detail: null,
 *   })
 */
import type { Knex } from 'knex'
import type { Executor } from '../data/write/data-context.js'
import { newRecordId } from '../data/write/new-record-id.js'
import { toColumn } from '../data/values/row-codec.js'
import type { FieldNode } from '../ir/field-node.js'
import type { ObjectNode } from '../ir/object-node.js'
import type { RecordChanges } from './record-changes.js'

/** The platform objects the trail is kept in (metadata/objects/). */
export const auditObject = 'sys_audit_event'
export const historyObject = 'sys_field_history'

export interface AuditEntry {
  readonly at: Date
  /** The user who acted; null for the engine itself or an unknown caller. */
  readonly actor: string | null
  readonly door: string
  readonly action: string
  readonly objectName: string | null
  readonly recordId: string | null
  readonly changes: RecordChanges | null
  readonly detail: Readonly<Record<string, unknown>> | null
}

export interface HistoryEntry {
  readonly objectName: string
  readonly recordId: string
  readonly field: string
  readonly before: unknown
  readonly after: unknown
  readonly at: Date
  readonly actor: string | null
}

export async function insertAuditEvent(
  executor: Executor,
  object: ObjectNode,
  entry: AuditEntry,
): Promise<void> {
  const row = {
    ...systemValues(entry.at, entry.actor),
    occurred_at: entry.at.toISOString(),
    actor: entry.actor,
    door: entry.door,
    action: entry.action,
    object_name: entry.objectName,
    record_id: entry.recordId,
    changes: entry.changes,
    detail: entry.detail,
  }
  const statement = insertStatement(executor, object)
  await executor.knex.raw(statement.sql, bindings(statement, row, executor) as Knex.RawBinding[])
}

export async function insertFieldHistory(
  executor: Executor,
  object: ObjectNode,
  entries: readonly HistoryEntry[],
): Promise<void> {
  if (entries.length === 0) return
  const rows = entries.map((entry) =>
    columns(
      object,
      {
        ...systemValues(entry.at, entry.actor),
        object_name: entry.objectName,
        record_id: entry.recordId,
        field: entry.field,
        before: entry.before,
        after: entry.after,
        changed_at: entry.at.toISOString(),
        changed_by: entry.actor,
      },
      executor,
    ),
  )
  await executor.knex(object.table).insert(rows)
}

function systemValues(at: Date, actor: string | null): Record<string, unknown> {
  const stamp = at.toISOString()
  return {
    id: newRecordId(at.getTime()),
    created_at: stamp,
    updated_at: stamp,
    created_by: actor,
    updated_by: actor,
    owner_id: actor,
    version: 1,
  }
}

/** The row's values in the order the INSERT text lists the columns, encoded for the dialect. */
function bindings(
  statement: InsertStatement,
  values: Readonly<Record<string, unknown>>,
  executor: Executor,
): unknown[] {
  return statement.fields.map((field) =>
    toColumn(field, values[field.name] ?? null, executor.dialect),
  )
}

function columns(
  object: ObjectNode,
  values: Readonly<Record<string, unknown>>,
  executor: Executor,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const field of object.fields.values()) {
    out[field.column] = toColumn(field, values[field.name] ?? null, executor.dialect)
  }
  return out
}

interface InsertStatement {
  readonly sql: string
  /** The fields in the order of the statement's placeholders. */
  readonly fields: readonly FieldNode[]
}

/** INSERT texts per object node and dialect; a reload brings new nodes, hence new texts. */
const statements = new WeakMap<ObjectNode, Map<string, InsertStatement>>()

function insertStatement(executor: Executor, object: ObjectNode): InsertStatement {
  let known = statements.get(object)
  if (known === undefined) {
    known = new Map()
    statements.set(object, known)
  }
  let statement = known.get(executor.dialect)
  if (statement === undefined) {
    // Compiled once with each column's position as its value: the bindings knex returns say in
    // which order it lists the columns (it sorts them); the text keeps `?` and is reused.
    const fields = [...object.fields.values()]
    const sample = Object.fromEntries(fields.map((field, index) => [field.column, index]))
    const compiled = executor.knex(object.table).insert(sample).toSQL()
    const order = compiled.bindings.map((position) => fields[Number(position)] as FieldNode)
    statement = { sql: compiled.sql, fields: order }
    known.set(executor.dialect, statement)
  }
  return statement
}
