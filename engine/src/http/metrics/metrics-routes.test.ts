import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../boot/open-app.js'
import { httpPlugin } from '../../plugins/http/http-plugin.js'
import { identifyAsAdmin } from '../identify-as-admin.js'

describe('/metrics', () => {
  let app: App
  let server: FastifyInstance
  beforeAll(async () => {
    app = await openApp({
      dir: 'examples/crm',
      databaseUrl: ':memory:',
      plugins: [httpPlugin({ identify: identifyAsAdmin })],
    })
    server = app.kernel.services.get<FastifyInstance>('http')
  })
  afterAll(() => app.close())

  it('counts requests and times them per route, object and status, in Prometheus format', async () => {
    await server.inject({ method: 'GET', url: '/api/v1/data/account' })
    await server.inject({ method: 'GET', url: '/api/v1/data/account' })
    await server.inject({ method: 'GET', url: '/api/v1/data/made_up_thing' })
    const res = await server.inject({ method: 'GET', url: '/metrics' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/plain')
    expect(res.body).toContain(
      'objectos_http_requests_total{method="GET",route="/api/v1/data/:object",object="account",status="200"} 2',
    )
    expect(res.body).toContain('object="unknown",status="404"} 1')
    expect(res.body).not.toContain('made_up_thing')
    expect(res.body).toMatch(
      /objectos_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/v1\/data\/:object",object="account",status="200"\} 2/,
    )
    expect(res.body).toMatch(/objectos_db_pool_connections\{state="used"\} \d/)
    expect(res.body).toContain('objectos_process_cpu_user_seconds_total')
  })
})
