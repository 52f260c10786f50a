/**
 * The better-auth configuration of ObjectOS: email and password (12 characters at least), users
 * in `sys_user`, everything secret in `objectos_auth_*` tables through the engine's knex adapter,
 * sessions in httpOnly SameSite=Lax cookies (`better-auth.session_token`; Secure, with the
 * `__Secure-` prefix, over https or in production), throttling kept in the database, API keys,
 * and the checks the engine adds: an inactive user gets no session, sign-up cannot set the
 * access columns, the client address comes from the HTTP edge only. With `onAuthEvent`, sign-ins,
 * failures, sign-outs, sign-ups, API keys, password and two-factor changes, and organization
 * changes are reported to it.
 *
 * Organizations (organizations.ts): members with the roles owner, admin and member, invitations
 * mailed through the email sender; created by administrators unless `organizationCreators` is
 * `everyone`. The access layer reads the memberships (load-principal.ts).
 *
 * With `providers` (the manifest's `auth.providers`, see oauth-providers.ts), people also sign in
 * through OpenID Connect providers and Google, GitHub or Microsoft. Their accounts are rows of
 * `objectos_auth_account` (tokens encrypted with the secret); an unknown email becomes a new
 * `sys_user` exactly as sign-up makes one. A provider sign-in is linked to an existing user with
 * the same email only when the provider says the email is verified AND the user's own email is
 * verified; otherwise it is refused (`account_not_linked`), so nobody takes over an account by
 * registering its email at some provider, nor by signing up with someone else's email first.
 *
 * @example
 *   const options = authOptions({ db, secret, registry, throttle: throttleSettings() })
 *   const auth = betterAuth(options)
 */
import type { BetterAuthOptions } from 'better-auth'
import { getCurrentAdapter } from 'better-auth'
import { APIError } from 'better-auth/api'
import { genericOAuth } from 'better-auth/plugins/generic-oauth'
import { twoFactor } from 'better-auth/plugins/two-factor'
import type { Database } from '../data/connection/database.js'
import type { RegistryHolder } from '../registry/registry-holder.js'
import { accountLockoutPlugin } from './account-lockout-plugin.js'
import { knexAdapter } from './adapter/knex-adapter.js'
import type { UserWrite } from './adapter/user-rows.js'
import type { Executor } from '../data/write/data-context.js'
import { apiKeyPlugin } from './api-key-plugin.js'
import {
  clientAddressHeader,
  clientDetail,
  safeListener,
  type AuthEventListener,
} from './auth-event.js'
import { authEventsPlugin } from './auth-events-plugin.js'
import { authTableName, columnsOf } from './auth-tables.js'
import { composeMessage, type EmailSender, type InvitationDetails } from './email-sender.js'
import { providerSignInPlugin, type SignInProviders } from './oauth-providers.js'
import {
  organizationPlugin,
  organizationRulesPlugin,
  type OrganizationCreators,
} from './organizations.js'
import type { ThrottleSettings } from './throttle-settings.js'
import { userColumns, userDefaults, userObject, userTableColumns } from './user-defaults.js'

export const authBasePath = '/api/v1/auth'

export { clientAddressHeader }

export const minPasswordLength = 12

/**
 * Records a user row the identity layer wrote (sign-up, a provider's new user, a profile or
 * verification change), in the transaction of that write: if recording fails, the write fails.
 */
export type UserWriteRecorder = (executor: Executor, write: UserWrite) => Promise<void>

function recordUserWrite(
  recorder: UserWriteRecorder | undefined,
  executor: Executor,
  write: UserWrite,
): Promise<void> {
  return recorder === undefined ? Promise.resolve() : recorder(executor, write)
}

/** User fields `sys_user` has no column for (two-factor's flag) are kept here. */
export const userStateTable = authTableName('userState')

