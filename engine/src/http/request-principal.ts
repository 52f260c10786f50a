/**
 * Every request to the data, GraphQL and metadata routes acts for someone: an `onRequest` hook
 * resolves the caller's Principal (session cookie or API key, through the `identify` function
 * the server is given) before the route runs, and a caller nobody recognises gets 401. The
 * routes then build their DataContext from `request.principal`, so permissions reach every
 * query the request makes. Without an `identify` function nobody is recognised: closed by
 * default.
 *
 * @example
 *   registerRequestPrincipal(server, async (request) => principalFromSession(request))
 *   const context = requestContext(request, 'rest') // { door, userId, principal }
 */
import { AdminRequired, ForeignOrigin, RecordNotFound, Unauthenticated } from '@objectos/errors'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Principal } from '../data/access/principal.js'
import type { DataContext, Door } from '../data/write/data-context.js'

/** Who sends this request, or undefined for nobody (401). */
export type Identify = (request: FastifyRequest) => Promise<Principal | undefined>

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for the guarded routes before their handler runs. */
    principal: Principal | undefined
  }
}

/** The route prefixes that act on data or describe it; the rest (health, docs) are public. */
const guardedPrefixes = ['/api/v1/data/', '/api/v1/graphql', '/api/v1/meta/', '/api/v1/access/']

/** An administrator sends this header with a user id to see the app as that user (read-only). */
export const viewAsHeader = 'objectos-view-as'

/**
 * With view-as, the organization the viewed user is taken to have made active
 * (`current_user.activeOrganization`); kept only if they are a member, as for a session.
 */
export const viewAsOrganizationHeader = 'objectos-view-as-organization'

/**
 * Loads another user's principal, for view-as, with an active organization if one is named;
 * undefined for an unknown or inactive user.
 */
export type LoadUser = (
  userId: string,
  activeOrganization: string | undefined,
) => Promise<Principal | undefined>

export function registerRequestPrincipal(
  server: FastifyInstance,
  identify?: Identify,
  loadUser?: LoadUser,
): void {
  server.decorateRequest('principal', undefined)
  server.addHook('onRequest', async (request) => {
    const path = request.url
    if (!guardedPrefixes.some((prefix) => path.startsWith(prefix))) return
    refuseForeignCookieWrite(request)
    const principal = identify === undefined ? undefined : await identify(request)
    if (principal === undefined) throw Unauthenticated.create()
    const viewAs = request.headers[viewAsHeader]
    if (viewAs === undefined) {
      request.principal = principal
      return
    }
    if (!principal.admin || loadUser === undefined)
      throw AdminRequired.create('view as another user')
    const organization = request.headers[viewAsOrganizationHeader]
    const target =
      typeof viewAs === 'string'
        ? await loadUser(viewAs, typeof organization === 'string' ? organization : undefined)
        : undefined
    if (target === undefined) throw RecordNotFound.create('sys_user', String(viewAs))
    request.principal = Object.freeze({ ...target, viewedBy: principal.userId })
  })
}

/** The DataContext of a guarded request. */
export function requestContext(request: FastifyRequest, door: Door): DataContext {
  const { principal } = request
  if (principal === undefined) throw Unauthenticated.create()
  return { door, userId: principal.userId, principal }
}

const safeMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A change that rides on a session cookie must come from the app's own origin: a page elsewhere
 * cannot make the browser send it (cross-site request forgery). Requests with an
 * `Authorization` header carry their credential themselves and are not affected; clients that
 * send no `Origin` (not browsers) are not either.
 */
function refuseForeignCookieWrite(request: FastifyRequest): void {
  if (safeMethods.has(request.method)) return
  const { origin, cookie, authorization, host } = request.headers
  if (cookie === undefined || authorization !== undefined || origin === undefined) return
  if (origin === ownOrigin(request.protocol, host) || origin === publicOrigin()) return
  throw ForeignOrigin.create(origin)
}

/** `protocol://host` as browsers write an origin (no default port). */
function ownOrigin(protocol: string, host: string | undefined): string | undefined {
  try {
    return new URL(`${protocol}://${host ?? ''}`).origin
  } catch {
    return undefined
  }
}

/** The origin of OBJECTOS_BASE_URL (the public URL behind a proxy), if it is set. */
function publicOrigin(): string | undefined {
  const base = process.env.OBJECTOS_BASE_URL
  if (base === undefined || base === '') return undefined
  try {
    return new URL(base).origin
  } catch {
    return undefined
  }
}
