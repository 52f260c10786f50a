/**
 * The signed-in user as CEL expressions see it — `current_user` and its aliases `user`,
 * `os.user` and `ctx.user` (the spec's EvalUser): `id`, `email` (only once verified), `positions`
 * (with the `everyone` anchor), `isPlatformAdmin`, `organizations` (the ids of the organizations the user
 * is a member of), `organizationRoles` (organization id → the role there: `owner`, `admin` or
 * `member`) and `activeOrganization` (the id of the organization the caller's session made
 * active; absent without one, and for an API key). Row conditions — sharing rules, and policies'
 * `using` and `check` — evaluate their user-only parts with it once per query.
 *
 * @example
 *   userValue(rita, 'current_user.id') // → 'usr_rita'
 *   userValue(rita, 'current_user.organizations') // → ['0197…']
 *   // A policy isolating tenants: `using: organization_id in current_user.organizations`
 *   // One organization at a time: `using: organization_id == current_user.activeOrganization`
 */
import { compileProgram } from '../../compile/compile-program.js'
import type { Program } from '../../ir/program.js'
import { everyonePosition } from '../../ir/position-node.js'
import type { Principal } from './principal.js'

const contexts = new WeakMap<Principal, Readonly<Record<string, unknown>>>()
const programs = new Map<string, Program>()
/** Sources come from metadata, so the map stays small; a bound keeps a reload loop in check. */
const maxPrograms = 1000

/** The CEL variables describing the principal. */
export function userContext(principal: Principal): Readonly<Record<string, unknown>> {
  let context = contexts.get(principal)
  if (context === undefined) {
    const user = Object.freeze({
      id: principal.userId,
      // Only a verified address: an unverified one is absent, so a condition reading it is an
      // error and admits no row (null would match every empty field). The display name is not
      // bound at all: its user changes it at will, so no rule may trust it.
      ...(principal.email === undefined ? {} : { email: principal.email }),
      positions: Object.freeze([...new Set([...(principal.positions ?? []), everyonePosition])]),
      isPlatformAdmin: principal.admin,
      organizations: Object.freeze((principal.organizations ?? []).map((o) => o.id)),
      organizationRoles: Object.freeze(
        Object.fromEntries((principal.organizations ?? []).map((o) => [o.id, o.role])),
      ),
      // Absent, not null, without one: `organization_id == null` would match every record of no
      // organization, while reading a missing key is an error and admits no row.
      ...(principal.activeOrganization === undefined
        ? {}
        : { activeOrganization: principal.activeOrganization }),
    })
    context = Object.freeze({ current_user: user, user, os: { user }, ctx: { user } })
    contexts.set(principal, context)
  }
  return context
}

/** The value of a user-only CEL expression; undefined when it cannot be evaluated. */
export function userValue(principal: Principal, source: string): unknown {
  let program = programs.get(source)
  if (program === undefined) {
    if (programs.size >= maxPrograms) programs.clear()
    program = compileProgram(source)
    programs.set(source, program)
  }
  try {
    return program.evaluate(userContext(principal))
  } catch {
    return undefined
  }
}
