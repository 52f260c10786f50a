/**
 * What a principal may do with one object: the permission sets it holds merged most-permissively
 * (sets add up), with the object's sharing model filling in unset scopes. Default: deny — an
 * object no set names is closed. Computed once per registry, object and combination of sets;
 * the user-specific part (which rows are "own") is added by row-access.ts per call.
 *
 * @example
 *   const access = objectAccess(registry, principal, 'opportunity')
 *   if (!access.create) throw ObjectAccessDenied.create('create', 'opportunity')
 */
import type { FieldNode } from '../../ir/field-node.js'
import type { ObjectNode } from '../../ir/object-node.js'
import type {
  FieldGrant,
  RecordScope,
  RowOperation,
  RowPolicyNode,
} from '../../ir/permission-set-node.js'
import type { SharingRuleNode } from '../../ir/sharing-rule-node.js'
import type { Registry } from '../../registry/registry.js'
import { effectiveSets } from './effective-sets.js'
import type { Principal } from './principal.js'

/** Which records an operation reaches: every one, or those owned by the user (and reports). */
export type RowReach = 'all' | 'own' | 'own_and_reports' | 'none'

export interface ObjectAccess {
  readonly registry: Registry
  readonly object: ObjectNode
  /** Every set the principal holds in effect (effective-sets.ts). */
  readonly permissionSets: readonly string[]
  readonly read: boolean
  readonly create: boolean
  readonly edit: boolean
  readonly delete: boolean
  readonly transfer: boolean
  readonly readReach: RowReach
  readonly editReach: RowReach
  /** Which records a delete reaches (a set may let a user delete more than edit, or less). */
  readonly deleteReach: RowReach
  /** Fields the principal may read; every field when `everything`. */
  readonly readable: ReadonlySet<string>
  readonly editable: ReadonlySet<string>
  /** Admins and the system: no restriction at all. */
  readonly everything: boolean
  /** The object's sharing rules; whom each reaches is decided per principal (row-access.ts). */
  readonly sharingRules: readonly SharingRuleNode[]
  /**
   * The row-level policies of the principal's sets that apply to them, by operation: for
   * select, update and delete those with a `using` (they narrow the rows); for insert and
   * update those with a `check` or a `using` (the written record must satisfy one).
   */
  readonly policies: Readonly<Record<RowOperation, readonly RowPolicyNode[]>>
  readonly checks: Readonly<Record<'insert' | 'update', readonly RowPolicyNode[]>>
}

const noPolicies: Readonly<Record<RowOperation, readonly RowPolicyNode[]>> = Object.freeze({
  select: [],
  insert: [],
  update: [],
  delete: [],
})

const cache = new WeakMap<Registry, Map<string, ObjectAccess>>()

export function objectAccess(registry: Registry, principal: Principal, name: string): ObjectAccess {
  let known = cache.get(registry)
  if (known === undefined) {
    known = new Map()
    cache.set(registry, known)
  }
  const key = JSON.stringify([accessProfile(principal), name])
  let access = known.get(key)
  if (access === undefined) {
    access = principal.admin
      ? fullAccess(registry.object(name), registry)
      : compute(registry, principal, registry.object(name))
    known.set(key, access)
  }
  return access
}

/**
 * What a principal's access to any object depends on — administrator or not, signed in or not,
 * the sets held through the data and the positions — as one string: principals with the same
 * profile get the same ObjectAccess (the row predicates bind their own values per query).
 */
export function accessProfile(principal: Principal): string {
  // Set and position names are free text in the data: JSON keeps one list from reading as another.
  return principal.admin
    ? '*'
    : JSON.stringify([principal.userId === '', principal.permissionSets, principal.positions ?? []])
}

/** Full access to an object: what admins (and the engine itself) get. */
export function fullAccess(object: ObjectNode, registry: Registry): ObjectAccess {
  const all = new Set(object.fields.keys())
  const writableFields = new Set(
    [...object.fields.values()].filter((f) => writable(f, true)).map((f) => f.name),
  )
  return Object.freeze({
    registry,
    object,
    permissionSets: [],
    read: true,
    create: true,
    edit: true,
    delete: true,
    transfer: true,
    readReach: 'all',
    editReach: 'all',
    deleteReach: 'all',
    readable: all,
    editable: writableFields,
    everything: true,
    sharingRules: [],
    policies: noPolicies,
    checks: { insert: [], update: [] },
  })
}

