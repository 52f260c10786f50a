/**
 * The metadata routes the generated UI and Studio live on: objects with their fields, the other
 * definitions by kind (views, pages, apps, dashboards, …) and the diagnostics of the last
 * compile. Read from the current registry on every request, so a reload shows at once.
 *
 * @example
 *   GET /api/v1/meta/objects            → { data: [{ name, label, fields: [...] }, …] }
 *   GET /api/v1/meta/objects/account    → { data: { name: 'account', fields: [...] } }
 *   GET /api/v1/meta/views              → { data: [{ name, file, definition }, …] }
 *   GET /api/v1/meta/diagnostics        → { data: [{ code, file, line, … }], meta: { errors } }
 */
import { RouteNotFound, UnknownObject } from '@objectos/errors'
import type { FastifyInstance } from 'fastify'
import type { RegistryHolder } from '../../registry/registry-holder.js'
import { objectAccess } from '../../data/access/object-access.js'
import { anonymousPrincipal } from '../../data/access/principal.js'
import { requestContext } from '../request-principal.js'
import { describeObject } from './describe-object.js'

/**
 * Metadata kinds served as definitions, by their plural route name (the OpenAPI document lists
 * the same names).
 */
export const definitionRoutes: Readonly<Record<string, string>> = {
  views: 'view',
  pages: 'page',
  apps: 'app',
  dashboards: 'dashboard',
  permissions: 'permission',
  sharing: 'sharing',
  flows: 'flow',
  triggers: 'trigger',
  notifications: 'notification',
}

export function registerMetaRoutes(server: FastifyInstance, registry: RegistryHolder): void {
  // Each caller sees the objects it may read, with the fields it may read.
  server.get('/api/v1/meta/objects', async (request) => {
    const current = registry.current()
    const principal = requestContext(request, 'rest').principal ?? anonymousPrincipal
    const data = []
    for (const object of current.objects.values()) {
      const access = objectAccess(current, principal, object.name)
      if (access.read) data.push(describeObject(current, object, access))
    }
    return { data }
  })

  server.get<{ Params: { name: string } }>('/api/v1/meta/objects/:name', async (request) => {
    const current = registry.current()
    const principal = requestContext(request, 'rest').principal ?? anonymousPrincipal
    const object = current.object(request.params.name)
    const access = objectAccess(current, principal, object.name)
    // An object the caller may not read is described like one that does not exist.
    if (!access.read) throw UnknownObject.create(object.name)
    return { data: describeObject(current, object, access) }
  })

  server.get('/api/v1/meta/diagnostics', async () => {
    const diagnostics = registry.diagnostics()
    const errors = diagnostics.filter((d) => d.severity === 'error').length
    return { data: diagnostics, meta: { errors, warnings: diagnostics.length - errors } }
  })

  server.get<{ Params: { kind: string } }>('/api/v1/meta/:kind', async (request) => {
    const kind = definitionRoutes[request.params.kind]
    if (kind === undefined) throw RouteNotFound.create('GET', `/api/v1/meta/${request.params.kind}`)
    const data = [...registry.current().definitions.values()]
      .filter((d) => d.kind === kind)
      .map(({ name, file, definition }) => ({ name, file, definition }))
    return { data }
  })
}
