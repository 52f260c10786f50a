/**
 * Organizations with members and roles: better-auth's organization plugin, its tables named
 * `objectos_auth_organization`, `objectos_auth_member` and `objectos_auth_invitation` (snake-case
 * columns; the session's active organization is `active_organization_id` of
 * `objectos_auth_session`). Roles are better-auth's own: `owner` (everything), `admin` (invite,
 * cancel invitations, change roles and remove members, but not touch an owner) and `member`
 * (nothing but reading the organization and leaving it). The creator of an organization is its
 * owner. Deleting organizations is off (and, like renaming them, not routed); teams and custom
 * roles are not enabled.
 *
 * The rules ObjectOS adds:
 *
 * - Who creates organizations: administrators only (`creators: 'administrators'`, the default),
 *   or every signed-in user (`'everyone'`). An invitation mails whatever an organization is named
 *   to whatever address is given, so letting anyone who can sign up create organizations also
 *   lets them send mail through the app.
 * - Invitations are mailed through the identity layer's sender, with a link to the app's page
 *   that accepts them (`{baseURL}{invitationPage}?invitationId=…`, never built from a request's
 *   Host header). With a sender, only a user whose email is verified may accept or reject one;
 *   without a sender nothing is mailed, the inviter hands the invitation id (in the answer to
 *   `invite-member`) to the invitee, and the email of the signed-in user must match.
 * - Only an owner removes an owner: better-auth answers a member or admin who tries with a 400
 *   about the last owner; here it is a 403 (`YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER`).
 * - Organization events go to the listener (the audit trail): created, member added, removed
 *   (also by leaving) and role changed, invitation sent, accepted, rejected and canceled. They
 *   name the member's user and, when someone else acted, the actor; never an invitation id,
 *   which works as the invitation's link.
 * - The session's active organization reaches the access layer (`current_user.activeOrganization`)
 *   with the session itself (create-identity.ts `sessionUser`), read at every request; the access
 *   layer keeps it only while the user is still a member.
 *
 * @example
 *   betterAuth({ …, plugins: [organizationPlugin({ mail, baseURL, report }), organizationRulesPlugin(report)] })
 */
import { tryGetCurrentAuthEndpointContext } from '@better-auth/core/context'
import type { BetterAuthPlugin } from 'better-auth'
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from 'better-auth/api'
import { organization } from 'better-auth/plugins/organization'
import { clientDetail, type AuthAction, type AuthDetail, type AuthEvent } from './auth-event.js'
import { authTableName, columnsOf } from './auth-tables.js'
import type { InvitationDetails } from './email-sender.js'

/** Who may create organizations. */
export type OrganizationCreators = 'administrators' | 'everyone'

export const organizationCreatorsVariable = 'OBJECTOS_ORGANIZATION_CREATORS'

/** The app's page an invitation link leads to (default), with `?invitationId=…`. */
export const defaultInvitationPage = '/accept-invitation'

/** The table of memberships: one row per user and organization, with the role. */
export const memberTable = authTableName('member')

/** The role of an organization's creator, who alone may remove or appoint owners. */
export const ownerRole = 'owner'

/** How long an invitation may be accepted: 48 hours, in seconds. */
export const invitationLifetime = 48 * 3600

type Report = (event: AuthEvent) => Promise<void>

type SendInvitation = (to: string, link: string, details: InvitationDetails) => Promise<void>

export interface OrganizationSettings {
  readonly creators: OrganizationCreators
  /** Mails an invitation; undefined: invitations are not mailed. */
  readonly sendInvitation?: SendInvitation | undefined
  /** The public URL the invitation links start with (required to mail them). */
  readonly baseURL?: string | undefined
  readonly invitationPage?: string | undefined
  readonly report?: Report | undefined
}

/** The link an invitation mail carries. */
export function invitationLink(baseURL: string, page: string, invitationId: string): string {
  const base = baseURL.replace(/\/+$/, '')
  const path = page.startsWith('/') ? page : `/${page}`
  return `${base}${path}?invitationId=${encodeURIComponent(invitationId)}`
}

/** A member's roles: better-auth keeps several as one comma-separated string. */
export function rolesOf(role: unknown): string[] {
  return typeof role === 'string'
    ? role
        .split(',')
        .map((r) => r.trim())
        .filter((r) => r !== '')
    : []
}

