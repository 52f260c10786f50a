/**
 * The data routes of every object under /api/v1/data: list, get, create, update (PATCH),
 * delete, a POST query route for long filters and an aggregate route. Bodies are
 * `{ data, meta }`; reads carry the record's ETag, writes honour `If-Match`.
 *
 * @example
 *   GET  /api/v1/data/opportunity?filter={"amount":{"$gte":100}}&sort=-amount&limit=20
 *   PATCH /api/v1/data/opportunity/0190…  If-Match: "3"  { "stage": "proposal" }
 */
import { RecordNotFound } from '@objectos/errors'
import type { FastifyInstance } from 'fastify'
import type { AggregateQuery, FindQuery } from '../../data/query/query-types.js'
import type { RecordService } from '../../data/record-service.js'
import { requestContext } from '../request-principal.js'
import { entityTag, versionFromIfMatch } from './entity-tag.js'
import { idempotent } from './idempotency.js'
import { listQuery } from './list-query.js'

interface ObjectParams {
  readonly object: string
}
interface RecordParams extends ObjectParams {
  readonly id: string
}

export function registerDataRoutes(server: FastifyInstance, records: RecordService): void {
  server.get<{ Params: ObjectParams; Querystring: Record<string, unknown> }>(
    '/api/v1/data/:object',
    async (request) => {
      const query = listQuery(request.query)
      const result = await records.find(
        request.params.object,
        query,
        requestContext(request, 'rest'),
      )
      return { data: result.records, meta: listMeta(query, result) }
    },
  )

  server.post<{ Params: ObjectParams; Body: FindQuery }>(
    '/api/v1/data/:object/query',
    async (request) => {
      const query = request.body ?? {}
      const result = await records.find(
        request.params.object,
        query,
        requestContext(request, 'rest'),
      )
      return { data: result.records, meta: listMeta(query, result) }
    },
  )

  server.post<{ Params: ObjectParams; Body: AggregateQuery }>(
    '/api/v1/data/:object/aggregate',
    async (request) => {
      const result = await records.aggregate(
        request.params.object,
        request.body,
        requestContext(request, 'rest'),
      )
      return { data: result.groups }
    },
  )

  server.get<{ Params: RecordParams; Querystring: Record<string, unknown> }>(
    '/api/v1/data/:object/:id',
    async (request, reply) => {
      const { object, id } = request.params
      const { fields, expand } = listQuery(request.query)
      const record = await records.get(
        object,
        id,
        { fields, expand },
        requestContext(request, 'rest'),
      )
      if (record === undefined) throw RecordNotFound.create(object, id)
      const tag = entityTag(record)
      reply.header('etag', tag)
      if (request.headers['if-none-match'] === tag) return reply.code(304).send()
      return { data: record }
    },
  )

  server.post<{ Params: ObjectParams; Body: unknown }>(
    '/api/v1/data/:object',
    async (request, reply) => {
      const { object } = request.params
      const context = requestContext(request, 'rest')
      // A key is the caller's own: another user sending the same key is a different request.
      const answer = await idempotent(
        records,
        headerValue(request.headers['idempotency-key']),
        `${context.userId ?? ''} POST /api/v1/data/${object}`,
        request.body,
        async (tx) => ({
          status: 201,
          body: { data: await tx.create(object, request.body, context) },
        }),
      )
      const record = (answer.body as { data: Record<string, unknown> }).data
      if (answer.replayed) reply.header('idempotent-replayed', 'true')
      return reply
        .code(answer.status)
        .header('etag', entityTag(record))
        .header('location', `/api/v1/data/${object}/${String(record.id)}`)
        .send(answer.body)
    },
  )

  server.patch<{ Params: RecordParams; Body: unknown }>(
    '/api/v1/data/:object/:id',
    async (request, reply) => {
      const { object, id } = request.params
      const expectedVersion = versionFromIfMatch(request.headers['if-match'])
      const record = await records.update(
        object,
        id,
        request.body,
        { expectedVersion },
        requestContext(request, 'rest'),
      )
      reply.header('etag', entityTag(record))
      return { data: record }
    },
  )

  server.delete<{ Params: RecordParams }>('/api/v1/data/:object/:id', async (request, reply) => {
    const { object, id } = request.params
    const expectedVersion = versionFromIfMatch(request.headers['if-match'])
    await records.delete(object, id, { expectedVersion }, requestContext(request, 'rest'))
    return reply.code(204).send()
  })
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function listMeta(
  query: FindQuery,
  result: { nextCursor: string | undefined; total: number | undefined },
): Record<string, unknown> {
  return {
    ...(result.nextCursor === undefined ? {} : { nextCursor: result.nextCursor }),
    ...(result.total === undefined ? {} : { total: result.total }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  }
}
