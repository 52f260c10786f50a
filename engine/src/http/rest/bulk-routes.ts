/**
 * Bulk writes under /api/v1/data/:object/bulk: create (POST), update (PATCH) or delete (DELETE)
 * up to 500 records in one transaction — all of them or none. A failure names the entry it came
 * from (`records[3].name`), and nothing of the request is written.
 *
 * @example
 *   POST   /api/v1/data/account/bulk  { "records": [{ "name": "A" }, { "name": "B" }] }
 *   PATCH  /api/v1/data/account/bulk  { "records": [{ "id": "…", "version": 2, "industry": "x" }] }
 *   DELETE /api/v1/data/account/bulk  { "ids": ["…", "…"] }
 */
import { InvalidQuery, ObjectOSError } from '@objectos/errors'
import type { FastifyInstance } from 'fastify'
import type { RecordService } from '../../data/record-service.js'
import { requestContext } from '../request-principal.js'

/** The most entries one bulk request may carry. */
export const maxBulk = 500

interface ObjectParams {
  readonly object: string
}

export function registerBulkRoutes(server: FastifyInstance, records: RecordService): void {
  server.post<{ Params: ObjectParams; Body: unknown }>(
    '/api/v1/data/:object/bulk',
    async (request, reply) => {
      const entries = listOf(request.body, 'records')
      const data = await records.transaction((tx) =>
        each(entries, 'records', (entry) =>
          tx.create(request.params.object, entry, requestContext(request, 'rest')),
        ),
      )
      return reply.code(201).send({ data })
    },
  )

  server.patch<{ Params: ObjectParams; Body: unknown }>(
    '/api/v1/data/:object/bulk',
    async (request) => {
      const entries = listOf(request.body, 'records')
      const data = await records.transaction((tx) =>
        each(entries, 'records', (entry, at) => {
          const { id, version, ...patch } = entry as Record<string, unknown>
          if (typeof id !== 'string') throw InvalidQuery.create(`${at}.id`, 'is required')
          if (version !== undefined && !Number.isInteger(version)) {
            throw InvalidQuery.create(`${at}.version`, 'must be the whole number read')
          }
          const expectedVersion = version as number | undefined
          return tx.update(
            request.params.object,
            id,
            patch,
            { expectedVersion },
            requestContext(request, 'rest'),
          )
        }),
      )
      return { data }
    },
  )

  server.delete<{ Params: ObjectParams; Body: unknown }>(
    '/api/v1/data/:object/bulk',
    async (request, reply) => {
      const ids = listOf(request.body, 'ids')
      await records.transaction((tx) =>
        each(ids, 'ids', (id, at) => {
          if (typeof id !== 'string') throw InvalidQuery.create(at, 'must be a record id')
          return tx.delete(request.params.object, id, {}, requestContext(request, 'rest'))
        }),
      )
      return reply.code(204).send()
    },
  )
}

function listOf(body: unknown, key: string): unknown[] {
  const list = (body as Record<string, unknown> | null | undefined)?.[key]
  if (!Array.isArray(list) || list.length === 0) {
    throw InvalidQuery.create(key, `the body must be { "${key}": [ … ] } with at least one entry`)
  }
  if (list.length > maxBulk) {
    throw InvalidQuery.create(key, `at most ${maxBulk} entries in one request, got ${list.length}`)
  }
  return list
}

/** Runs one write per entry, in order; a failure is re-labelled with the entry it came from. */
async function each<T>(
  entries: readonly unknown[],
  key: string,
  write: (entry: unknown, at: string) => Promise<T>,
): Promise<T[]> {
  const out: T[] = []
  for (const [index, entry] of entries.entries()) {
    const at = `${key}[${index}]`
    try {
      out.push(await write(entry, at))
    } catch (error) {
      if (!(error instanceof ObjectOSError)) throw error
      throw new ObjectOSError(
        error.code,
        `${at}: ${error.message}`,
        error.status,
        error.errors.map((e) => ({ ...e, field: e.field === '' ? at : `${at}.${e.field}` })),
      )
    }
  }
  return out
}
