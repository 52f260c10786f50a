/**
 * Who a data call acts for. The doors (REST, GraphQL, later flows run as a user) build one per
 * request from the signed-in user; the engine's own work (migrations, the CLI, recomputes) runs
 * without one, as the system, which may do anything.
 */

export interface Principal {
  readonly userId: string
  /** Administrators bypass permission sets and sharing. */
  readonly admin: boolean
  /**
   * The permission sets assigned through the data (to the user, or to a position they hold), by
   * name, sorted. The sets bound in metadata (to positions, or to everyone) are added by the
   * access layer from the registry (effective-sets.ts).
   */
  readonly permissionSets: readonly string[]
  /** The positions (roles) the user holds, by name, sorted. */
  readonly positions?: readonly string[] | undefined
  /** The user's email once verified; undefined until then. */
  readonly email?: string | undefined
  readonly name?: string | undefined
  /** Users below this one in the manager hierarchy (direct and indirect reports). */
  readonly reports: readonly string[]
  /**
   * The organizations the user is a member of (the identity layer's memberships), by id, sorted,
   * with the role in each (`owner`, `admin`, `member`; several are comma-separated).
   */
  readonly organizations?: readonly { readonly id: string; readonly role: string }[] | undefined
  /**
   * The organization the caller's session made active (the identity layer's `set-active`), one
   * of `organizations`; undefined without one — and for an API key, which has no session.
   */
  readonly activeOrganization?: string | undefined
  /**
   * Set when an administrator views the app as this user (`objectos-view-as`): the administrator's
   * id. Such a principal reads exactly what the user would, and may not write.
   */
  readonly viewedBy?: string | undefined
}

/** Someone who has not signed in: holds nothing, so may do nothing. */
export const anonymousPrincipal: Principal = Object.freeze({
  userId: '',
  admin: false,
  permissionSets: Object.freeze([]),
  reports: Object.freeze([]),
})
