/**
 * The HTTP door as a kernel plugin: builds the server at init (so tests can `inject()` without
 * listening), listens at start when a port is given, and closes at stop — after in-flight
 * requests finish, which makes shutdown graceful.
 *
 * @example
 *   const app = await openApp({ dir, plugins: [httpPlugin({ port: 3000 })] })
 *   const server = app.kernel.services.get<FastifyInstance>('http')
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import type { Database } from '../../data/connection/database.js'
import type { RecordService } from '../../data/record-service.js'
import { buildServer } from '../../http/build-server.js'
import type { Identity } from '../../identity/create-identity.js'
import type { Identify } from '../../http/request-principal.js'
import type { TrustProxy } from '../../http/trust-proxy-setting.js'
import { definePlugin } from '../../runtime/define-plugin.js'

export interface HttpPluginOptions {
  /** Listen on this port at start; undefined builds the server without listening. */
  readonly port?: number | undefined
  readonly host?: string | undefined
  readonly logger?: FastifyServerOptions['logger']
  readonly bodyLimit?: number
  /** Proxies whose X-Forwarded-* headers count; see trustProxySetting. */
  readonly trustProxy?: TrustProxy | undefined
  /** Who sends a request; see ServerOptions.identify. */
  readonly identify?: Identify | undefined
}

export function httpPlugin(options: HttpPluginOptions = {}) {
  let server: FastifyInstance | undefined
  return definePlugin({
    name: 'http',
    dependencies: ['data'],
    init(ctx) {
      server = buildServer({
        records: ctx.services.get<RecordService>('data'),
        db: ctx.services.get<Database>('database'),
        registry: ctx.registry,
        logger: options.logger,
        identity: ctx.services.has('identity') ? ctx.services.get<Identity>('identity') : undefined,
        identify: options.identify,
        trustProxy: options.trustProxy,
        ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
      })
      ctx.services.provide('http', server)
    },
    async start() {
      if (server === undefined) return
      if (options.port === undefined) await server.ready()
      else await server.listen({ port: options.port, host: options.host ?? '127.0.0.1' })
    },
    async stop() {
      await server?.close()
    },
  })
}
