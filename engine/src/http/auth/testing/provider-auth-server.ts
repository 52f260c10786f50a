/**
 * An app with sign-in providers in its manifest, served in-process for the provider suites: the
 * manifest text is given (a minimal app otherwise), the database is fresh for the dialect, the
 * identity layer's env holds what the test puts there, and the public URL is `http://localhost`
 * (inject's host), so the callback URL registered at the provider is
 * `http://localhost/api/v1/auth/callback/{id}`.
 *
 * The provider routes (`POST /sign-in/social`, `GET|POST /callback/:id`) are served through the
 * auth route table; any of them the table does not list is mounted here the same way (the body
 * handed to better-auth untouched, its answer passed through).
 *
 * @example
 *   const served = await openProviderAuthServer('sqlite', { manifest, env: { SSO_SECRET: 's' } })
 *   const started = await served.post('/sign-in/social', { provider: 'corp_sso', callbackURL: '/' })
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { openApp, type App } from '../../../boot/open-app.js'
import type { Dialect } from '../../../data/connection/database.js'
import type { AuthEvent } from '../../../identity/auth-event.js'
import type { Identity } from '../../../identity/create-identity.js'
import { httpPlugin } from '../../../plugins/http/http-plugin.js'
import { definePlugin } from '../../../runtime/define-plugin.js'
import { postgresTestUrl } from '../../../testing/test-database.js'
import { authRoutes } from '../auth-route-table.js'
import { sendFetchResponse, toFetchRequest } from '../fetch-bridge.js'
import { auth, type CallOptions } from './auth-server.js'

/** The public URL the suites serve the app at (inject's default host). */
export const appBaseUrl = 'http://localhost'

/** The callback URL of a provider, as it is registered at the provider. */
export function callbackUrlOf(providerId: string): string {
  return `${appBaseUrl}${auth}/callback/${providerId}`
}

export interface ProviderAuthServer {
  readonly app: App
  readonly server: FastifyInstance
  readonly identity: Identity
  /** The auth events reported so far (sign-in, sign-up, …). */
  readonly events: AuthEvent[]
  post(path: string, body?: unknown, options?: CallOptions): Promise<LightMyRequestResponse>
  /** GET of a path below the auth base path, or of a full URL of the app. */
  get(pathOrUrl: string, options?: CallOptions): Promise<LightMyRequestResponse>
}

export interface ProviderAuthServerOptions {
  /** The text of objectos.yaml. */
  readonly manifest: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly schema?: string | undefined
}

const providerRoutes = [
  { method: 'POST', path: '/sign-in/social' },
  { method: 'GET', path: '/callback/:id' },
  { method: 'POST', path: '/callback/:id' },
] as const

/** Mounts the provider routes the auth route table does not list. */
function providerRoutesPlugin() {
  return definePlugin({
    name: 'provider-routes',
    dependencies: ['http', 'identity'],
    init(ctx) {
      const server = ctx.services.get<FastifyInstance>('http')
      const identity = ctx.services.get<Identity>('identity')
      const missing = providerRoutes.filter(
        (route) => !authRoutes.some((r) => r.method === route.method && r.path === route.path),
      )
      if (missing.length === 0) return
      void server.register(async (scope) => {
        scope.removeAllContentTypeParsers()
        scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
          done(null, body)
        })
        for (const route of missing) {
          scope.route({
            method: route.method,
            url: `${identity.basePath}${route.path}`,
            handler: async (request, reply) => {
              await sendFetchResponse(reply, await identity.handler(toFetchRequest(request)))
            },
          })
        }
      })
    },
  })
}

export async function openProviderAuthServer(
  dialect: Dialect,
  options: ProviderAuthServerOptions,
): Promise<ProviderAuthServer> {
  const events: AuthEvent[] = []
  const schema = options.schema ?? `oauth_${randomBytes(4).toString('hex')}`
  const app = await openApp({
    files: [{ path: 'objectos.yaml', content: options.manifest }],
    ...(dialect === 'sqlite'
      ? { databaseUrl: ':memory:' }
      : { databaseUrl: postgresTestUrl, schema }),
    identity: {
      env: options.env,
      baseURL: appBaseUrl,
      onAuthEvent: (event) => {
        events.push(event)
      },
    },
    plugins: [httpPlugin(), providerRoutesPlugin()],
  })
  const server = app.kernel.services.get<FastifyInstance>('http')
  const call = (method: 'GET' | 'POST', url: string, body: unknown, extra: CallOptions = {}) =>
    server.inject({
      method,
      url,
      remoteAddress: extra.address ?? '127.0.0.1',
      headers: {
        ...(extra.cookie === undefined ? {} : { cookie: extra.cookie, origin: appBaseUrl }),
        ...extra.headers,
      },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    })
  return {
    app,
    server,
    identity: app.kernel.services.get<Identity>('identity'),
    events,
    post: (path, body, extra) => call('POST', `${auth}${path}`, body ?? {}, extra),
    get: (pathOrUrl, extra) => {
      const url = pathOrUrl.startsWith(appBaseUrl)
        ? pathOrUrl.slice(appBaseUrl.length)
        : `${auth}${pathOrUrl}`
      return call('GET', url, undefined, extra)
    },
  }
}

/** Closes the app; on PostgreSQL its schema is dropped first. */
export async function closeProviderAuthServer(served: ProviderAuthServer): Promise<void> {
  if (served.app.db.dialect === 'postgres') {
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
