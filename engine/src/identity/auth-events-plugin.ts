/**
 * Reports the identity layer's events to a listener (the audit trail), as a better-auth plugin:
 *
 * - after `POST /sign-in/email` and the two-factor sign-in checks: `sign_in` when a session was
 *   made, `sign_in_failed` with better-auth's error code as the reason when it was refused. A
 *   failure names the account (its user id and email) only when the email belongs to a user, so a
 *   password typed into the email box never reaches the log. A sign-in waiting for its second
 *   factor is not one yet; the check that completes it is.
 * - after `POST /sign-up/email`: `sign_up`; after `POST /change-password`: `password_changed`.
 * - a session deleted by `POST /sign-out`: `sign_out`.
 * - a user's two-factor flag written by the two-factor routes: `two_factor_enabled` or
 *   `two_factor_disabled`.
 *
 * API keys and password resets are reported where they happen (api-key-plugin.ts, the reset
 * callback in auth-options.ts). A request refused before its route runs (rate limit, account
 * lockout, foreign origin) never reaches these hooks: auth-refusals.ts reports it.
 *
 * This plugin must come after better-auth's two-factor plugin, which withdraws the session of a
 * sign-in that still needs its second factor.
 *
 * @example
 *   betterAuth({ …, plugins: [twoFactor(…), authEventsPlugin(report)] })
 */
import type { BetterAuthPlugin, GenericEndpointContext } from 'better-auth'
import { createAuthMiddleware, isAPIError } from 'better-auth/api'
import {
  clientDetail,
  noteReported,
  type AuthAction,
  type AuthDetail,
  type AuthEvent,
} from './auth-event.js'

/** Routes that sign a user in, and how they checked who it is. */
export const signInMethods: Readonly<Record<string, string>> = {
  '/sign-in/email': 'password',
  '/two-factor/verify-totp': 'totp',
  '/two-factor/verify-otp': 'otp',
  '/two-factor/verify-backup-code': 'backup_code',
}

const signUpPath = '/sign-up/email'
const changePasswordPath = '/change-password'
const signOutPath = '/sign-out'
const twoFactorPrefix = '/two-factor/'

type Report = (event: AuthEvent) => Promise<void>

interface EndpointView {
  readonly path?: string | undefined
  readonly headers?: Headers | undefined
  readonly request?: Request | undefined
  readonly body?: unknown
  readonly context: {
    readonly returned?: unknown
    readonly newSession: { readonly user: { readonly id: string } } | null
    readonly session: unknown
    readonly internalAdapter: {
      findUserByEmail(email: string): Promise<{ user: { id: string; email: string } } | null>
    }
  }
}

export function authEventsPlugin(report: Report) {
  const send = (action: AuthAction, userId: string | undefined, detail: AuthDetail) =>
    report({ action, userId, detail })
  return {
    id: 'objectos-auth-events',
    hooks: {
      after: [
        {
          matcher: (ctx: { path?: string }) => {
            const path = ctx.path ?? ''
            return path in signInMethods || path === signUpPath || path === changePasswordPath
          },
          handler: createAuthMiddleware(async (ctx) => {
            const view = ctx as unknown as EndpointView
            // A refusal reported here is not reported again by auth-refusals.ts.
            await afterRoute(view, (action, userId, detail) => {
              noteReported(view.request)
              return send(action, userId, detail)
            })
          }),
        },
      ],
    },
    init() {
      return {
        options: {
          databaseHooks: {
            session: {
              delete: {
                async after(session: { userId: string }, ctx: GenericEndpointContext | null) {
                  if (ctx?.path !== signOutPath) return
                  await send('sign_out', session.userId, clientDetail(ctx.headers))
                },
              },
            },
            user: {
              update: {
                async after(user: Record<string, unknown>, ctx: GenericEndpointContext | null) {
                  const enabled = user.twoFactorEnabled
                  if (ctx?.path?.startsWith(twoFactorPrefix) !== true) return
                  if (typeof enabled !== 'boolean') return
                  const action = enabled ? 'two_factor_enabled' : 'two_factor_disabled'
                  await send(action, String(user.id), clientDetail(ctx.headers))
                },
              },
            },
          },
        },
      }
    },
  } satisfies BetterAuthPlugin
}

async function afterRoute(
  ctx: EndpointView,
  send: (action: AuthAction, userId: string | undefined, detail: AuthDetail) => Promise<void>,
): Promise<void> {
  const path = ctx.path ?? ''
  const { returned, newSession, session } = ctx.context
  const client = clientDetail(ctx.headers)
  const method = signInMethods[path]
  if (method !== undefined) {
    // A second-factor check by someone already signed in is turning two-factor on, not a sign-in.
    if (path !== '/sign-in/email' && session !== null && session !== undefined) return
    if (isAPIError(returned)) {
      const reason = (returned.body as { code?: unknown } | undefined)?.code
      const account = path === '/sign-in/email' ? await knownAccount(ctx) : undefined
      await send('sign_in_failed', account?.id, {
        ...client,
        method,
        reason: typeof reason === 'string' ? reason : returned.status,
        ...(account === undefined ? {} : { email: account.email }),
      })
    } else if (newSession !== null) {
      await send('sign_in', newSession.user.id, { ...client, method })
    }
    return
  }
  if (isAPIError(returned)) return
  const userId = (returned as { user?: { id?: unknown } } | null | undefined)?.user?.id
  if (typeof userId !== 'string') return
  await send(path === signUpPath ? 'sign_up' : 'password_changed', userId, client)
}

/** The user whose email a failed sign-in named, if there is one. */
async function knownAccount(ctx: EndpointView): Promise<{ id: string; email: string } | undefined> {
  const email = (ctx.body as { email?: unknown } | undefined)?.email
  if (typeof email !== 'string' || email.trim() === '') return undefined
  const found = await ctx.context.internalAdapter.findUserByEmail(email.trim().toLowerCase())
  return found === null ? undefined : { id: found.user.id, email: found.user.email }
}
