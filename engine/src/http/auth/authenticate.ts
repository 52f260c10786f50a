/**
 * Who sends a request: the user of its session cookie, or of the API key in
 * `Authorization: Bearer <key>`. A request with an Authorization header is judged by that header
 * alone. Nobody (undefined) when there is neither, when the session or key is not valid (expired,
 * signed out, revoked), when the user is inactive, or when the server has no identity layer.
 * The routes decide what nobody may do; this only says who it is.
 *
 * A session also has an active organization (better-auth's `set-active`), read from the session
 * the cookie proves; an API key has no session, so none.
 *
 * @example
 *   const caller = await authenticate(request)
 *   if (caller === undefined) throw Unauthenticated.create()
 *   caller.userId // '0197…'; caller.via // 'session' | 'api_key'
 *   caller.activeOrganization // '0198…' or undefined (always undefined for an API key)
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Identity } from '../../identity/create-identity.js'

export interface Authenticated {
  readonly userId: string
  readonly via: 'session' | 'api_key'
  /** The organization the caller's session made active; never one for an API key. */
  readonly activeOrganization?: string | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The identity layer the auth routes were mounted with (see registerAuthRoutes). */
    objectosIdentity: Identity | undefined
  }
}

/** Makes `identity` the one authenticate() asks for requests to this server. */
export function bindIdentity(server: FastifyInstance, identity: Identity): void {
  server.decorate('objectosIdentity', identity)
}

export async function authenticate(request: FastifyRequest): Promise<Authenticated | undefined> {
  const identity = request.server.objectosIdentity
  if (identity === undefined) return undefined
  const authorization = request.headers.authorization
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    if (match?.[1] === undefined) return undefined
    const userId = await identity.apiKeyUser(match[1])
    return userId === undefined ? undefined : { userId, via: 'api_key' }
  }
  if (request.headers.cookie === undefined) return undefined
  const headers = new Headers()
  headers.set('cookie', request.headers.cookie)
  const session = await identity.sessionUser(headers)
  return session === undefined
    ? undefined
    : { userId: session.userId, via: 'session', activeOrganization: session.activeOrganization }
}
