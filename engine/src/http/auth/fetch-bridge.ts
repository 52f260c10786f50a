/**
 * Between Fastify and better-auth, which speaks the Fetch API: a Fastify request becomes a
 * `Request` (the raw body untouched, the client address in a header only this edge sets — taken
 * from Fastify's `request.ip`, which follows its `trustProxy` setting), and a `Response` is
 * written back with every Set-Cookie kept as its own header.
 *
 * @example
 *   const response = await identity.handler(toFetchRequest(request))
 *   await sendFetchResponse(reply, response)
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { clientAddressHeader } from '../../identity/auth-options.js'

/** Headers that describe one hop or the body's framing; the Request sets its own. */
const dropped = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  clientAddressHeader,
])

export function toFetchRequest(request: FastifyRequest): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || dropped.has(name)) continue
    for (const one of [value].flat()) headers.append(name, one)
  }
  headers.set(clientAddressHeader, request.ip)
  const host = request.host === '' ? 'localhost' : request.host
  const body = Buffer.isBuffer(request.body) ? request.body : undefined
  return new Request(`${request.protocol}://${host}${request.url}`, {
    method: request.method,
    headers,
    ...(body === undefined || request.method === 'GET' || request.method === 'HEAD'
      ? {}
      : { body }),
  })
}

/** Writes the response's status and headers (not its body) onto the reply. */
export function copyHeaders(reply: FastifyReply, response: Response): void {
  reply.code(response.status)
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie' || name === 'content-length') continue
    reply.header(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) reply.header('set-cookie', cookies)
}

export async function sendFetchResponse(reply: FastifyReply, response: Response): Promise<void> {
  copyHeaders(reply, response)
  const body = Buffer.from(await response.arrayBuffer())
  await reply.send(body.length === 0 ? undefined : body)
}
