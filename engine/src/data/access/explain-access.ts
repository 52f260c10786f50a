/**
 * Why a user may or may not read and edit a record and each of its fields: the answer an
 * administrator gets from `GET /api/v1/access/explain`. It walks the same rules the query
 * compiler applies (object-access.ts, row-access.ts) and names the ones that decide, so what it
 * says is what the engine does.
 *
 * @example
 *   explainAccess(registry, rita, opportunity, row)
 *   // { record: { read: { allowed: false, because: ['sales_rep grants read on own records …'] } }, … }
 */
import type { ObjectNode } from '../../ir/object-node.js'
import type { ObjectGrant } from '../../ir/permission-set-node.js'
import type { Registry } from '../../registry/registry.js'
import { objectAccess, type ObjectAccess, type RowReach } from './object-access.js'
import type { Principal } from './principal.js'
import type { Executor } from '../write/data-context.js'
import { trailPredicate } from './audit-field-access.js'
import { rowSources, type RowMode } from './row-access.js'
import { rowReachable } from './write-access.js'

export interface Verdict {
  readonly allowed: boolean
  /** The rules that decide, in words. */
  readonly because: readonly string[]
}

export interface AccessExplanation {
  readonly user: {
    readonly id: string
    readonly admin: boolean
    readonly permissionSets: readonly string[]
    readonly positions: readonly string[]
    readonly reports: readonly string[]
    /** The organizations the user is a member of, with the role: `current_user.organizations`. */
    readonly organizations: readonly { readonly id: string; readonly role: string }[]
    /** `current_user.activeOrganization`: the session's, so null for a user explained by id. */
    readonly activeOrganization: string | null
  }
  readonly object: {
    readonly name: string
    readonly sharingModel: string
    readonly read: boolean
    readonly create: boolean
    readonly edit: boolean
    readonly delete: boolean
    readonly transfer: boolean
    readonly readReach: RowReach
    readonly editReach: RowReach
    /** What each of the user's sets says about the object (sets that say nothing are left out). */
    readonly grants: readonly (ObjectGrant & { readonly permissionSet: string })[]
  }
  readonly record:
    | {
        readonly id: string
        readonly ownerId: unknown
        readonly read: Verdict
        readonly edit: Verdict
      }
    | undefined
  readonly fields: readonly {
    readonly name: string
    readonly read: Verdict
    readonly edit: Verdict
  }[]
}

export async function explainAccess(
  trx: Executor,
  registry: Registry,
  principal: Principal,
  object: ObjectNode,
  row: Readonly<Record<string, unknown>> | undefined,
): Promise<AccessExplanation> {
  const access = objectAccess(registry, principal, object.name)
  const sets = principal.admin ? principal.permissionSets : access.permissionSets
  const grants = sets.flatMap((name) => {
    const grant = registry.permissionSets.get(name)?.objects.get(object.name)
    return grant === undefined ? [] : [{ permissionSet: name, ...grant }]
  })
  return {
    user: {
      id: principal.userId,
      admin: principal.admin,
      permissionSets: sets,
      positions: principal.positions ?? [],
      reports: principal.reports,
      organizations: principal.organizations ?? [],
      activeOrganization: principal.activeOrganization ?? null,
    },
    object: {
      name: object.name,
      sharingModel: object.sharingModel,
      read: access.read,
      create: access.create,
      edit: access.edit,
      delete: access.delete,
      transfer: access.transfer,
      readReach: access.readReach,
      editReach: access.editReach,
      grants,
    },
    record:
      row === undefined
        ? undefined
        : {
            id: String(row.id),
            ownerId: row.owner_id ?? null,
            read: await recordVerdict(trx, access, principal, object, row, 'read', grants.length),
            edit: await recordVerdict(trx, access, principal, object, row, 'edit', grants.length),
          },
    fields: [...object.fields.values()].map((field) => ({
      name: field.name,
      read: fieldVerdict(registry, access, sets, principal, object, field.name, 'read'),
      edit: fieldVerdict(registry, access, sets, principal, object, field.name, 'edit'),
    })),
  }
}

