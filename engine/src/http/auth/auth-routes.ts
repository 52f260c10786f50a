/**
 * Mounts the identity layer's routes under `/api/v1/auth` (the list in auth-route-table.ts) and
 * hands each request to better-auth unchanged: bodies are not parsed here (better-auth reads
 * JSON and forms itself), answers are passed through — except errors, which become problem+json
 * with a catalog code, and rate-limit answers, which also get a standard `Retry-After`.
 *
 * @example
 *   registerAuthRoutes(server, identity)
 *   const url = '/api/v1/auth/sign-in/email'
 *   await server.inject({ method: 'POST', url, payload: { email, password } })
 */
import { randomUUID } from 'node:crypto'
import { InternalError } from '@objectos/errors'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Identity } from '../../identity/create-identity.js'
import { problemOf } from '../problem-reply.js'
import { authError, type AuthErrorBody } from './auth-problem.js'
import { authRoutes } from './auth-route-table.js'
import { bindIdentity } from './authenticate.js'
import { copyHeaders, sendFetchResponse, toFetchRequest } from './fetch-bridge.js'

/** Auth requests are small: credentials and a few fields. */
const bodyLimit = 64 * 1024

export function registerAuthRoutes(server: FastifyInstance, identity: Identity): void {
  bindIdentity(server, identity)
  void server.register(async (scope) => {
    // The body goes to better-auth as the client sent it.
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
      done(null, body)
    })
    for (const route of authRoutes) {
      scope.route({
        method: route.method,
        url: `${identity.basePath}${route.path}`,
        bodyLimit,
        handler: (request, reply) => forward(identity, request, reply),
      })
    }
  })
}

async function forward(
  identity: Identity,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const response = await identity.handler(toFetchRequest(request))
  if (response.status < 400) return sendFetchResponse(reply, response)
  const body = (await response.json().catch(() => ({}))) as AuthErrorBody
  let error = authError(response.status, body)
  if (error === undefined) {
    const reference = randomUUID()
    request.log.error({ reference, status: response.status, body }, 'auth request failed')
    error = InternalError.create(reference)
  }
  copyHeaders(reply, response)
  const retryAfter = response.headers.get('x-retry-after')
  if (retryAfter !== null) reply.header('retry-after', retryAfter)
  const reason = typeof body.code === 'string' ? { reason: body.code } : {}
  await reply
    .code(error.status)
    .type('application/problem+json')
    .send({ ...problemOf(error), ...reason })
}
