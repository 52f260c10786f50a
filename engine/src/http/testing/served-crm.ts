/**
 * The example CRM served in-process for the HTTP suites: a fresh database of the dialect (its own
 * PostgreSQL schema, dropped afterwards) and the app's Fastify server for `inject()`.
 *
 * @example
 *   const served = useServedCrm(dialect)
 *   it('…', async () => { await served().server.inject({ method: 'GET', url: '/health' }) })
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll } from 'vitest'
import { openApp, type App } from '../../boot/open-app.js'
import type { Dialect } from '../../data/connection/database.js'
import { httpPlugin, type HttpPluginOptions } from '../../plugins/http/http-plugin.js'
import { identifyAsAdmin } from '../identify-as-admin.js'
import { postgresTestUrl } from '../../testing/test-database.js'

export interface ServedCrm {
  readonly app: App
  readonly server: FastifyInstance
}

export function useServedCrm(dialect: Dialect, http: HttpPluginOptions = {}): () => ServedCrm {
  let served: ServedCrm | undefined
  const schema = `http_${randomBytes(4).toString('hex')}`
  beforeAll(async () => {
    const app = await openApp({
      dir: 'examples/crm',
      ...(dialect === 'sqlite'
        ? { databaseUrl: ':memory:' }
        : { databaseUrl: postgresTestUrl, schema }),
      plugins: [httpPlugin({ identify: identifyAsAdmin, ...http })],
    })
    served = { app, server: app.kernel.services.get<FastifyInstance>('http') }
  })
  afterAll(async () => {
    if (served === undefined) return
    if (dialect === 'postgres') {
      await served.app.db.knex.raw('drop schema if exists ?? cascade', [schema])
    }
    await served.app.close()
  })
  return () => {
    if (served === undefined) throw new Error('the CRM is not served yet')
    return served
  }
}
