/**
 * `/health` answers while the process runs (liveness); `/ready` only when the database answers
 * too (readiness), so a load balancer stops sending traffic to a process that lost it.
 */
import type { FastifyInstance } from 'fastify'
import type { Database } from '../data/connection/database.js'

export function registerHealthRoutes(server: FastifyInstance, db: Database): void {
  server.get('/health', async () => ({ status: 'ok' }))
  server.get('/ready', async (request, reply) => {
    try {
      await db.knex.raw('select 1')
      return { status: 'ready', database: db.dialect }
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable')
      return reply.code(503).send({ status: 'unavailable', database: db.dialect })
    }
  })
}
