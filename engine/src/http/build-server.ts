/**
 * Builds the Fastify server of an app: the error edge (problem+json for every failure, 404 for
 * unknown routes), the health routes and the REST data routes. Built once; the routes read the
 * registry snapshot per request, so a reload needs no rebuild.
 *
 * @example
 *   const server = buildServer({ records, db, logger: false })
 *   const res = await server.inject({ method: 'GET', url: '/api/v1/data/account' })
 */
import { RouteNotFound } from '@objectos/errors'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Database } from '../data/connection/database.js'
import type { RecordService } from '../data/record-service.js'
import type { Identity } from '../identity/create-identity.js'
import type { RegistryHolder } from '../registry/registry-holder.js'
import type { TrustProxy } from './trust-proxy-setting.js'
import { registerExplainRoute } from './access/explain-route.js'
import { registerAuthRoutes } from './auth/auth-routes.js'
import { identifyCaller } from './auth/identify-caller.js'
import { loadPrincipal } from '../data/access/load-principal.js'
import { registerGraphql } from './graphql/graphql-plugin.js'
import { registerHealthRoutes } from './health-routes.js'
import { registerRequestPrincipal, type Identify } from './request-principal.js'
import { asObjectOSError, sendProblem } from './problem-reply.js'
import { registerMetaRoutes } from './meta/meta-routes.js'
import { registerMetricsRoutes } from './metrics/metrics-routes.js'
import { registerOpenApiRoutes } from './openapi/openapi-routes.js'
import { registerBulkRoutes } from './rest/bulk-routes.js'
import { registerDataRoutes } from './rest/data-routes.js'

export interface ServerOptions {
  readonly records: RecordService
  readonly db: Database
  /** The app's registry; routes read `current()` per request, so reloads need no rebuild. */
  readonly registry: RegistryHolder
  /** Fastify's logger option: false in tests, pino settings in `serve`. */
  readonly logger?: FastifyServerOptions['logger']
  /** Largest request body in bytes (default 1 MiB); larger ones answer 413. */
  readonly bodyLimit?: number
  /** Proxies whose X-Forwarded-* headers count (OBJECTOS_TRUST_PROXY); default none. */
  readonly trustProxy?: TrustProxy | undefined
  /** The identity layer: its routes are served under /api/v1/auth. */
  readonly identity?: Identity | undefined
  /**
   * Who sends a request. Default: the identity layer's session or API key, with the user's
   * permissions (identifyCaller). Without either nobody is recognised and every data, GraphQL
   * and metadata request answers 401.
   */
  readonly identify?: Identify | undefined
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const server = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // `__proto__` and `constructor.prototype` in a JSON body are refused, not parsed.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  })
  server.setErrorHandler((error, request, reply) => {
    sendProblem(reply, asObjectOSError(error, request))
  })
  server.setNotFoundHandler((request, reply) => {
    sendProblem(reply, RouteNotFound.create(request.method, request.url.split('?')[0] ?? ''))
  })
  registerRequestPrincipal(
    server,
    options.identify ?? (options.identity === undefined ? undefined : identifyCaller(options.db)),
    (userId, activeOrganization) => loadPrincipal(options.db, userId, { activeOrganization }),
  )
  registerHealthRoutes(server, options.db)
  if (options.identity !== undefined) registerAuthRoutes(server, options.identity)
  registerMetricsRoutes(server, options.db, options.registry)
  registerBulkRoutes(server, options.records)
  registerDataRoutes(server, options.records)
  registerGraphql(server, { records: options.records, registry: options.registry })
  registerMetaRoutes(server, options.registry)
  registerExplainRoute(server, {
    db: options.db,
    records: options.records,
    registry: options.registry,
  })
  registerOpenApiRoutes(server, options.registry)
  return server
}
