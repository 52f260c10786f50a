/**
 * Serves the OpenAPI document at /api/v1/openapi.json and the docs UI at /api/v1/docs. The
 * document is built from the registry the request sees and kept per registry snapshot (a
 * WeakMap), so it is built once per version of the app and follows a hot reload by itself;
 * an old snapshot's document goes away with the snapshot.
 *
 * @example
 *   registerOpenApiRoutes(server, registryHolder)
 *   // GET /api/v1/openapi.json → { "openapi": "3.1.0", "info": { "title": "crm", … }, … }
 *   // GET /api/v1/docs         → the HTML page that renders it
 */
import type { FastifyInstance } from 'fastify'
import type { RegistryHolder } from '../../registry/registry-holder.js'
import type { Registry } from '../../registry/registry.js'
import { docsPage } from './docs-page.js'
import { buildOpenApiDocument } from './openapi-document.js'

export function registerOpenApiRoutes(
  server: FastifyInstance,
  registry: Pick<RegistryHolder, 'current'>,
): void {
  const built = new WeakMap<Registry, string>()
  const documentOf = (current: Registry): string => {
    let text = built.get(current)
    if (text === undefined) {
      text = JSON.stringify(buildOpenApiDocument(current))
      built.set(current, text)
    }
    return text
  }

  server.get('/api/v1/openapi.json', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(documentOf(registry.current())),
  )

  server.get('/api/v1/docs', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', docsPage.contentSecurityPolicy)
      .header('x-content-type-options', 'nosniff')
      .send(docsPage.html),
  )
}
