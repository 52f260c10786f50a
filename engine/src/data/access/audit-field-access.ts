/**
 * The audit trail under field-level security. Reading `sys_audit_event` or `sys_field_history`
 * must not reveal the values of fields the reader cannot read on the audited objects, so for a
 * reader who is neither an administrator nor the system:
 *
 * - `sys_field_history`: a row is read only when the reader may read its field on its object —
 *   compiled into the SQL of every read (lists, counts, aggregates, gets, expansions, GraphQL), so
 *   a hidden row is never selected. A field no longer defined is readable by nobody but
 *   administrators.
 * - `sys_audit_event`: a record write (`create`, `update`, `delete`) is read only when the reader
 *   may read its object at all, in the SQL as well. The identity layer's events (sign-ins, keys,
 *   organizations…) hold no field values and stay readable to whoever may read the trail.
 * - within each event read, `changes` keeps only the fields the reader may read on the event's
 *   object, and an identity event's `detail.email` (a user's, or an invitee's address) is kept
 *   only when the reader may read `email` on `sys_user` (`maskTrailChanges`, run on every row the
 *   read path returns).
 *
 * `changes`, `before` and `after` are JSON: the filter compiler only lets a JSON field be tested
 * for presence (`$null`, `$exists`) and refuses sorting and grouping by it, so no query can probe
 * a value the mask takes out.
 *
 * @example
 *   const extra = trailPredicate(access, principal, 'sys_field_history', 'sqlite')
 *   await maskTrailChanges(executor, guard, registry.object('sys_audit_event'), records)
 */
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import type { Dialect } from '../connection/database.js'
import type { QueryExecutor } from '../query/query-executor.js'
import { fragment, type SqlFragment } from '../query/sql-fragment.js'
import { runSelect } from '../query/select-statement.js'
import type { DataRecord } from '../values/row-codec.js'
import { objectAccess, type ObjectAccess } from './object-access.js'
import type { Principal } from './principal.js'
import type { ReadGuard } from './read-guard.js'

/** The platform objects the audit trail is kept in (metadata/objects/). */
export const trailEventObject = 'sys_audit_event'
export const trailHistoryObject = 'sys_field_history'

/** The object whose `email` an identity event's `detail.email` holds. */
const userObject = 'sys_user'

/** The event actions that are record writes, and so carry field values in `changes`. */
const writeActions = ['create', 'update', 'delete'] as const

/** What a principal may read of every object, as bound JSON for the predicates. */
interface ReadableJson {
  /** `["account", …]`: the objects the principal may read. */
  readonly objects: string
  /** `{"account": ["name", …], …}`: their readable fields. */
  readonly fields: string
}

/**
 * Keyed by the principal's access to a trail object: object-access.ts keeps one such value per
 * registry and combination of sets, so one entry serves every principal holding the same sets.
 */
const readableCache = new WeakMap<ObjectAccess, ReadableJson>()

function readableJson(access: ObjectAccess, principal: Principal): ReadableJson {
  let known = readableCache.get(access)
  if (known === undefined) {
    const objects: string[] = []
    const fields: Record<string, string[]> = {}
    for (const name of access.registry.objects.keys()) {
      const other = objectAccess(access.registry, principal, name)
      if (!other.read) continue
      objects.push(name)
      fields[name] = [...other.readable]
    }
    known = Object.freeze({ objects: JSON.stringify(objects), fields: JSON.stringify(fields) })
    readableCache.set(access, known)
  }
  return known
}

/**
 * The extra read predicate of a trail object over `qualifier`, or undefined: for other objects,
 * and for principals who read everything (administrators).
 */
