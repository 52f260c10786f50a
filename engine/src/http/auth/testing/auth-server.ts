/**
 * The example CRM served in-process with its identity layer, for the auth suites: a fresh
 * database of the dialect, the Fastify server for `inject()`, and small helpers that sign up and
 * sign in from a given client address (inject's remoteAddress), returning the cookie to send.
 *
 * @example
 *   const served = useAuthServer(dialect)
 *   const cookie = await served().signUp('ann@example.com', 'correct horse battery')
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll } from 'vitest'
import { openApp, type App } from '../../../boot/open-app.js'
import type { Dialect } from '../../../data/connection/database.js'
import type { Identity } from '../../../identity/create-identity.js'
import type { IdentityPluginOptions } from '../../../plugins/identity/identity-plugin.js'
import { httpPlugin } from '../../../plugins/http/http-plugin.js'
import { postgresTestUrl } from '../../../testing/test-database.js'

export const auth = '/api/v1/auth'

export interface CallOptions {
  readonly cookie?: string | undefined
  /** The client address (default 127.0.0.1). */
  readonly address?: string | undefined
  readonly headers?: Record<string, string> | undefined
}

export interface AuthServer {
  readonly app: App
  readonly server: FastifyInstance
  readonly identity: Identity
  post(path: string, body?: unknown, options?: CallOptions): Promise<LightMyRequestResponse>
  get(path: string, options?: CallOptions): Promise<LightMyRequestResponse>
  /** Signs up and returns the session cookie (`name=value`). */
  signUp(email: string, password: string, address?: string): Promise<string>
  /** Signs in and returns the session cookie (`name=value`), failing the test otherwise. */
  signIn(email: string, password: string, address?: string): Promise<string>
}

/** The `name=value` pairs of a response's Set-Cookie headers, for a Cookie header. */
export function cookiesOf(res: LightMyRequestResponse): string {
  return [res.headers['set-cookie'] ?? []]
    .flat()
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('='))
    .join('; ')
}

/** A fresh email per call, so tests sharing a database never meet. */
export function newEmail(name = 'user'): string {
  return `${name}-${randomBytes(4).toString('hex')}@example.com`
}

export async function openAuthServer(
  dialect: Dialect,
  identity: IdentityPluginOptions = {},
  schema = `auth_${randomBytes(4).toString('hex')}`,
): Promise<AuthServer> {
  const app = await openApp({
    dir: 'examples/crm',
    ...(dialect === 'sqlite'
      ? { databaseUrl: ':memory:' }
      : { databaseUrl: postgresTestUrl, schema }),
    identity: { env: {}, ...identity },
    plugins: [httpPlugin()],
  })
  const server = app.kernel.services.get<FastifyInstance>('http')
  const call = (method: 'GET' | 'POST', path: string, body: unknown, options: CallOptions = {}) =>
    server.inject({
      method,
      url: `${auth}${path}`,
      remoteAddress: options.address ?? '127.0.0.1',
      headers: {
        ...(options.cookie === undefined
          ? {}
          : { cookie: options.cookie, origin: 'http://localhost' }),
        ...options.headers,
      },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    })
  const served: AuthServer = {
    app,
    server,
    identity: app.kernel.services.get<Identity>('identity'),
    post: (path, body, options) => call('POST', path, body ?? {}, options),
    get: (path, options) => call('GET', path, undefined, options),
    async signUp(email, password, address) {
      const res = await served.post(
        '/sign-up/email',
        { email, password, name: 'Test' },
        { address },
      )
      if (res.statusCode !== 200) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`)
      return cookiesOf(res)
    },
    async signIn(email, password, address) {
      const res = await served.post('/sign-in/email', { email, password }, { address })
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`)
      return cookiesOf(res)
    },
  }
  return served
}

export async function closeAuthServer(served: AuthServer, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    const { rows } = (await served.app.db.knex.raw('select current_schema() as s')) as {
      rows: { s: string }[]
    }
    const schema = rows[0]?.s
    if (schema !== undefined && schema !== 'public') {
      await served.app.db.knex.raw('drop schema if exists ?? cascade', [schema])
    }
  }
  await served.app.close()
}

/** An auth server for the enclosing describe block, closed after it. */
export function useAuthServer(
  dialect: Dialect,
  identity: IdentityPluginOptions = {},
): () => AuthServer {
  let served: AuthServer | undefined
  beforeAll(async () => {
    served = await openAuthServer(dialect, identity)
  })
  afterAll(async () => {
    if (served !== undefined) await closeAuthServer(served, dialect)
  })
  return () => {
    if (served === undefined) throw new Error('the auth server is not open yet')
    return served
  }
}
