/**
 * Builds a user's Principal from the platform objects: `sys_user` (admin flag, active, the
 * manager hierarchy), `sys_user_position` (the positions they hold) and
 * `sys_permission_assignment` (sets assigned to them or to one of their positions), and from the
 * identity layer's memberships (`objectos_auth_member`: the organizations they belong to, with
 * their role in each). Read per request, from the database every process shares — no
 * process-local cache that another process's change would not reach. An unknown or inactive user
 * gets undefined: they are nobody.
 *
 * The caller's session may name an active organization; it is kept only while the user is still
 * a member of it, so a session that outlives the membership reaches nothing through it.
 *
 * @example
 *   const principal = await loadPrincipal(db, userId)
 *   if (principal === undefined) throw Unauthenticated.create()
 *   await loadPrincipal(db, userId, { activeOrganization: '0197…' }) // from the session
 */
import type { Executor } from '../write/data-context.js'
import { everyonePosition } from '../../ir/position-node.js'
import type { Principal } from './principal.js'

/** How deep the manager hierarchy is followed; deeper chains stop here. */
export const maxHierarchyDepth = 32

/** The identity layer's table of organization memberships (identity/organizations.ts). */
export const membershipTable = 'objectos_auth_member'

export interface LoadOptions {
  /** The active organization of the caller's session (identity layer), if it names one. */
  readonly activeOrganization?: string | undefined
}

export async function loadPrincipal(
  db: Executor,
  userId: string,
  options: LoadOptions = {},
): Promise<Principal | undefined> {
  const { knex } = db
  const user = (await knex('sys_user')
    .select('is_admin', 'active', 'email', 'email_verified', 'name')
    .where('id', userId)
    .first()) as
    | { is_admin: unknown; active: unknown; email: unknown; email_verified: unknown; name: unknown }
    | undefined
  if (user === undefined || !truthy(user.active)) return undefined
  const [positions, sets, reports, organizations] = await Promise.all([
    knex('sys_user_position')
      .distinct('position')
      .where('holder', userId)
      .orderBy('position') as Promise<{ position: string }[]>,
    knex('sys_permission_assignment')
      .distinct('permission_set')
      .where('assignee', userId)
      .orWhere('position', everyonePosition)
      .orWhereIn('position', knex('sys_user_position').select('position').where('holder', userId))
      .orderBy('permission_set') as Promise<{ permission_set: string }[]>,
    reportsOf(db, userId),
    membershipsOf(db, userId),
  ])
  const active = options.activeOrganization
  const member = active !== undefined && organizations.some((o) => o.id === active)
  return Object.freeze({
    userId,
    admin: truthy(user.is_admin),
    permissionSets: Object.freeze(sets.map((row) => row.permission_set)),
    // Every signed-in user holds `everyone` (sharing rules, policies and assignments name it).
    positions: Object.freeze(
      [...new Set([...positions.map((row) => row.position), everyonePosition])].sort(),
    ),
    // An address nobody proved is theirs names nobody: sharing rules and CEL conditions that
    // name a user by email see only a verified one (anyone could sign up with an unclaimed one).
    email: typeof user.email === 'string' && truthy(user.email_verified) ? user.email : undefined,
    name: typeof user.name === 'string' ? user.name : undefined,
    reports: Object.freeze(reports),
    organizations: Object.freeze(organizations),
    ...(member ? { activeOrganization: active } : {}),
  })
}

/** The organizations the user is a member of, with the role, sorted by id. */
async function membershipsOf(
  db: Executor,
  userId: string,
): Promise<{ readonly id: string; readonly role: string }[]> {
  let rows: { organization_id: string; role: string | null }[]
  try {
    rows = (await db
      .knex(membershipTable)
      .select('organization_id', 'role')
      .where('user_id', userId)
      .orderBy('organization_id')) as typeof rows
  } catch (error) {
    // A database the identity layer never started on has no memberships (and no table).
    if (!(await db.knex.schema.hasTable(membershipTable))) return []
    throw error
  }
  return rows.map((row) => Object.freeze({ id: row.organization_id, role: row.role ?? '' }))
}

/** Every user below `userId` in the manager hierarchy, by a recursive query (both dialects). */
async function reportsOf(db: Executor, userId: string): Promise<string[]> {
  const result: unknown = await db.knex.raw(
    `with recursive oos_reports(id, depth) as (
       select id, 1 from sys_user where manager = ?
       union
       select u.id, r.depth + 1 from sys_user u join oos_reports r on u.manager = r.id
       where r.depth < ?
     )
     select distinct id from oos_reports where id <> ?`,
    [userId, maxHierarchyDepth, userId],
  )
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    id: string
  }[]
  return rows.map((row) => row.id).sort()
}

function truthy(value: unknown): boolean {
  return value === true || value === 1
}