export function trailPredicate(
  access: ObjectAccess,
  principal: Principal,
  qualifier: string,
  dialect: Dialect,
): SqlFragment | undefined {
  const { object } = access
  if (access.everything) return undefined
  if (object.name !== trailEventObject && object.name !== trailHistoryObject) return undefined
  const column = (name: string) => `${qualifier}.${object.fields.get(name)?.column ?? name}`
  const readable = readableJson(access, principal)
  if (object.name === trailHistoryObject) {
    // One bound document, expanded once into (object, field) pairs the rows are matched against.
    const pairs =
      dialect === 'sqlite'
        ? 'select o.key, f.value from json_each(?) as o, json_each(o.value) as f'
        : 'select o.key, f.value from jsonb_each(?::jsonb) as o(key, value), jsonb_array_elements_text(o.value) as f(value)'
    return fragment(`(??, ??) in (${pairs})`, [
      column('object_name'),
      column('field'),
      readable.fields,
    ])
  }
  const objects =
    dialect === 'sqlite'
      ? 'select value from json_each(?)'
      : 'select jsonb_array_elements_text(?::jsonb)'
  const writes = writeActions.map(() => '?').join(', ')
  // Parenthesised: callers may splice the predicate into SQL without wrapping it.
  return fragment(`(?? not in (${writes}) or ?? in (${objects}))`, [
    column('action'),
    ...writeActions,
    column('object_name'),
    readable.objects,
  ])
}

/**
 * Takes out of each event's `changes` the fields the guard's principal may not read on the
 * event's object, and `detail.email` unless it may read users' emails, in place. Events of
 * objects the principal may not read are not selected at all (`trailPredicate`); an event whose
 * object no longer exists keeps no field. Looks the objects up in one statement when the read did
 * not select `object_name`.
 */
export async function maskTrailChanges(
  executor: QueryExecutor,
  guard: ReadGuard,
  object: ObjectNode,
  records: readonly DataRecord[],
): Promise<void> {
  if (object.name !== trailEventObject || records.length === 0) return
  const access = guard.object(object)
  if (access.everything) return
  const { registry } = access
  const readable = new Map<string, ReadonlySet<string>>()
  const fieldsOf = (name: string): ReadonlySet<string> => {
    let fields = readable.get(name)
    if (fields === undefined) {
      fields = readableFields(registry, guard.principal, name)
      readable.set(name, fields)
    }
    return fields
  }
  for (const record of records) {
    const { detail } = record
    if (isMap(detail) && 'email' in detail && !fieldsOf(userObject).has('email')) {
      const { email: _hidden, ...rest } = detail
      record.detail = rest
    }
  }
  const masked = records.filter((record) => isMap(record.changes))
  if (masked.length === 0) return
  const objectOf = await objectNames(executor, object, masked)
  for (const record of masked) {
    const changes = record.changes as Record<string, unknown>
    const name = objectOf(record)
    const fields = name === undefined ? undefined : fieldsOf(name)
    const kept: Record<string, unknown> = {}
    for (const [field, change] of Object.entries(changes)) {
      if (fields?.has(field) === true) kept[field] = change
    }
    record.changes = kept
  }
}

function readableFields(
  registry: Registry,
  principal: Principal,
  name: string,
): ReadonlySet<string> {
  if (!registry.objects.has(name)) return new Set()
  const access = objectAccess(registry, principal, name)
  return access.read ? access.readable : new Set()
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Each record's `object_name`: as read, or looked up by id when the read left it out. */
async function objectNames(
  executor: QueryExecutor,
  object: ObjectNode,
  records: readonly DataRecord[],
): Promise<(record: DataRecord) => string | undefined> {
  const asRead = (record: DataRecord) =>
    typeof record.object_name === 'string' ? record.object_name : undefined
  if (records.every((record) => 'object_name' in record)) return asRead
  const ids = records.map((record) => record.id).filter((id) => typeof id === 'string')
  const idColumn = object.fields.get('id')?.column ?? 'id'
  const nameColumn = object.fields.get('object_name')?.column ?? 'object_name'
  const list =
    executor.dialect === 'sqlite'
      ? 'select value from json_each(?)'
      : 'select jsonb_array_elements_text(?::jsonb)'
  const rows = await runSelect(executor, {
    table: object.table,
    columns: [idColumn, nameColumn],
    where: [fragment(`?? in (${list})`, [`${object.table}.${idColumn}`, JSON.stringify(ids)])],
  })
  const byId = new Map(rows.map((row) => [row[idColumn], row[nameColumn]]))
  return (record) => {
    const name = 'object_name' in record ? record.object_name : byId.get(record.id)
    return typeof name === 'string' ? name : undefined
  }
}
