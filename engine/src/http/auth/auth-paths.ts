/**
 * The OpenAPI operations of the auth routes, written from the same table that mounts them
 * (auth-route-table.ts). Answers are better-auth's own JSON; errors are problem+json with an
 * `OOS_AUTH_*` code, and 429s carry `Retry-After`.
 *
 * @example
 *   authPaths['/api/v1/auth/sign-in/email']?.post?.operationId // → 'authSignIn'
 */
import type { JsonSchema } from '../openapi/field-schema.js'
import { json, type Operation, type PathItem } from '../openapi/path-parts.js'
import { authBasePath } from '../../identity/auth-options.js'
import { authRoutes, type AuthRoute } from './auth-route-table.js'

export const authTag = {
  name: 'Auth',
  description:
    'Sign-up, sign-in and sessions (a cookie), API keys for integrators. Sign-in is throttled ' +
    'per client address and per account.',
}

const problem = (description: string) => ({
  description,
  ...json({ $ref: '#/components/schemas/Problem' }, 'application/problem+json'),
})

const throttled = {
  ...problem(
    'Too many requests from this address (`OOS_AUTH_RATE_LIMITED`) or too many failed ' +
      'sign-ins for this account (`OOS_AUTH_TOO_MANY_ATTEMPTS`).',
  ),
  headers: {
    'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
  },
}

function operation(route: AuthRoute): Operation {
  const body: JsonSchema | undefined =
    route.body === undefined
      ? undefined
      : {
          type: 'object',
          properties: route.body,
          ...(route.required === undefined ? {} : { required: route.required }),
        }
  const inPath = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '')
  const parameters = [
    ...inPath.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...Object.entries(route.query ?? {}).map(([name, { type, description }]) => ({
      name,
      in: 'query',
      description,
      schema: { type },
    })),
  ]
  return {
    operationId: route.operationId,
    tags: [authTag.name],
    summary: route.summary,
    ...(route.session ? { description: 'Needs the session cookie of a signed-in user.' } : {}),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(body === undefined ? {} : { requestBody: { required: true, ...json(body) } }),
    responses: {
      '200': { description: 'Done.', ...json({ type: ['object', 'array', 'null'] }) },
      ...(route.redirects === true
        ? { '302': { description: 'Redirected to the callback URL.' } }
        : {}),
      '400': problem('The request is malformed (`OOS_AUTH_BAD_REQUEST`).'),
      '401': problem(
        route.path === '/sign-in/email'
          ? 'The email or the password is wrong (`OOS_AUTH_INVALID_CREDENTIALS`).'
          : 'No session (`OOS_AUTH_SESSION_REQUIRED`).',
      ),
      '403': problem(
        route.path.startsWith('/organization/')
          ? 'Refused (`OOS_AUTH_FORBIDDEN`): the role in the organization does not allow it, ' +
              'the invitation is for another email, or the origin is not trusted.'
          : 'Refused: origin not trusted, or the user is inactive.',
      ),
      '429': throttled,
      '500': { $ref: '#/components/responses/InternalError' },
    },
  }
}

export const authPaths: Readonly<Record<string, PathItem>> = (() => {
  const paths: Record<string, Record<string, Operation>> = {}
  for (const route of authRoutes) {
    const path = `${authBasePath}${route.path.replace(/:(\w+)/g, '{$1}')}`
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) }
  }
  return paths
})()
