/**
 * `/health` and `/ready` as health-routes.ts serves them: liveness, and readiness that also asks
 * the database, for load balancers and orchestrators.
 */
import type { JsonSchema } from './field-schema.js'
import { json, type PathItem } from './path-parts.js'

const tags = ['Health']

const status = (values: readonly string[]): JsonSchema => ({
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: values },
    database: { type: 'string', enum: ['sqlite', 'postgres'] },
  },
})

export const healthPaths: Readonly<Record<string, PathItem>> = {
  '/health': {
    get: {
      operationId: 'health',
      tags,
      summary: 'Liveness: the process runs',
      responses: {
        '200': { description: 'The process answers.', ...json(status(['ok'])) },
      },
    },
  },
  '/ready': {
    get: {
      operationId: 'ready',
      tags,
      summary: 'Readiness: the database answers too',
      responses: {
        '200': { description: 'Ready to serve.', ...json(status(['ready'])) },
        '503': {
          description: 'The database does not answer; send traffic elsewhere.',
          ...json(status(['unavailable'])),
        },
      },
    },
  },
}