export interface AuthOptionsInput {
  readonly db: Database
  readonly secret: string
  readonly registry: RegistryHolder
  readonly throttle: ThrottleSettings
  /** The public URL (`https://crm.example.com`); without it each request's own origin is used. */
  readonly baseURL?: string | undefined
  /** Other origins allowed to call the auth routes with cookies (a UI served elsewhere). */
  readonly trustedOrigins?: readonly string[] | undefined
  readonly secureCookies: boolean
  readonly signUp: boolean
  /** Sends verification and password-reset mail; without one those flows are off. */
  readonly emailSender?: EmailSender | undefined
  /** Refuse sign-in until the email is verified (needs an email sender). */
  readonly requireEmailVerification?: boolean | undefined
  /** The name authenticator apps show next to the code (default ObjectOS). */
  readonly issuer?: string | undefined
  /** better-auth's own log level; it logs through the console. */
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error' | undefined
  /** Hears sign-ins, failures, sign-outs, sign-ups, API keys, password and two-factor changes. */
  readonly onAuthEvent?: AuthEventListener | undefined
  /** Hears every `sys_user` row better-auth writes, inside the write's transaction. */
  readonly onUserWrite?: UserWriteRecorder | undefined
  /** External sign-in providers, secrets resolved (oauth-providers.ts); none by default. */
  readonly providers?: SignInProviders | undefined
  /** Who may create organizations (default administrators). */
  readonly organizationCreators?: OrganizationCreators | undefined
  /** The app's page invitation links lead to (default /accept-invitation). */
  readonly invitationPage?: string | undefined
}

type DatabaseAdapter = ReturnType<ReturnType<typeof knexAdapter>>