export function organizationPlugin(settings: OrganizationSettings) {
  const { sendInvitation, baseURL, report } = settings
  const page = settings.invitationPage ?? defaultInvitationPage
  const mailing = sendInvitation !== undefined && baseURL !== undefined
  const events = report === undefined ? undefined : organizationEvents(report)
  return organization({
    allowUserToCreateOrganization: (user: Record<string, unknown>) =>
      settings.creators === 'everyone' || user.isAdmin === true,
    creatorRole: ownerRole,
    invitationExpiresIn: invitationLifetime,
    // With mail, accepting proves the address: the invitee must have verified it. Without mail
    // nobody could, so the invitation id and the matching email are the proof.
    requireEmailVerificationOnInvitation: mailing,
    disableOrganizationDeletion: true,
    ...(mailing
      ? {
          sendInvitationEmail: async (data: {
            id: string
            role: string
            email: string
            organization: { name: string }
            inviter: { user: { name?: string | null; email: string } }
          }) => {
            const inviter = data.inviter.user.name?.trim() || data.inviter.user.email
            await sendInvitation(data.email, invitationLink(baseURL, page, data.id), {
              organization: data.organization.name,
              inviter,
              role: data.role,
            })
          },
        }
      : {}),
    schema: {
      session: { fields: { activeOrganizationId: 'active_organization_id' } },
      organization: {
        modelName: authTableName('organization'),
        fields: columnsOf(['name', 'slug', 'logo', 'createdAt', 'metadata']),
      },
      member: {
        modelName: memberTable,
        fields: columnsOf(['organizationId', 'userId', 'role', 'createdAt']),
      },
      invitation: {
        modelName: authTableName('invitation'),
        fields: columnsOf([
          'organizationId',
          'email',
          'role',
          'status',
          'expiresAt',
          'createdAt',
          'inviterId',
        ]),
      },
    },
    ...(events === undefined ? {} : { organizationHooks: events }),
  })
}

export interface OrganizationView {
  readonly id: string
  readonly slug?: string
}

export interface MemberView {
  readonly userId: string
  readonly organizationId: string
  readonly role: string
}

export interface InvitationView {
  readonly email: string
  readonly role: string
  readonly organizationId: string
  readonly inviterId: string
}

/** The signed-in user of the request being served, and what the request says of its client. */
function requestContext(): { actor: string | undefined; client: AuthDetail } {
  const ctx = tryGetCurrentAuthEndpointContext() as
    { headers?: Headers; context?: { session?: { user?: { id?: unknown } } | null } } | undefined
  const actor = ctx?.context?.session?.user?.id
  return {
    actor: typeof actor === 'string' ? actor : undefined,
    client: clientDetail(ctx?.headers),
  }
}

/** better-auth's organization hooks, reporting each change to the listener. */
function organizationEvents(report: Report) {
  const send = (
    action: AuthAction,
    userId: string | undefined,
    organization: OrganizationView,
    detail: AuthDetail,
  ) => {
    const { actor, client } = requestContext()
    return report({
      action,
      userId,
      ...(actor !== undefined && actor !== userId ? { actorId: actor } : {}),
      detail: { ...client, organization_id: organization.id, ...detail },
    })
  }
  return {
    async afterCreateOrganization(data: {
      organization: OrganizationView
      user: { id: string }
      member: MemberView
    }) {
      await send('organization_created', data.user.id, data.organization, {
        slug: data.organization.slug ?? null,
        role: data.member.role,
      })
    },
    async afterAddMember(data: { member: MemberView; organization: OrganizationView }) {
      await send('organization_member_added', data.member.userId, data.organization, {
        role: data.member.role,
      })
    },
    async afterRemoveMember(data: { member: MemberView; organization: OrganizationView }) {
      await send('organization_member_removed', data.member.userId, data.organization, {
        role: data.member.role,
      })
    },
    async afterUpdateMemberRole(data: {
      member: MemberView
      previousRole: string
      organization: OrganizationView
    }) {
      await send('organization_role_changed', data.member.userId, data.organization, {
        role: data.member.role,
        previous_role: data.previousRole,
      })
    },
    async afterCreateInvitation(data: {
      invitation: InvitationView
      inviter: { id: string }
      organization: OrganizationView
    }) {
      // About someone who may have no account yet: the inviter is the actor.
      await report({
        action: 'organization_invitation_sent',
        userId: undefined,
        actorId: data.inviter.id,
        detail: {
          ...requestContext().client,
          organization_id: data.organization.id,
          email: data.invitation.email,
          role: data.invitation.role,
        },
      })
    },
    async afterAcceptInvitation(data: {
      invitation: InvitationView
      member: MemberView
      user: { id: string }
      organization: OrganizationView
    }) {
      await send('organization_invitation_accepted', data.user.id, data.organization, {
        role: data.member.role,
        inviter_id: data.invitation.inviterId,
      })
      // Accepting is how a member joins; better-auth calls no member hook for it.
      await send('organization_member_added', data.user.id, data.organization, {
        role: data.member.role,
      })
    },
    async afterRejectInvitation(data: {
      invitation: InvitationView
      user: { id: string }
      organization: OrganizationView
    }) {
      await send('organization_invitation_rejected', data.user.id, data.organization, {
        role: data.invitation.role,
        inviter_id: data.invitation.inviterId,
      })
    },
    async afterCancelInvitation(data: {
      invitation: InvitationView
      cancelledBy: { id: string }
      organization: OrganizationView
    }) {
      await report({
        action: 'organization_invitation_canceled',
        userId: undefined,
        actorId: data.cancelledBy.id,
        detail: {
          ...requestContext().client,
          organization_id: data.organization.id,
          email: data.invitation.email,
          role: data.invitation.role,
        },
      })
    },
  }
}

