/**
 * `GET /api/v1/access/explain?object=…&user=…[&id=…][&organization=…]`, for administrators: which
 * rules grant or deny a user read and edit on an object, on one record of it, and on each of its
 * fields. `user` is a user id or an email. An inactive user is explained as holding nothing.
 * `organization` explains the user as a session of theirs with that organization active would be
 * (`current_user.activeOrganization`); it counts only if they are a member, as for a session.
 *
 * @example
 *   GET /api/v1/access/explain?object=opportunity&id=0197…&user=rita@example.com
 *   → { data: { user, object, record: { read: { allowed, because }, edit }, fields: [...] } }
 */
import { AdminRequired, InvalidQuery, RecordNotFound } from '@objectos/errors'
import type { FastifyInstance } from 'fastify'
import { explainAccess } from '../../data/access/explain-access.js'
import { loadPrincipal } from '../../data/access/load-principal.js'
import type { Principal } from '../../data/access/principal.js'
import type { Database } from '../../data/connection/database.js'
import type { RecordService } from '../../data/record-service.js'
import type { RegistryHolder } from '../../registry/registry-holder.js'
import { requestContext } from '../request-principal.js'

interface ExplainQuery {
  readonly object?: unknown
  readonly id?: unknown
  readonly user?: unknown
  readonly organization?: unknown
}

export const explainPath = '/api/v1/access/explain'

export function registerExplainRoute(
  server: FastifyInstance,
  deps: {
    readonly db: Database
    readonly records: RecordService
    readonly registry: RegistryHolder
  },
): void {
  server.get<{ Querystring: ExplainQuery }>(explainPath, async (request) => {
    const caller = requestContext(request, 'rest').principal
    if (caller?.admin !== true || caller.viewedBy !== undefined) {
      throw AdminRequired.create('explain access')
    }
    const { object: objectName, id, user } = request.query
    for (const [name, value] of [
      ['object', objectName],
      ['user', user],
    ] as const) {
      if (typeof value !== 'string' || value === '') throw InvalidQuery.create(name, 'is required')
    }
    if (id !== undefined && (typeof id !== 'string' || id === '')) {
      throw InvalidQuery.create('id', 'expects a record id')
    }
    const { organization } = request.query
    if (organization !== undefined && (typeof organization !== 'string' || organization === '')) {
      throw InvalidQuery.create('organization', 'expects an organization id')
    }
    const registry = deps.registry.current()
    const object = registry.object(objectName as string)
    const userId = await findUser(deps.records, user as string)
    const row = id === undefined ? undefined : await deps.records.get(object.name, id as string)
    if (id !== undefined && row === undefined)
      throw RecordNotFound.create(object.name, id as string)
    const loaded = await loadPrincipal(deps.db, userId, {
      activeOrganization: organization as string | undefined,
    })
    // An inactive user signs in as nobody: explained as holding nothing.
    const principal: Principal = loaded ?? { userId, admin: false, permissionSets: [], reports: [] }
    const active = loaded !== undefined
    const explanation = await explainAccess(deps.db, registry, principal, object, row)
    return { data: { ...explanation, user: { ...explanation.user, active } } }
  })
}

/** The id of the user named by id or email, or RecordNotFound. */
async function findUser(records: RecordService, user: string): Promise<string> {
  const filter = user.includes('@') ? { email: user } : { id: user }
  const { records: found } = await records.find('sys_user', { filter, fields: ['id'], limit: 1 })
  const id = found[0]?.id
  if (typeof id !== 'string') throw RecordNotFound.create('sys_user', user)
  return id
}
