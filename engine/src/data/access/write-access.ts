/**
 * The write side of access, checked inside the write's transaction before anything changes:
 * the object permission, the record's reach (a record the principal may not read is
 * RecordNotFound, exactly like a missing one; one it may read but not change is
 * RecordAccessDenied), every field written must be editable, and choosing or changing the owner
 * needs `allowTransfer`. Answers are masked to the readable fields.
 *
 * @example
 *   checkCreate(registry, principal, object, input)          // before the record is prepared
 *   checkChange(registry, principal, object, row, patch, 'edit')
 */
import {
  FieldAccessDenied,
  ObjectAccessDenied,
  OwnerChangeDenied,
  RecordAccessDenied,
  RecordNotFound,
  RowPolicyDenied,
  ViewOnly,
} from '@objectos/errors'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import { objectAccess, type ObjectAccess } from './object-access.js'
import type { Principal } from './principal.js'
import type { Dialect } from '../connection/database.js'
import { alwaysFalse, orAll, type SqlFragment } from '../query/sql-fragment.js'
import type { Executor } from '../write/data-context.js'
import { policyCheckSql, rowPredicate, type RowMode } from './row-access.js'

export function checkCreate(
  registry: Registry,
  principal: Principal,
  object: ObjectNode,
  input: unknown,
): void {
  if (principal.viewedBy !== undefined) throw ViewOnly.create()
  const access = objectAccess(registry, principal, object.name)
  if (!access.create) throw ObjectAccessDenied.create('create', object.name)
  checkFields(access, principal, object, input, undefined)
}

/**
 * The checks on a record the write path loaded under writeLoadPredicate (so the principal may
 * read it): the object right, then whether the record is within the principal's edit (or delete)
 * reach — one query with the same predicate the reads use — then the fields written.
 */
export async function checkChange(
  trx: Executor,
  registry: Registry,
  principal: Principal,
  object: ObjectNode,
  row: Readonly<Record<string, unknown>>,
  patch: unknown,
  operation: 'edit' | 'delete',
): Promise<void> {
  if (principal.viewedBy !== undefined) throw ViewOnly.create()
  const access = objectAccess(registry, principal, object.name)
  const id = String(row.id)
  if (!access.read) throw RecordNotFound.create(object.name, id)
  if (operation === 'edit' ? !access.edit : !access.delete) {
    throw ObjectAccessDenied.create(operation, object.name)
  }
  if (!(await rowReachable(trx, access, principal, id, operation))) {
    throw RecordAccessDenied.create(operation, object.name, id)
  }
  if (operation === 'edit') checkFields(access, principal, object, patch, row)
}

/** Whether the record `id` is within the principal's reach for `mode`, asked of the database. */
export async function rowReachable(
  trx: Executor,
  access: ObjectAccess,
  principal: Principal,
  id: string,
  mode: RowMode,
): Promise<boolean> {
  const predicate = rowPredicate(access, principal, access.object.table, mode, trx.dialect)
  if (predicate === undefined) return true
  const found = (await trx
    .knex(access.object.table)
    .select('id')
    .where('id', id)
    .whereRaw(`(${predicate.sql})`, predicate.bindings as never[])
    .first()) as unknown
  return found !== undefined
}

/**
 * The row-level policies on a record a create or update has just written, in its transaction
 * (a refusal rolls the write back): when the principal's sets have policies for the operation,
 * the row as stored must satisfy one of them — its `check`, or else its `using` — asked of the
 * database, so it agrees with what a read of that row would see (types, dates, collation).
 */
export async function checkWrittenRow(
  trx: Executor,
  registry: Registry,
  principal: Principal,
  object: ObjectNode,
  record: Readonly<Record<string, unknown>>,
  operation: 'create' | 'edit',
): Promise<void> {
  const access = objectAccess(registry, principal, object.name)
  const policies = access.checks[operation === 'create' ? 'insert' : 'update']
  if (policies.length === 0) return
  const passes = orAll(
    policies.map((policy) => policyCheckSql(access, principal, policy, object.table, trx.dialect)),
  )
  const found = (await trx
    .knex(object.table)
    .select('id')
    .where('id', String(record.id))
    .whereRaw(`(${passes.sql})`, passes.bindings as never[])
    .first()) as unknown
  if (found !== undefined) return
  throw RowPolicyDenied.create(operation, object.name, policies.map((p) => p.name).join(', '))
}

/** Whether a create must run in a transaction for the policies' check on the row it writes. */
export function checksWrites(
  registry: Registry,
  principal: Principal | undefined,
  object: ObjectNode,
): boolean {
  return (
    principal !== undefined &&
    objectAccess(registry, principal, object.name).checks.insert.length > 0
  )
}

/**
 * The predicate the write path loads the record with, so a record the principal may not read is
 * never even loaded: it is missing (404). Undefined when every row is readable.
 */
export function writeLoadPredicate(
  registry: Registry,
  principal: Principal,
  object: ObjectNode,
  dialect: Dialect,
): SqlFragment | undefined {
  const access = objectAccess(registry, principal, object.name)
  if (!access.read) return alwaysFalse
  return rowPredicate(access, principal, object.table, 'read', dialect)
}

/** The record with only the fields the principal may read. */
export function maskRecord(
  registry: Registry,
  principal: Principal,
  object: ObjectNode,
  record: Record<string, unknown>,
): Record<string, unknown> {
  const access = objectAccess(registry, principal, object.name)
  if (access.everything) return record
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    if (access.readable.has(key)) out[key] = value
  }
  return out
}

function checkFields(
  access: ObjectAccess,
  principal: Principal,
  object: ObjectNode,
  input: unknown,
  previous: Readonly<Record<string, unknown>> | undefined,
): void {
  if (access.everything || typeof input !== 'object' || input === null) return
  for (const [key, value] of Object.entries(input)) {
    if (key === 'owner_id') {
      // Keeping the owner as it is, or naming oneself on create, needs no transfer right.
      const unchanged =
        previous === undefined ? value === principal.userId : value === previous.owner_id
      if (!unchanged && !access.transfer) throw OwnerChangeDenied.create(object.name)
      continue
    }
    // Unknown and system fields are the record rules' to refuse (400), with every other problem.
    if (!object.fields.has(key) || object.fields.get(key)?.source === 'system') continue
    if (!access.editable.has(key)) throw FieldAccessDenied.create('set', object.name, key)
  }
}
