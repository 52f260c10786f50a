/**
 * better-auth answers errors as `{ code, message }`; the API answers every error as
 * problem+json with a catalog code. This maps one to the other: the cases a client acts on get
 * their own codes (wrong credentials, locked account, rate limit, inactive user), the rest one
 * code per status with better-auth's message in the title (a member refused the removal of
 * another is a 403, whatever status better-auth gives). Its own code stays in `reason`.
 *
 * @example
 *   authError(401, { code: 'INVALID_EMAIL_OR_PASSWORD' }) // → InvalidCredentials
 */
import {
  AuthBadRequest,
  AuthForbidden,
  AuthNotFound,
  AuthRateLimited,
  AuthUnprocessable,
  InvalidCredentials,
  SessionRequired,
  TooManySignInAttempts,
  UserInactive,
  type ObjectOSError,
} from '@objectos/errors'

export interface AuthErrorBody {
  readonly code?: unknown
  readonly message?: unknown
}

/** The catalog error for a better-auth error answer (4xx); undefined for 5xx. */
export function authError(status: number, body: AuthErrorBody): ObjectOSError | undefined {
  const code = typeof body.code === 'string' ? body.code : undefined
  const detail =
    typeof body.message === 'string' && body.message !== ''
      ? lowerFirst(body.message)
      : `status ${status}`
  switch (code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
      return InvalidCredentials.create()
    case 'TOO_MANY_ATTEMPTS':
      return TooManySignInAttempts.create()
    case 'USER_INACTIVE':
      return UserInactive.create()
    // better-auth answers 401 when a member may not remove another: a refusal, not a sign-in.
    case 'YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER':
      return AuthForbidden.create(detail)
  }
  if (status === 429) return AuthRateLimited.create()
  if (status === 401) return SessionRequired.create()
  if (status === 403) return AuthForbidden.create(detail)
  if (status === 404) return AuthNotFound.create(detail)
  if (status === 422) return AuthUnprocessable.create(detail)
  if (status >= 400 && status < 500) return AuthBadRequest.create(detail)
  return undefined
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? `${text[0]?.toLowerCase() ?? ''}${text.slice(1)}` : text
}
