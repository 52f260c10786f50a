/**
 * The auth routes the server serves, under `/api/v1/auth`: better-auth's own endpoints, but only
 * these — an endpoint not listed (account linking, user deletion, …) is a 404, not a door nobody
 * tested. Sign-in through a provider of the manifest (`auth.providers`) starts at
 * `/sign-in/social` and comes back to `/callback/:id`. Organizations are served for creating,
 * listing and reading them, switching the active one, inviting (and accepting, rejecting or
 * withdrawing invitations), changing roles, removing members and leaving; not for renaming or
 * deleting them. The same table registers the Fastify routes and writes their OpenAPI
 * operations, so the two cannot drift apart.
 *
 * @example
 *   authRoutes.find((r) => r.path === '/sign-in/email') // → { method: 'POST', … }
 */

export interface AuthRoute {
  readonly method: 'GET' | 'POST'
  /** Below the auth base path, as better-auth names the endpoint. */
  readonly path: string
  readonly operationId: string
  readonly summary: string
  /** The JSON body fields it reads, for the OpenAPI document (POST only). */
  readonly body?: Readonly<Record<string, { type: string; description: string }>>
  readonly required?: readonly string[]
  /** Query parameters it reads, for the OpenAPI document. */
  readonly query?: Readonly<Record<string, { type: string; description: string }>>
  /** Whether it needs a session (the cookie of a signed-in user). */
  readonly session: boolean
  /** Whether it answers with a redirect (a link followed in the browser). */
  readonly redirects?: boolean
}

const email = { type: 'string', description: 'The email address (compared case-insensitively).' }
const password = { type: 'string', description: 'At least 12 characters.' }

