/**
 * Locks sign-in for an email after repeated failures, as a better-auth plugin: after
 * `accountFailures` failed sign-ins within `accountWindow` seconds, `POST /sign-in/email` for that
 * email answers 429 (`TOO_MANY_ATTEMPTS`, with Retry-After) for `accountLock` seconds without
 * looking at the password. Unknown emails are counted and locked exactly like real ones, so the
 * lock says nothing about which accounts exist. A successful sign-in clears the count. The audit
 * trail gets the first sign-in each lock refuses (auth-refusals.ts), not one per attempt.
 *
 * The counts live in `objectos_auth_sign_in_failure` and change in one atomic upsert, so every
 * process on the database shares them. Emails are kept as SHA-256 digests.
 *
 * @example
 *   betterAuth({ …, plugins: [accountLockoutPlugin(db, throttleSettings())] })
 */
import { createHash } from 'node:crypto'
import type { BetterAuthPlugin } from 'better-auth'
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api'
import type { Executor } from '../data/write/data-context.js'
import { newRecordId } from '../data/write/new-record-id.js'
import { authTableName } from './auth-tables.js'
import type { ThrottleSettings } from './throttle-settings.js'

export const signInFailureModel = 'signInFailure'
export const signInFailureTable = authTableName(signInFailureModel)

const signInPath = '/sign-in/email'

/** The better-auth error code a wrong password or unknown email gives. */
const invalidCredentials = 'INVALID_EMAIL_OR_PASSWORD'

export function accountLockoutPlugin(db: Executor, settings: ThrottleSettings) {
  const isSignIn = (ctx: { path?: string }) => ctx.path === signInPath
  return {
    id: 'objectos-account-lockout',
    schema: {
      [signInFailureModel]: {
        modelName: signInFailureTable,
        fields: {
          key: { type: 'string', required: true, unique: true, fieldName: 'key' },
          failures: { type: 'number', required: true, fieldName: 'failures' },
          firstFailureAt: {
            type: 'number',
            bigint: true,
            required: true,
            fieldName: 'first_failure_at',
          },
          lockedUntil: { type: 'number', bigint: true, required: true, fieldName: 'locked_until' },
        },
      },
    },
    hooks: {
      before: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const key = accountKey(ctx.body)
            if (key === undefined) return
            const wait = await lockedFor(db, key, Date.now())
            if (wait > 0) {
              throw new APIError(
                'TOO_MANY_REQUESTS',
                { code: 'TOO_MANY_ATTEMPTS', message: 'too many failed sign-ins for this account' },
                { 'Retry-After': String(wait) },
              )
            }
          }),
        },
      ],
      after: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const key = accountKey(ctx.body)
            if (key === undefined) return
            const returned = ctx.context.returned
            if (!isAPIError(returned)) {
              await db.knex(signInFailureTable).where({ key }).delete()
            } else if (returned.body?.code === invalidCredentials) {
              await recordFailure(db, key, Date.now(), settings)
            }
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin
}

/** The digest of the normalised email a sign-in names, if it names one. */
function accountKey(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email
  if (typeof email !== 'string' || email.trim() === '') return undefined
  return createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('hex')
}

/** Whole seconds the account stays locked (0 when it is not). */
export async function lockedFor(db: Executor, key: string, now: number): Promise<number> {
  const row = (await db.knex(signInFailureTable).where({ key }).first('locked_until')) as
    { locked_until: number | string } | undefined
  const until = Number(row?.locked_until ?? 0)
  return until > now ? Math.ceil((until - now) / 1000) : 0
}

/**
 * Counts one failure in one statement: a count older than the window starts again at 1, and the
 * failure that reaches the limit sets the lock.
 */
export async function recordFailure(
  db: Executor,
  key: string,
  now: number,
  settings: ThrottleSettings,
): Promise<void> {
  const { knex } = db
  const col = (name: string) => knex.raw('??', [`${signInFailureTable}.${name}`])
  const cutoff = now - settings.accountWindow * 1000
  const stale = knex.raw('? <= ?', [col('first_failure_at'), cutoff])
  const next = knex.raw('case when ? then 1 else ? + 1 end', [stale, col('failures')])
  await knex(signInFailureTable)
    .insert({
      id: newRecordId(now),
      key,
      failures: 1,
      first_failure_at: now,
      locked_until: settings.accountFailures <= 1 ? now + settings.accountLock * 1000 : 0,
    })
    .onConflict('key')
    .merge({
      failures: next,
      first_failure_at: knex.raw('case when ? then ? else ? end', [
        stale,
        now,
        col('first_failure_at'),
      ]),
      locked_until: knex.raw('case when ? >= ? then ? else ? end', [
        next,
        settings.accountFailures,
        now + settings.accountLock * 1000,
        col('locked_until'),
      ]),
    })
}
