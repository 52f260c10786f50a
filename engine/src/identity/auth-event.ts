/**
 * What the identity layer reports to whoever listens (the audit trail): sign-in and its failures,
 * sign-out, sign-up, API keys made and revoked, password resets and changes, two-factor turned on
 * and off, organizations (created, members added, removed and given another role, invitations
 * sent, accepted, rejected and canceled), and auth requests refused before their route ran
 * (auth-refusals.ts: a refused sign-in is a `sign_in_failed`, any other a `request_refused`). An
 * event names the user it is about when that user is known, and carries what helps a reviewer —
 * the client address and agent, a failure's reason, a key's name, an organization and a role —
 * never a password, a token, a code, a key or an invitation id.
 *
 * @example
 *   createIdentity(db, { registry, onAuthEvent: (event) => console.log(event.action, event.userId) })
 */

/** Every action the identity layer reports; `sys_audit_event.action` offers each. */
export const authActions = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'sign_up',
  'api_key_created',
  'api_key_revoked',
  'password_reset',
  'password_changed',
  'two_factor_enabled',
  'two_factor_disabled',
  'organization_created',
  'organization_member_added',
  'organization_member_removed',
  'organization_role_changed',
  'organization_invitation_sent',
  'organization_invitation_accepted',
  'organization_invitation_rejected',
  'organization_invitation_canceled',
  'request_refused',
] as const

export type AuthAction = (typeof authActions)[number]

export type AuthDetail = Readonly<Record<string, string | number | boolean | null>>

export interface AuthEvent {
  readonly action: AuthAction
  /** The user the event is about (who signed in, out, up, made a key…); undefined when unknown. */
  readonly userId: string | undefined
  /** Who acted, when it is not that user: null for an operator (`objectos user create`). */
  readonly actorId?: string | null | undefined
  readonly detail: AuthDetail
}

export type AuthEventListener = (event: AuthEvent) => void | Promise<void>

/** The header the HTTP edge sets to the client address it trusts; clients cannot set it. */
export const clientAddressHeader = 'x-objectos-client-address'

/** The longest user agent kept; longer ones are cut. */
const agentLength = 200

/** What a request says about its client: the address the edge trusts, and the user agent. */
export function clientDetail(headers: Headers | undefined): AuthDetail {
  const address = headers?.get(clientAddressHeader) ?? null
  const agent = headers?.get('user-agent') ?? null
  return { address, user_agent: agent === null ? null : agent.slice(0, agentLength) }
}

/** The requests whose route hooks reported an event (WeakSet: gone with the request). */
const reportedRequests = new WeakSet<Request>()

/** Notes that the route's hooks reported an event for `request` (auth-events-plugin.ts). */
export function noteReported(request: Request | undefined): void {
  if (request !== undefined) reportedRequests.add(request)
}

/** Whether the route's hooks already reported an event for `request` (auth-refusals.ts asks). */
export function wasReported(request: Request): boolean {
  return reportedRequests.has(request)
}

/**
 * A listener that never throws: a failure to record is written to stderr, and the auth request
 * it came from goes on (a sign-in must not fail because its audit row could not be written after
 * the fact).
 */
export function safeListener(
  listener: AuthEventListener,
  onError: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
): (event: AuthEvent) => Promise<void> {
  return async (event) => {
    try {
      await listener(event)
    } catch (error) {
      onError(
        `objectos: could not record the auth event ${event.action}: ${(error as Error).message}`,
      )
    }
  }
}
