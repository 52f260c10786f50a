/**
 * The auth routes the server serves, under `/api/v1/auth`: better-auth's own endpoints, but only
 * these — an endpoint not listed (account linking, user deletion, …) is a 404, not a door nobody
 * tested. Sign-in through a provider of the manifest (`auth.providers`) starts at
 * `/sign-in/social` and comes back to `/callback/:id`. The same table registers the Fastify routes and writes their OpenAPI
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
    method: 'GET',
    path: '/ok',
    operationId: 'authOk',
    summary: 'Whether the auth service answers',
    session: false,
  },
]
