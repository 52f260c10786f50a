/**
 * The one place that decides how an error looks on the wire: `application/problem+json` with
 * the catalog code, the HTTP status and, for rejected writes, the per-field `errors[]`. Errors the
 * engine did not throw on purpose become a 500 with a reference to the log entry — never a stack.
 *
 * @example
 *   // { "type": "/docs/errors#OOS_DATA_NOT_FOUND", "title": "account \"42\" does not exist",
 *   //   "status": 404, "code": "OOS_DATA_NOT_FOUND" }
 */
import { randomUUID } from 'node:crypto'
import { BadRequest, InternalError, ObjectOSError, PayloadTooLarge } from '@objectos/errors'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'

export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly code: string
  readonly errors?: readonly { field: string; code: string; message: string }[]
}

export function problemOf(error: ObjectOSError): Problem {
  return {
    type: `/docs/reference/errors.md#${error.code}`,
    title: error.message,
    status: error.status,
    code: error.code,
    ...(error.errors.length > 0 ? { errors: error.errors } : {}),
  }
}

/** The catalog error for anything thrown while serving a request. */
export function asObjectOSError(error: unknown, request: FastifyRequest): ObjectOSError {
  if (error instanceof ObjectOSError) return error
  const fastifyError = error as Partial<FastifyError>
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return PayloadTooLarge.create(request.routeOptions.bodyLimit ?? 0)
  }
  const status = fastifyError.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return BadRequest.create(fastifyError.message ?? 'unreadable request')
  }
  const reference = randomUUID()
  request.log.error({ err: error, reference }, 'unexpected error')
  return InternalError.create(reference)
}

export function sendProblem(reply: FastifyReply, error: ObjectOSError): FastifyReply {
  return reply.code(error.status).type('application/problem+json').send(problemOf(error))
}