export function authOptions(input: AuthOptionsInput) {
  const { db, throttle, emailSender } = input
  const mail =
    emailSender === undefined
      ? undefined
      : (kind: 'verify-email' | 'reset-password', to: string, link: string) =>
          emailSender.send(composeMessage(kind, to, link))
  const sendInvitation =
    emailSender === undefined
      ? undefined
      : (to: string, link: string, details: InvitationDetails) =>
          emailSender.send(composeMessage('invitation', to, link, details))
  const signInRule = throttle.signInPerAddress
  const report = input.onAuthEvent === undefined ? undefined : safeListener(input.onAuthEvent)
  const adapterFactory = knexAdapter(db, {
    userTable: userObject,
    userStateTable,
    userTableColumns: () => userTableColumns(input.registry.current()),
    userDefaults: () => userDefaults(input.registry.current(), db.dialect),
    onUserWrite:
      input.onUserWrite === undefined
        ? undefined
        : (trx, write) =>
            recordUserWrite(input.onUserWrite, { knex: trx, dialect: db.dialect }, write),
  })
  // The adapter better-auth builds, kept for the hooks below.
  let rootAdapter: DatabaseAdapter | undefined
  const providers = input.providers ?? { social: {}, oidc: [], ids: [] }
  return {
    appName: 'ObjectOS',
    secret: input.secret,
    basePath: authBasePath,
    ...(input.baseURL === undefined ? {} : { baseURL: input.baseURL }),
    ...(input.trustedOrigins === undefined ? {} : { trustedOrigins: [...input.trustedOrigins] }),
    database: (options: BetterAuthOptions) => (rootAdapter = adapterFactory(options)),
    telemetry: { enabled: false },
    logger: { level: input.logLevel ?? 'error' },
    emailAndPassword: {
      enabled: true,
      minPasswordLength,
      maxPasswordLength: 128,
      autoSignIn: true,
      disableSignUp: !input.signUp,
      requireEmailVerification: mail !== undefined && input.requireEmailVerification === true,
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      ...(report === undefined
        ? {}
        : {
            onPasswordReset: ({ user }: { user: { id: string } }, request?: Request) =>
              report({
                action: 'password_reset',
                userId: user.id,
                detail: clientDetail(request?.headers),
              }),
          }),
      ...(mail === undefined
        ? {}
        : {
            sendResetPassword: ({ user, url }: { user: { email: string }; url: string }) =>
              mail('reset-password', user.email, url),
          }),
    },
    ...(mail === undefined
      ? {}
      : {
          emailVerification: {
            sendOnSignUp: true,
            autoSignInAfterVerification: false,
            expiresIn: 24 * 3600,
            sendVerificationEmail: ({ user, url }: { user: { email: string }; url: string }) =>
              mail('verify-email', user.email, url),
          },
        }),
    user: {
      modelName: userObject,
      fields: userColumns,
      additionalFields: {
        // Read by the access layer; only administrators change them, never sign-up.
        isAdmin: { type: 'boolean', required: false, input: false, fieldName: 'is_admin' },
        active: { type: 'boolean', required: false, input: false, fieldName: 'active' },
      },
    },
    session: {
      modelName: authTableName('session'),
      fields: columnsOf([
        'expiresAt',
        'token',
        'createdAt',
        'updatedAt',
        'ipAddress',
        'userAgent',
        'userId',
      ]),
    },
    account: {
      modelName: authTableName('account'),
      fields: columnsOf([
        'accountId',
        'providerId',
        'userId',
        'accessToken',
        'refreshToken',
        'idToken',
        'accessTokenExpiresAt',
        'refreshTokenExpiresAt',
        'scope',
        'password',
        'createdAt',
        'updatedAt',
      ]),
      // Provider access and refresh tokens are stored encrypted with the secret.
      encryptOAuthTokens: true,
      accountLinking: {
        enabled: true,
        // No provider is trusted to vouch for an email it does not say is verified…
        trustedProviders: [],
        // …and the user's own email must be verified too, or a provider sign-in is not linked.
        requireLocalEmailVerified: true,
        allowDifferentEmails: false,
        updateUserInfoOnLink: false,
      },
    },
    socialProviders: providers.social,
    verification: {
      modelName: authTableName('verification'),
      fields: columnsOf(['identifier', 'value', 'expiresAt', 'createdAt', 'updatedAt']),
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: authTableName('rateLimit'),
      fields: { lastRequest: 'last_request' },
      window: throttle.perAddress.window,
      max: throttle.perAddress.max,
      customRules: {
        '/sign-in/*': signInRule,
        '/sign-up/*': signInRule,
        '/change-password': signInRule,
        '/request-password-reset': signInRule,
        '/reset-password': signInRule,
        // Each one mails someone.
        '/organization/invite-member': signInRule,
      },
    },
    advanced: {
      useSecureCookies: input.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      // Checked in tests too (better-auth skips them under NODE_ENV=test by default).
      disableOriginCheck: false,
      disableCSRFCheck: false,
      ipAddress: { ipAddressHeaders: [clientAddressHeader] },
    },
    databaseHooks: {
      session: {
        create: {
          async before(session: { userId: string }) {
            // Inside sign-up's transaction the current adapter is that transaction's.
            if (rootAdapter === undefined) throw new Error('the auth adapter is not built yet')
            const adapter = await getCurrentAdapter(rootAdapter)
            const user = await adapter.findOne<{ active?: boolean | null }>({
              model: 'user',
              where: [{ field: 'id', value: session.userId }],
            })
            if (user?.active === false) {
              throw new APIError('FORBIDDEN', {
                code: 'USER_INACTIVE',
                message: 'this account is deactivated',
              })
            }
          },
        },
      },
    },
    plugins: [
      apiKeyPlugin(report),
      accountLockoutPlugin(db, throttle),
      twoFactor({
        issuer: input.issuer ?? 'ObjectOS',
        twoFactorTable: authTableName('twoFactor'),
        schema: {
          user: { fields: { twoFactorEnabled: 'two_factor_enabled' } },
          twoFactor: {
            fields: columnsOf([
              'secret',
              'backupCodes',
              'userId',
              'verified',
              'failedVerificationCount',
              'lockedUntil',
            ]),
          },
        },
      }),
      organizationPlugin({
        creators: input.organizationCreators ?? 'administrators',
        sendInvitation,
        baseURL: input.baseURL,
        invitationPage: input.invitationPage,
        report,
      }),
      organizationRulesPlugin(report),
      // After two-factor: it withdraws the session of a sign-in still waiting for its second factor.
      ...(report === undefined ? [] : [authEventsPlugin(report)]),
      ...(providers.oidc.length === 0 ? [] : [genericOAuth({ config: [...providers.oidc] })]),
      ...(providers.ids.length === 0 ? [] : [providerSignInPlugin(report)]),
    ],
  } satisfies BetterAuthOptions
}