export const authRoutes: readonly AuthRoute[] = [
  {
    method: 'POST',
    path: '/sign-up/email',
    operationId: 'authSignUp',
    summary: 'Create an account with email and password; it is signed in at once',
    body: { email, password, name: { type: 'string', description: 'The display name.' } },
    required: ['email', 'password', 'name'],
    session: false,
  },
  {
    method: 'POST',
    path: '/sign-in/email',
    operationId: 'authSignIn',
    summary: 'Sign in: sets the session cookie (a new session every time)',
    body: {
      email,
      password: { type: 'string', description: 'The password.' },
      rememberMe: { type: 'boolean', description: 'False: the cookie ends with the browser.' },
    },
    required: ['email', 'password'],
    session: false,
  },
  {
    method: 'POST',
    path: '/sign-in/social',
    operationId: 'authSignInWithProvider',
    summary: 'Start a sign-in through a provider of the manifest: answers its authorization URL',
    body: {
      provider: { type: 'string', description: 'The provider id (a key of auth.providers).' },
      callbackURL: { type: 'string', description: 'Where to go once signed in (this origin).' },
      errorCallbackURL: {
        type: 'string',
        description: 'Where to go when it fails, with ?error=….',
      },
      newUserCallbackURL: { type: 'string', description: 'Where to go after a first sign-in.' },
    },
    required: ['provider'],
    session: false,
  },
  {
    method: 'GET',
    path: '/callback/:id',
    operationId: 'authProviderCallback',
    summary: 'Where the provider sends the browser back: sets the session cookie and redirects',
    query: {
      code: { type: 'string', description: 'The authorization code.' },
      state: { type: 'string', description: 'The state of the sign-in it answers.' },
    },
    session: false,
    redirects: true,
  },
  {
    method: 'POST',
    path: '/callback/:id',
    operationId: 'authProviderCallbackForm',
    summary: 'The callback as a form post (response_mode=form_post): redirects to the GET callback',
    session: false,
  },
  {
    method: 'POST',
    path: '/sign-out',
    operationId: 'authSignOut',
    summary: 'Sign out: ends the session and clears the cookie',
    session: false,
  },
  {
    method: 'GET',
    path: '/get-session',
    operationId: 'authGetSession',
    summary: 'The current session and user, or null when signed out',
    session: false,
  },
  {
    method: 'GET',
    path: '/list-sessions',
    operationId: 'authListSessions',
    summary: "The signed-in user's sessions",
    session: true,
  },
  {
    method: 'POST',
    path: '/revoke-session',
    operationId: 'authRevokeSession',
    summary: "End one of the signed-in user's sessions",
    body: { token: { type: 'string', description: 'The session token, from list-sessions.' } },
    required: ['token'],
    session: true,
  },
  {
    method: 'POST',
    path: '/revoke-other-sessions',
    operationId: 'authRevokeOtherSessions',
    summary: 'End every session of the signed-in user but this one',
    session: true,
  },
  {
    method: 'POST',
    path: '/revoke-sessions',
    operationId: 'authRevokeSessions',
    summary: 'End every session of the signed-in user',
    session: true,
  },
  {
    method: 'POST',
    path: '/change-password',
    operationId: 'authChangePassword',
    summary: "Change the signed-in user's password",
    body: {
      currentPassword: { type: 'string', description: 'The password now.' },
      newPassword: password,
      revokeOtherSessions: { type: 'boolean', description: 'Also end the other sessions.' },
    },
    required: ['currentPassword', 'newPassword'],
    session: true,
  },
  {
    method: 'POST',
    path: '/update-user',
    operationId: 'authUpdateUser',
    summary: "Change the signed-in user's name or picture",
    body: {
      name: { type: 'string', description: 'The display name.' },
      image: { type: 'string', description: 'A picture URL.' },
    },
    session: true,
  },
  {
    method: 'POST',
    path: '/api-key/create',
    operationId: 'authCreateApiKey',
    summary: 'Create an API key for the signed-in user; the key is shown in this answer only',
    body: {
      name: { type: 'string', description: 'What the key is for (1 to 100 characters).' },
      expiresIn: { type: 'integer', description: 'Seconds until it expires; omit for never.' },
    },
    required: ['name'],
    session: true,
  },
  {
    method: 'GET',
    path: '/api-key/list',
    operationId: 'authListApiKeys',
    summary: "The signed-in user's API keys (their first characters, never the keys)",
    session: true,
  },
  {
    method: 'POST',
    path: '/api-key/revoke',
    operationId: 'authRevokeApiKey',
    summary: 'Revoke one of the signed-in user’s API keys; it authenticates nobody from then on',
    body: { id: { type: 'string', description: 'The key id, from list or create.' } },
    required: ['id'],
    session: true,
  },
  {
    method: 'POST',
    path: '/request-password-reset',
    operationId: 'authRequestPasswordReset',
    summary: 'Mail a password-reset link; the answer is the same whether the account exists',
    body: {
      email,
      redirectTo: { type: 'string', description: 'Where the link leads, with the token added.' },
    },
    required: ['email'],
    session: false,
  },
  {
    method: 'GET',
    path: '/reset-password/:token',
    operationId: 'authResetPasswordLink',
    summary: 'The mailed link: redirects to redirectTo with the token, or with an error',
    query: { callbackURL: { type: 'string', description: 'The redirectTo of the request.' } },
    session: false,
    redirects: true,
  },
  {
    method: 'POST',
    path: '/reset-password',
    operationId: 'authResetPassword',
    summary: 'Set a new password with the token of a reset link; every session ends',
    body: { newPassword: password, token: { type: 'string', description: 'From the link.' } },
    required: ['newPassword', 'token'],
    session: false,
  },
  {
    method: 'GET',
    path: '/verify-email',
    operationId: 'authVerifyEmail',
    summary: 'The mailed verification link: marks the email verified',
    query: {
      token: { type: 'string', description: 'From the link.' },
      callbackURL: { type: 'string', description: 'Where to go afterwards.' },
    },
    session: false,
    redirects: true,
  },
  {
    method: 'POST',
    path: '/send-verification-email',
    operationId: 'authSendVerificationEmail',
    summary: 'Mail the verification link again',
    body: {
      email,
      callbackURL: { type: 'string', description: 'Where the link leads afterwards.' },
    },
    required: ['email'],
    session: false,
  },
  {
    method: 'POST',
    path: '/two-factor/enable',
    operationId: 'authEnableTwoFactor',
    summary: 'Start two-factor sign-in: a TOTP URI and backup codes; on once a code is verified',
    body: { password: { type: 'string', description: 'The current password.' } },
    required: ['password'],
    session: true,
  },
  {
    method: 'POST',
    path: '/two-factor/verify-totp',
    operationId: 'authVerifyTotp',
    summary: 'Check a code from the authenticator app: finishes enabling, or a pending sign-in',
    body: {
      code: { type: 'string', description: 'The 6 digits the app shows.' },
      trustDevice: { type: 'boolean', description: 'Skip the code on this browser for 30 days.' },
    },
    required: ['code'],
    session: false,
  },
  {
    method: 'POST',
    path: '/two-factor/verify-backup-code',
    operationId: 'authVerifyBackupCode',
    summary: 'Finish a pending sign-in with a backup code (each works once)',
    body: { code: { type: 'string', description: 'One of the backup codes.' } },
    required: ['code'],
    session: false,
  },
  {
    method: 'POST',
    path: '/two-factor/get-totp-uri',
    operationId: 'authGetTotpUri',
    summary: 'The TOTP URI again, to add the account to another authenticator app',
    body: { password: { type: 'string', description: 'The current password.' } },
    required: ['password'],
    session: true,
  },
  {
    method: 'POST',
    path: '/two-factor/generate-backup-codes',
    operationId: 'authGenerateBackupCodes',
    summary: 'New backup codes; the old ones stop working',
    body: { password: { type: 'string', description: 'The current password.' } },
    required: ['password'],
    session: true,
  },
  {
    method: 'POST',
    path: '/two-factor/disable',
    operationId: 'authDisableTwoFactor',
    summary: 'Turn two-factor sign-in off',
    body: { password: { type: 'string', description: 'The current password.' } },
    required: ['password'],
    session: true,
  },
  {
    method: 'POST',
    path: '/organization/create',
    operationId: 'authCreateOrganization',
    summary:
      'Create an organization; the signed-in user becomes its owner and it becomes the active one',
    body: {
      name: { type: 'string', description: 'The display name.' },
      slug: { type: 'string', description: 'A unique short name (used in URLs).' },
      logo: { type: 'string', description: 'A logo URL.' },
      metadata: { type: 'object', description: 'Free-form data kept with the organization.' },
      keepCurrentActiveOrganization: {
        type: 'boolean',
        description: 'Keep the active organization of the session as it is.',
      },
    },
    required: ['name', 'slug'],
    session: true,
  },
  {
    method: 'GET',
    path: '/organization/list',
    operationId: 'authListOrganizations',
    summary: 'The organizations the signed-in user is a member of',
    session: true,
  },
  {
    method: 'GET',
    path: '/organization/get-full-organization',
    operationId: 'authGetFullOrganization',
    summary:
      'One organization with its members (and, for owners and admins, its pending invitations)',
    query: {
      organizationId: { type: 'string', description: 'Default: the active organization.' },
      organizationSlug: { type: 'string', description: 'Instead of the id.' },
      membersLimit: { type: 'integer', description: 'At most this many members.' },
    },
    session: true,
  },
  {
    method: 'POST',
    path: '/organization/set-active',
    operationId: 'authSetActiveOrganization',
    summary: 'Make an organization the active one of this session (null: none)',
    body: {
      organizationId: { type: 'string', description: 'The organization id, or null.' },
      organizationSlug: { type: 'string', description: 'Instead of the id.' },
    },
    session: true,
  },
  {
    method: 'GET',
    path: '/organization/list-members',
    operationId: 'authListOrganizationMembers',
    summary: 'The members of an organization the signed-in user belongs to, with their roles',
    query: {
      organizationId: { type: 'string', description: 'Default: the active organization.' },
      limit: { type: 'integer', description: 'At most this many members.' },
      offset: { type: 'integer', description: 'Skip this many.' },
    },
    session: true,
  },
  {
    method: 'POST',
    path: '/organization/invite-member',
    operationId: 'authInviteOrganizationMember',
    summary:
      'Invite an email to an organization (owners and admins); mailed when the app sends mail',
    body: {
      email,
      role: { type: 'string', description: 'member, admin or owner (only owners invite owners).' },
      organizationId: { type: 'string', description: 'Default: the active organization.' },
      resend: { type: 'boolean', description: 'Mail a pending invitation again.' },
    },
    required: ['email', 'role'],
    session: true,
  },
  {
    method: 'POST',
    path: '/organization/accept-invitation',
    operationId: 'authAcceptInvitation',
    summary: 'Accept an invitation addressed to the signed-in user: they become a member',
    body: { invitationId: { type: 'string', description: 'From the invitation link.' } },
    required: ['invitationId'],
    session: true,
  },
  {
    method: 'POST',
    path: '/organization/reject-invitation',
    operationId: 'authRejectInvitation',
    summary: 'Decline an invitation addressed to the signed-in user',
    body: { invitationId: { type: 'string', description: 'From the invitation link.' } },
    required: ['invitationId'],
    session: true,
  },
  {
    method: 'POST',
    path: '/organization/cancel-invitation',
    operationId: 'authCancelInvitation',
    summary: 'Withdraw a pending invitation (owners and admins)',
    body: { invitationId: { type: 'string', description: 'The invitation id.' } },
    required: ['invitationId'],
    session: true,
  },
  {
    method: 'GET',
    path: '/organization/list-invitations',
    operationId: 'authListInvitations',
    summary: "An organization's invitations (owners and admins)",
    query: {
      organizationId: { type: 'string', description: 'Default: the active organization.' },
    },
    session: true,
  },
  {
    method: 'POST',
    path: '/organization/update-member-role',
    operationId: 'authUpdateMemberRole',
    summary: "Change a member's role (owners and admins; only owners touch owners)",
    body: {
      memberId: { type: 'string', description: 'The member id (not the user id).' },
      role: { type: 'string', description: 'member, admin or owner.' },
      organizationId: { type: 'string', description: 'Default: the active organization.' },
    },
    required: ['memberId', 'role'],
    session: true,
  },
  {
    method: 'POST',
    path: '/organization/remove-member',
    operationId: 'authRemoveMember',
    summary: 'Remove a member (owners and admins; only owners remove owners)',
    body: {
      memberIdOrEmail: { type: 'string', description: "The member id, or the member's email." },
      organizationId: { type: 'string', description: 'Default: the active organization.' },
    },
    required: ['memberIdOrEmail'],
    session: true,
  },
  {
    method: 'POST',
    path: '/organization/leave',
    operationId: 'authLeaveOrganization',
    summary: 'Leave an organization (its last owner cannot)',
    body: { organizationId: { type: 'string', description: 'The organization id.' } },
    required: ['organizationId'],
    session: true,
  },
  {
    method: 'GET',
    path: '/ok',
    operationId: 'authOk',
    summary: 'Whether the auth service answers',
    session: false,
  },
]