async function recordVerdict(
  trx: Executor,
  access: ObjectAccess,
  principal: Principal,
  object: ObjectNode,
  row: Readonly<Record<string, unknown>>,
  mode: RowMode,
  grantCount: number,
): Promise<Verdict> {
  if (principal.admin) return { allowed: true, because: ['the user is an administrator'] }
  const right = mode === 'read' ? access.read : access.edit
  if (!right) {
    return {
      allowed: false,
      because: [
        grantCount === 0
          ? `no permission set of the user names ${object.name}`
          : `no permission set of the user grants ${mode} on ${object.name}`,
      ],
    }
  }
  const reach = mode === 'read' ? access.readReach : access.editReach
  const id = String(row.id)
  // The audit trail also hides what it records of objects and fields the user may not read.
  const trail = trailPredicate(access, principal, object.table, trx.dialect)
  const trailHides = trail !== undefined && !(await matches(trx, object, id, trail))
  const readable = !trailHides && (await rowReachable(trx, access, principal, id, 'read'))
  const allowed =
    mode === 'read' ? readable : readable && (await rowReachable(trx, access, principal, id, mode))
  const owner =
    row.owner_id === null || row.owner_id === undefined ? 'nobody' : String(row.owner_id)
  const scope =
    reach === 'all'
      ? `the user's sets let them ${mode} every ${object.name} record`
      : reach === 'own'
        ? `the user's sets let them ${mode} only records they own`
        : reach === 'own_and_reports'
          ? `the user's sets let them ${mode} records they or their reports own`
          : `no set lets the user ${mode} any ${object.name} record`
  const because = [scope]
  if (reach !== 'all') {
    because.push(
      owner === principal.userId
        ? 'the user owns this record'
        : principal.reports.includes(owner) && reach === 'own_and_reports'
          ? `its owner ${owner} reports to the user`
          : `its owner is ${owner}`,
    )
  }
  for (const source of rowSources(access, principal, object.table, mode, trx.dialect)) {
    const admits = await matches(trx, object, id, source.predicate)
    if (source.kind === 'sharing_rule' && admits) {
      because.push(`sharing rule ${source.name} shares it with the user for ${mode}`)
    } else if (source.kind === 'manual_share' && admits) {
      because.push(`it is shared with the user for ${mode} by a manual share`)
    } else if (source.kind === 'policy') {
      because.push(`row-level policy ${source.name} ${admits ? 'admits' : 'does not admit'} it`)
    }
  }
  if (trailHides) {
    because.push('it records an object or field the user may not read, which the audit trail hides')
  }
  if (mode === 'edit' && !readable) {
    because.push('a record the user cannot read cannot be changed')
  }
  return { allowed, because }
}

async function matches(
  trx: Executor,
  object: ObjectNode,
  id: string,
  predicate: { readonly sql: string; readonly bindings: readonly unknown[] },
): Promise<boolean> {
  const found = (await trx
    .knex(object.table)
    .select('id')
    .where('id', id)
    .whereRaw(`(${predicate.sql})`, predicate.bindings as never[])
    .first()) as unknown
  return found !== undefined
}

function fieldVerdict(
  registry: Registry,
  access: ObjectAccess,
  sets: readonly string[],
  principal: Principal,
  object: ObjectNode,
  field: string,
  mode: 'read' | 'edit',
): Verdict {
  if (principal.admin) return { allowed: true, because: ['the user is an administrator'] }
  const allowed = mode === 'read' ? access.readable.has(field) : access.editable.has(field)
  const because: string[] = []
  for (const name of sets) {
    const set = registry.permissionSets.get(name)
    const grant = set?.objects.get(object.name)
    if (set === undefined || grant === undefined) continue
    const explicit = set.fields.get(object.name)?.get(field)
    if (explicit !== undefined) {
      const yes = mode === 'read' ? explicit.readable : explicit.editable
      because.push(
        `${name} says ${field} is ${yes ? '' : 'not '}${mode === 'read' ? 'readable' : 'editable'}`,
      )
    } else {
      const objectRight =
        mode === 'read'
          ? grant.read || grant.viewAll || grant.modifyAll
          : grant.edit || grant.create || grant.modifyAll
      because.push(
        `${name} does not name ${field}; it follows the object, where ${name} ${objectRight ? 'grants' : 'does not grant'} ${mode}`,
      )
    }
  }
  if (because.length === 0) because.push(`no permission set of the user names ${object.name}`)
  return { allowed, because }
}
