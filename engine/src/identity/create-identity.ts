/**
 * The identity layer of an app: better-auth on the app's own database, with its tables and its
 * secret made ready first. What the rest of the engine asks of it — answer an auth request, tell
 * whose session cookie or API key a request carries (active users only), create a user with a
 * password hashed exactly as sign-up hashes it — goes through the Identity it returns.
 *
 * The sign-in providers of the app manifest (`auth.providers`) are set up here, at start, with
 * their client secrets read from the environment: an unset secret variable refuses the start
 * (OOS_AUTH_PROVIDER_SECRET_MISSING). A change to the providers takes effect at the next start.
 *
 * @example
 *   const identity = await createIdentity(db, { registry: kernel.registry })
 *   const res = await identity.handler(new Request('http://localhost/api/v1/auth/ok'))
 *   const caller = await identity.sessionUser(request.headers) // { userId, activeOrganization }
 */
import { AuthBadRequest, AuthUnprocessable, InvalidSetting } from '@objectos/errors'
import { runWithTransaction } from '@better-auth/core/context'
import type { BetterAuthOptions } from 'better-auth'
import { betterAuth } from 'better-auth/minimal'
import { getAuthTables } from 'better-auth/db'
import type { Database } from '../data/connection/database.js'
import type { RegistryHolder } from '../registry/registry-holder.js'
import type { Registry } from '../registry/registry.js'
import { apiKeyModel, type StoredApiKey } from './api-key-plugin.js'
import { hashApiKey, looksLikeApiKey } from './api-key-token.js'
import { safeListener, type AuthEventListener } from './auth-event.js'
import { reportRefusals } from './auth-refusals.js'
import {
  authOptions,
  minPasswordLength,
  userStateTable,
  type UserWriteRecorder,
} from './auth-options.js'
import { signInProviders } from './oauth-providers.js'
import { ensureAuthTables, ensureUserStateTable } from './auth-tables.js'
import type { EmailSender } from './email-sender.js'
import { resolveSecret } from './identity-secret.js'
import { organizationCreatorsVariable, type OrganizationCreators } from './organizations.js'
import { throttleSettings, type ThrottleSettings } from './throttle-settings.js'
import { userObject, userTableColumns } from './user-defaults.js'

export interface IdentityOptions {
  readonly registry: RegistryHolder
  /** Where OBJECTOS_SECRET, OBJECTOS_BASE_URL and NODE_ENV are read (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** The public URL; default OBJECTOS_BASE_URL, else each request's own origin. */
  readonly baseURL?: string | undefined
  readonly trustedOrigins?: readonly string[] | undefined
  /** Secure cookies; default: the base URL is https, or NODE_ENV is production. */
  readonly secureCookies?: boolean | undefined
  /** Whether anyone may sign up: `POST /sign-up/email`, or a provider sign-in (default true). */
  readonly signUp?: boolean | undefined
  readonly throttle?: Partial<ThrottleSettings> | undefined
  /** Sends verification and password-reset mail; without one those flows are off. */
  readonly emailSender?: EmailSender | undefined
  /** Refuse sign-in until the email is verified (only with an email sender). */
  readonly requireEmailVerification?: boolean | undefined
  /** Hears sign-ins, failures, sign-outs, sign-ups, API keys, password and two-factor changes. */
  readonly onAuthEvent?: AuthEventListener | undefined
  /** Hears every `sys_user` row the identity layer writes, in the write's transaction. */
  readonly onUserWrite?: UserWriteRecorder | undefined
  /**
   * Whether to serve the manifest's sign-in providers (default true); their secrets must then be
   * set. A process that serves no sign-in (an operator command) may leave them out.
   */
  readonly signInProviders?: boolean | undefined
  /**
   * Who may create organizations: `administrators` or `everyone` signed in. Default
   * OBJECTOS_ORGANIZATION_CREATORS, else administrators.
   */
  readonly organizationCreators?: OrganizationCreators | undefined
  /** The app's page that accepts invitations, where mailed links lead (default /accept-invitation). */
  readonly invitationPage?: string | undefined
}

/** A user as the identity layer sees it. */
export interface IdentityUser {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly isAdmin: boolean
  readonly active: boolean
}

export interface NewUser {
  readonly email: string
  readonly password: string
  readonly name?: string | undefined
}

/** Who a session belongs to, and the organization it made active. */
export interface SessionUser {
  readonly userId: string
  readonly activeOrganization: string | undefined
}

export interface Identity {
  /** `/api/v1/auth`: better-auth's routes live below it. */
  readonly basePath: string
  /** Answers one request to an auth route. */
  handler(request: Request): Promise<Response>
  /**
   * The active user whose session the request headers carry (cookie), if any, with the
   * organization that session made active (`/organization/set-active`), if any.
   */
  sessionUser(headers: Headers): Promise<SessionUser | undefined>
  /** The active user an API key belongs to, if the key is valid, unrevoked and unexpired. */
  apiKeyUser(key: string): Promise<string | undefined>
  /** Creates a user with a password (hashed as sign-up does); no session is made. */
  createUser(user: NewUser): Promise<IdentityUser>
  findUserByEmail(email: string): Promise<IdentityUser | undefined>
}

