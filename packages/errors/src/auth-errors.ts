/**
 * Errors of the identity layer (`/api/v1/auth/*`, sessions, API keys). Sign-in failures never say
 * whether the account exists: a wrong password and an unknown email are the same error.
 */
import { defineError } from './define-error.js'

export const InvalidCredentials = defineError(
  'OOS_AUTH_INVALID_CREDENTIALS',
  () => 'the email or the password is wrong',
  401,
)

export const TooManySignInAttempts = defineError(
  'OOS_AUTH_TOO_MANY_ATTEMPTS',
  () =>
    'too many failed sign-ins for this account; sign-in is locked for a while (see Retry-After)',
  429,
)

export const AuthRateLimited = defineError(
  'OOS_AUTH_RATE_LIMITED',
  () => 'too many requests from this address; try again later (see Retry-After)',
  429,
)

export const UserInactive = defineError(
  'OOS_AUTH_USER_INACTIVE',
  () => 'this account is deactivated; ask an administrator to reactivate it',
  403,
)

export const SessionRequired = defineError(
  'OOS_AUTH_SESSION_REQUIRED',
  () => 'sign in first: this needs a session',
  401,
)

export const AuthBadRequest = defineError(
  'OOS_AUTH_BAD_REQUEST',
  (detail: string) => `the auth request was refused: ${detail}`,
  400,
)

export const AuthForbidden = defineError(
  'OOS_AUTH_FORBIDDEN',
  (detail: string) => `the auth request is not allowed: ${detail}`,
  403,
)

export const AuthNotFound = defineError(
  'OOS_AUTH_NOT_FOUND',
  (detail: string) => `not found: ${detail}`,
  404,
)

export const AuthUnprocessable = defineError(
  'OOS_AUTH_UNPROCESSABLE',
  (detail: string) => `the auth request cannot be done: ${detail}`,
  422,
)

export const WeakSecret = defineError(
  'OOS_AUTH_WEAK_SECRET',
  () =>
    'OBJECTOS_SECRET must be at least 32 characters long; make one with "openssl rand -base64 48"',
  500,
)

export const AuthProviderSecretMissing = defineError(
  'OOS_AUTH_PROVIDER_SECRET_MISSING',
  (provider: string, file: string, variable: string) =>
    `the sign-in provider "${provider}" of ${file} reads its client secret from the environment variable ${variable}, which is not set; set it, or remove the provider from auth.providers`,
  500,
)
