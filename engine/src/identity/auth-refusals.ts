/**
 * Reports the auth requests refused before their route runs, which better-auth's route hooks —
 * and so auth-events-plugin.ts — never see:
 *
 * - the per-address rate limit (throttle-settings.ts): better-auth's limiter answers 429 with no
 *   error code;
 * - an account locked after repeated failures (account-lockout-plugin.ts): 429
 *   `TOO_MANY_ATTEMPTS` from `POST /sign-in/email`;
 * - a foreign origin (the CSRF check): 403 `INVALID_ORIGIN`, `MISSING_OR_NULL_ORIGIN` or
 *   `CROSS_SITE_NAVIGATION_LOGIN_BLOCKED` — unless the route's hooks reported it already (the
 *   sign-in routes check a cookie-less request's origin inside the route).
 *
 * A refused sign-in (`/sign-in/…`, the two-factor checks) is a `sign_in_failed` whose reason is
 * `throttled`, `locked` or `foreign_origin`, naming the account, like other failures, only when
 * its email belongs to a user; a refusal of any other auth route is a `request_refused` naming
 * the route.
 *
 * A flood must not write a row per request: the first refusal per key — the email for a lock,
 * the client address and route otherwise — is reported, and that key's refusals are not again
 * until the refusal's own window ends (its Retry-After; a minute for the origin check). The keys
 * are kept per process, so N processes report at most N rows per key and window; and at most
 * `maxKeys` at a time: while that many are quiet, refusals of further keys are not reported, so
 * even a flood from countless addresses writes a bounded number of rows.
 *
 * @example
 *   const handler = reportRefusals((request) => auth.handler(request), { basePath, report, findUser })
 */
import { createHash } from 'node:crypto'
import {
  clientDetail,
  wasReported,
  type AuthAction,
  type AuthDetail,
  type AuthEvent,
} from './auth-event.js'
import { signInMethods } from './auth-events-plugin.js'

export type RefusalReason = 'throttled' | 'locked' | 'foreign_origin'

export interface RefusalOptions {
  /** Where the auth routes live (`/api/v1/auth`). */
  readonly basePath: string
  readonly report: (event: AuthEvent) => Promise<void>
  /** The user an email belongs to, if any (names the account of a locked sign-in). */
  readonly findUser: (email: string) => Promise<{ id: string; email: string } | undefined>
  /** The clock (tests move it). */
  readonly now?: (() => number) | undefined
  /** Keys remembered at most (default 10,000). */
  readonly maxKeys?: number | undefined
}

/** better-auth's codes for a request its origin check refused. */
const originCodes: ReadonlySet<string> = new Set([
  'INVALID_ORIGIN',
  'MISSING_OR_NULL_ORIGIN',
  'CROSS_SITE_NAVIGATION_LOGIN_BLOCKED',
])

/** The lockout's code (account-lockout-plugin.ts); two-factor's own lock answers inside its route. */
const lockedCode = 'TOO_MANY_ATTEMPTS'
const passwordSignIn = '/sign-in/email'

/** Seconds a key stays quiet when the refusal gives no Retry-After (the origin check). */
const defaultQuiet = 60
const longestQuiet = 24 * 3600

export function reportRefusals(
  handler: (request: Request) => Promise<Response>,
  options: RefusalOptions,
): (request: Request) => Promise<Response> {
  const quiet = quietKeys(options.maxKeys ?? 10_000, options.now ?? Date.now)
  return async (request) => {
    const path = routeOf(request, options.basePath)
    // The body is gone once better-auth has read it; a refused sign-in names its account.
    const copy = path === passwordSignIn && request.method === 'POST' ? request.clone() : undefined
    const response = await handler(request)
    if (response.status !== 429 && response.status !== 403) return response
    const code = await errorCode(response)
    const reason = reasonOf(response.status, code, path)
    // The sign-in routes' own origin check runs inside the route, whose hooks report it.
    if (reason === undefined || wasReported(request)) return response
    const detail = clientDetail(request.headers)
    const email = await emailOf(copy)
    // A lock is the email's (known or not), whatever address knocks; the rest are per address.
    const key =
      reason === 'locked' && email !== undefined
        ? `locked|${createHash('sha256').update(email, 'utf8').digest('hex')}`
        : `${reason}|${String(detail.address)}|${path}`
    if (!quiet.claim(key, retryAfter(response))) return response
    const account = email === undefined ? undefined : await options.findUser(email)
    const method = methodOf(path)
    const action: AuthAction = method === undefined ? 'request_refused' : 'sign_in_failed'
    const extra: AuthDetail =
      method === undefined
        ? { path, reason }
        : { method, reason, ...(account === undefined ? {} : { email: account.email }) }
    await options.report({ action, userId: account?.id, detail: { ...detail, ...extra } })
    return response
  }
}

function routeOf(request: Request, basePath: string): string {
  const { pathname } = new URL(request.url)
  return pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname
}

/** How a refused route signs in, or undefined when it is not a sign-in. */
function methodOf(path: string): string | undefined {
  return signInMethods[path] ?? (path.startsWith('/sign-in/') ? 'provider' : undefined)
}

function reasonOf(
  status: number,
  code: string | undefined,
  path: string,
): RefusalReason | undefined {
  if (status === 429 && code === undefined) return 'throttled'
  if (status === 429 && code === lockedCode && path === passwordSignIn) return 'locked'
  if (status === 403 && code !== undefined && originCodes.has(code)) return 'foreign_origin'
  return undefined
}

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { code?: unknown } | undefined
  return typeof body?.code === 'string' ? body.code : undefined
}

function retryAfter(response: Response): number {
  const header = response.headers.get('retry-after') ?? response.headers.get('x-retry-after')
  const seconds = Number(header)
  if (header === null || !Number.isFinite(seconds) || seconds <= 0) return defaultQuiet
  return Math.min(Math.ceil(seconds), longestQuiet)
}

/** The normalised email a sign-in named, if it named one. */
async function emailOf(request: Request | undefined): Promise<string | undefined> {
  const body = (await request?.json().catch(() => undefined)) as { email?: unknown } | undefined
  const email = body?.email
  if (typeof email !== 'string' || email.trim() === '') return undefined
  return email.trim().toLowerCase()
}

/** Keys that were reported recently, each until its window ends. */
function quietKeys(maxKeys: number, now: () => number) {
  const until = new Map<string, number>()
  return {
    /** True when `key` may be reported now; it then stays quiet for `seconds`. */
    claim(key: string, seconds: number): boolean {
      const at = now()
      const quietUntil = until.get(key)
      if (quietUntil !== undefined && quietUntil > at) return false
      until.delete(key)
      if (until.size >= maxKeys) {
        for (const [old, end] of until) if (end <= at) until.delete(old)
        // Still full of quiet keys: a flood from that many addresses is on record already.
        if (until.size >= maxKeys) return false
      }
      until.set(key, at + seconds * 1000)
      return true
    },
  }
}
