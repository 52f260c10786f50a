/**
 * `/metrics` in the Prometheus text format: request counts and latency histograms per route,
 * object and status, the database pool, and the process's own metrics. Each server has its own
 * prom-client registry, so two apps in one process (tests) never mix their numbers.
 *
 * @example
 *   objectos_http_requests_total{method="GET",route="/api/v1/data/:object",object="account",status="200"} 12
 */
import type { FastifyInstance } from 'fastify'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { Database } from '../../data/connection/database.js'
import type { RegistryHolder } from '../../registry/registry-holder.js'

interface PoolLike {
  numUsed(): number
  numFree(): number
  numPendingAcquires(): number
}

export function registerMetricsRoutes(
  server: FastifyInstance,
  db: Database,
  app: RegistryHolder,
): void {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'objectos_' })
  const labelNames = ['method', 'route', 'object', 'status'] as const
  const requests = new Counter({
    name: 'objectos_http_requests_total',
    help: 'HTTP requests answered, by route, object and status',
    labelNames,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'objectos_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route, object and status',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  const pool = (): PoolLike | undefined => (db.knex.client as { pool?: PoolLike }).pool ?? undefined
  new Gauge({
    name: 'objectos_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const current = pool()
      this.set({ state: 'used' }, current?.numUsed() ?? 0)
      this.set({ state: 'free' }, current?.numFree() ?? 0)
      this.set({ state: 'pending' }, current?.numPendingAcquires() ?? 0)
    },
  })

  // One pair of prom-client children per label set: prom-client hashes the labels on every
  // update otherwise. The sets are bounded: routes, methods and statuses are the server's, and
  // object names are the app's own or "unknown".
  const series = new Map<string, { count: () => void; time: (seconds: number) => void }>()
  server.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    if (route === '/metrics') return
    const params = request.params as { object?: unknown } | undefined
    // Only the app's objects become label values: a client cannot grow the series by sending
    // made-up names.
    const object =
      typeof params?.object !== 'string'
        ? ''
        : app.current().objects.has(params.object)
          ? params.object
          : 'unknown'
    const status = String(reply.statusCode)
    const key = `${request.method} ${route} ${object} ${status}`
    let found = series.get(key)
    if (found === undefined) {
      const labels = { method: request.method, route, object, status }
      const counter = requests.labels(labels)
      const histogram = duration.labels(labels)
      found = { count: () => counter.inc(), time: (seconds) => histogram.observe(seconds) }
      series.set(key, found)
    }
    found.count()
    found.time(reply.elapsedTime / 1000)
  })

  server.get('/metrics', async (_request, reply) => {
    reply.type(registry.contentType)
    return registry.metrics()
  })
}