export async function createIdentity(db: Database, options: IdentityOptions): Promise<Identity> {
  const env = options.env ?? process.env
  const baseURL = options.baseURL ?? (env.OBJECTOS_BASE_URL || undefined)
  if (options.emailSender !== undefined && baseURL === undefined) {
    // Links in mail must not be built from a request's Host header, which the sender controls.
    throw new Error('mailed links need the public URL of the app: set OBJECTOS_BASE_URL')
  }
  const secureCookies =
    options.secureCookies ??
    (baseURL?.startsWith('https://') === true || env.NODE_ENV === 'production')
  const signUp = options.signUp ?? true
  const providers =
    options.signInProviders === false
      ? undefined
      : signInProviders(options.registry.current().manifest, env, {
          signUp,
          requireEmailVerification:
            options.emailSender !== undefined && options.requireEmailVerification === true,
        })
  const organizationCreators =
    options.organizationCreators ?? creatorsSetting(env[organizationCreatorsVariable])
  const input = {
    db,
    secret: await resolveSecret(db, env),
    registry: options.registry,
    throttle: throttleSettings(options.throttle),
    baseURL,
    trustedOrigins: options.trustedOrigins,
    secureCookies,
    signUp,
    emailSender: options.emailSender,
    requireEmailVerification: options.requireEmailVerification,
    onAuthEvent: options.onAuthEvent,
    onUserWrite: options.onUserWrite,
    providers,
    organizationCreators,
    invitationPage: options.invitationPage,
  }
  const config = authOptions(input)
  const report = options.onAuthEvent === undefined ? undefined : safeListener(options.onAuthEvent)
  await ensureIdentityTables(db, config, options.registry.current())
  const auth = betterAuth(config)
  const context = () => auth.$context

  const userById = async (id: string): Promise<IdentityUser | undefined> => {
    const user = await (await context()).internalAdapter.findUserById(id)
    return user === null ? undefined : identityUser(user)
  }

  const handle = (request: Request) => auth.handler(request)
  return {
    basePath: config.basePath,
    // Requests refused before their route (rate limit, lockout, origin) are reported here.
    handler:
      report === undefined
        ? handle
        : reportRefusals(handle, {
            basePath: config.basePath,
            report,
            findUser: async (email) => {
              const found = await (await context()).internalAdapter.findUserByEmail(email)
              return found === null ? undefined : { id: found.user.id, email: found.user.email }
            },
          }),
    async sessionUser(headers) {
      const session = await auth.api.getSession({ headers })
      if (session === null) return undefined
      if ((session.user as { active?: boolean | null }).active === false) return undefined
      const active = (session.session as { activeOrganizationId?: unknown }).activeOrganizationId
      return {
        userId: session.user.id,
        activeOrganization: typeof active === 'string' && active !== '' ? active : undefined,
      }
    },
    async apiKeyUser(key) {
      if (!looksLikeApiKey(key)) return undefined
      const { adapter } = await context()
      const stored = await adapter.findOne<StoredApiKey>({
        model: apiKeyModel,
        where: [{ field: 'keyHash', value: hashApiKey(key) }],
      })
      const now = new Date()
      if (stored === null || stored.revokedAt !== null) return undefined
      if (stored.expiresAt !== null && stored.expiresAt.getTime() <= now.getTime()) return undefined
      const user = await userById(stored.userId)
      if (user === undefined || !user.active) return undefined
      // Noted at most once a minute per key, so a busy integration does not write on every call.
      if (stored.lastUsedAt === null || now.getTime() - stored.lastUsedAt.getTime() > 60_000) {
        await adapter.update({
          model: apiKeyModel,
          where: [{ field: 'id', value: stored.id }],
          update: { lastUsedAt: now },
        })
      }
      return user.id
    },
    async createUser(user) {
      const ctx = await context()
      const email = user.email.trim().toLowerCase()
      if (!isEmailAddress(email)) {
        throw AuthBadRequest.create(`"${user.email}" is not an email address`)
      }
      if (user.password.length < minPasswordLength) {
        throw AuthBadRequest.create(
          `the password must have at least ${minPasswordLength} characters`,
        )
      }
      const hash = await ctx.password.hash(user.password)
      const created = await runWithTransaction(ctx.adapter, async () => {
        if ((await ctx.internalAdapter.findUserByEmail(email)) !== null) {
          throw AuthUnprocessable.create(`a user with the email ${email} already exists`)
        }
        const made = await ctx.internalAdapter.createUser(
          { email, name: user.name ?? email.split('@')[0] ?? email, emailVerified: false },
          { method: 'admin' },
        )
        await ctx.internalAdapter.linkAccount({
          userId: made.id,
          providerId: 'credential',
          accountId: made.id,
          password: hash,
        })
        return made
      })
      await report?.({
        action: 'sign_up',
        userId: String(created.id),
        actorId: null,
        detail: { method: 'operator' },
      })
      return identityUser(created)
    },
    async findUserByEmail(email) {
      const found = await (
        await context()
      ).internalAdapter.findUserByEmail(email.trim().toLowerCase())
      return found === null ? undefined : identityUser(found.user)
    },
  }
}

/** The auth tables the options need, and the side table of user fields sys_user lacks. */
export async function ensureIdentityTables(
  db: Database,
  config: BetterAuthOptions,
  registry: Registry,
): Promise<void> {
  const tables = getAuthTables(config)
  await ensureAuthTables(db, tables, new Set([userObject]))
  await ensureUserStateTable(db, userStateTable, tables.user, userTableColumns(registry))
}

/** OBJECTOS_ORGANIZATION_CREATORS: `administrators` (also when unset) or `everyone`. */
function creatorsSetting(value: string | undefined): OrganizationCreators {
  const setting = value?.trim().toLowerCase() ?? ''
  if (setting === '' || setting === 'administrators') return 'administrators'
  if (setting === 'everyone') return 'everyone'
  throw InvalidSetting.create(
    organizationCreatorsVariable,
    'it must be administrators (only administrators create organizations) or everyone (every signed-in user)',
  )
}

/** A plausible email address: something, @, a domain with a dot. */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim())
}

function identityUser(user: Record<string, unknown>): IdentityUser {
  return {
    id: String(user.id),
    email: String(user.email),
    name: String(user.name),
    isAdmin: user.isAdmin === true,
    active: user.active !== false,
  }
}