const removeMemberPath = '/organization/remove-member'
const leavePath = '/organization/leave'

interface RuleContext {
  readonly body?: unknown
  readonly context: {
    readonly adapter: {
      findOne<T>(args: {
        model: string
        where: { field: string; value: string }[]
      }): Promise<T | null>
    }
    readonly internalAdapter: {
      findUserByEmail(email: string): Promise<{ user: { id: string } } | null>
    }
  }
}

/**
 * What ObjectOS adds around better-auth's organization routes: only an owner removes an owner
 * (403), and leaving an organization is reported (better-auth calls no hook for it).
 */
export function organizationRulesPlugin(report?: Report) {
  return {
    id: 'objectos-organization-rules',
    hooks: {
      before: [
        {
          matcher: (ctx: { path?: string }) => ctx.path === removeMemberPath,
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx)
            // No session, no organization, no such member: the route itself answers.
            if (session === null) return
            const active = (session.session as { activeOrganizationId?: unknown })
              .activeOrganizationId
            await refuseOwnerRemoval(
              ctx as unknown as RuleContext,
              session.user.id,
              typeof active === 'string' ? active : undefined,
            )
          }),
        },
      ],
      after: [
        {
          matcher: (ctx: { path?: string }) => report !== undefined && ctx.path === leavePath,
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned
            if (report === undefined || isAPIError(returned)) return
            const member = returned as Partial<MemberView> | null | undefined
            if (typeof member?.userId !== 'string') return
            await report({
              action: 'organization_member_removed',
              userId: member.userId,
              detail: {
                ...clientDetail(ctx.headers),
                organization_id: member.organizationId ?? null,
                role: member.role ?? null,
                method: 'leave',
              },
            })
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin
}

async function refuseOwnerRemoval(
  ctx: RuleContext,
  userId: string,
  activeOrganizationId: string | undefined,
): Promise<void> {
  const body = (ctx.body ?? {}) as { memberIdOrEmail?: unknown; organizationId?: unknown }
  const organizationId =
    typeof body.organizationId === 'string' && body.organizationId !== ''
      ? body.organizationId
      : activeOrganizationId
  const target = body.memberIdOrEmail
  if (organizationId === undefined || typeof target !== 'string' || target === '') return
  const { adapter, internalAdapter } = ctx.context
  const memberOf = (user: string) =>
    adapter.findOne<MemberView>({
      model: 'member',
      where: [
        { field: 'organizationId', value: organizationId },
        { field: 'userId', value: user },
      ],
    })
  const actor = await memberOf(userId)
  if (actor === null || rolesOf(actor.role).includes(ownerRole)) return
  let removed: MemberView | null
  if (target.includes('@')) {
    const user = await internalAdapter.findUserByEmail(target.trim().toLowerCase())
    removed = user === null ? null : await memberOf(user.user.id)
  } else {
    removed = await adapter.findOne<MemberView>({
      model: 'member',
      where: [{ field: 'id', value: target }],
    })
  }
  if (removed?.organizationId !== organizationId) return
  if (rolesOf(removed.role).includes(ownerRole)) {
    throw new APIError('FORBIDDEN', {
      code: 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER',
      message: 'only an owner may remove an owner',
    })
  }
}
