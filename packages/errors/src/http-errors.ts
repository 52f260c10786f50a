/**
 * Errors of the HTTP edge itself: requests that never reach the engine because their shape is
 * wrong, and the catch-all for failures the engine did not expect.
 */
import { defineError } from './define-error.js'

export const BadRequest = defineError(
  'OOS_HTTP_BAD_REQUEST',
  (detail: string) => `the request is malformed: ${detail}`,
  400,
)

export const PayloadTooLarge = defineError(
  'OOS_HTTP_PAYLOAD_TOO_LARGE',
  (limit: number) => `the request body is larger than ${limit} bytes`,
  413,
)

export const RouteNotFound = defineError(
  'OOS_HTTP_NOT_FOUND',
  (method: string, url: string) => `there is no route ${method} ${url}`,
  404,
)

export const InternalError = defineError(
  'OOS_SERVER_INTERNAL',
  (reference: string) =>
    `the server could not complete the request (reference ${reference}); the details are in its log`,
  500,
)

export const IdempotencyKeyReused = defineError(
  'OOS_HTTP_IDEMPOTENCY_KEY_REUSED',
  (key: string) =>
    `the Idempotency-Key "${key}" was already used for a different request; use a new key`,
  422,
)

export const IdempotencyKeyInvalid = defineError(
  'OOS_HTTP_IDEMPOTENCY_KEY_INVALID',
  () => 'the Idempotency-Key must be 1 to 255 visible ASCII characters',
  400,
)