const widest: readonly RowReach[] = ['none', 'own', 'own_and_reports', 'all']

function wider(a: RowReach, b: RowReach): RowReach {
  return widest.indexOf(a) >= widest.indexOf(b) ? a : b
}

function reachOf(scope: RecordScope): RowReach {
  return scope === 'org' ? 'all' : scope
}

function compute(registry: Registry, principal: Principal, object: ObjectNode): ObjectAccess {
  const model = object.sharingModel
  // Without a scope in the set, the sharing model decides; private records reach the owner and
  // everyone above them in the manager hierarchy.
  const defaultRead: RowReach = model === 'private' ? 'own_and_reports' : 'all'
  const defaultWrite: RowReach = model === 'public_read_write' ? 'all' : 'own_and_reports'
  let read = false
  let create = false
  let edit = false
  let remove = false
  let transfer = false
  let readReach: RowReach = 'none'
  let editReach: RowReach = 'none'
  let deleteReach: RowReach = 'none'
  const checks: Record<'insert' | 'update', RowPolicyNode[]> = { insert: [], update: [] }
  const readable = new Set<string>()
  const editable = new Set<string>()
  const sets = effectiveSets(registry, principal)
  const policies: Record<RowOperation, RowPolicyNode[]> = {
    select: [],
    insert: [],
    update: [],
    delete: [],
  }
  const positions = new Set(principal.positions ?? [])
  for (const setName of sets) {
    const set = registry.permissionSets.get(setName)
    for (const policy of set?.policies ?? []) {
      if (policy.object !== object.name) continue
      if (policy.positions !== undefined && !policy.positions.some((p) => positions.has(p)))
        continue
      for (const operation of policy.operations) {
        // A policy without `using` narrows no read, update or delete: it only checks writes.
        if (operation !== 'insert' && policy.using !== undefined) policies[operation].push(policy)
        const checksWrites = policy.check !== undefined || policy.using !== undefined
        if ((operation === 'insert' || operation === 'update') && checksWrites) {
          checks[operation].push(policy)
        }
      }
    }
    const grant = set?.objects.get(object.name)
    if (set === undefined || grant === undefined) continue
    const reads = grant.read || grant.viewAll || grant.modifyAll
    const edits = grant.edit || grant.modifyAll
    read ||= reads
    create ||= grant.create
    edit ||= edits
    remove ||= grant.delete || grant.modifyAll
    transfer ||= grant.transfer
    if (reads) {
      const reach =
        grant.viewAll || grant.modifyAll
          ? 'all'
          : grant.readScope === undefined
            ? defaultRead
            : reachOf(grant.readScope)
      readReach = wider(readReach, reach)
    }
    const writeReach: RowReach = grant.modifyAll
      ? 'all'
      : grant.writeScope === undefined
        ? defaultWrite
        : reachOf(grant.writeScope)
    // Edit and delete reach apart: a set granting delete on every record must not widen
    // another set's edit on own records, nor the other way round.
    if (edits) editReach = wider(editReach, writeReach)
    if (grant.delete || grant.modifyAll) deleteReach = wider(deleteReach, writeReach)
    const named = set.fields.get(object.name)
    for (const field of object.fields.values()) {
      const explicit: FieldGrant | undefined = named?.get(field.name)
      if (reads && (explicit?.readable ?? true)) readable.add(field.name)
      if (
        (edits || grant.create) &&
        writable(field, grant.transfer) &&
        (explicit === undefined ? true : explicit.editable)
      ) {
        editable.add(field.name)
      }
    }
  }
  // A record that can be changed can be read: the write path reads it back.
  return Object.freeze({
    registry,
    object,
    permissionSets: sets,
    read,
    create,
    edit,
    delete: remove,
    transfer,
    readReach,
    editReach: read ? editReach : 'none',
    deleteReach: read ? deleteReach : 'none',
    readable,
    editable,
    everything: false,
    sharingRules: registry.sharingRules(object.name),
    policies: Object.freeze(policies),
    checks: Object.freeze(checks),
  })
}

/**
 * Whether a write may set the field at all: the engine fills the system columns, except the
 * owner, which a transfer right lets a caller choose.
 */
function writable(field: FieldNode, transfer: boolean): boolean {
  if (field.source !== 'system') return true
  return field.name === 'owner_id' && transfer
}
