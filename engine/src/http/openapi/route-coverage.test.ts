// Every route the real server serves is in the document it serves, and every operation of the
// document is a route the server serves: the CRM is opened with the HTTP plugin, the routes are
// read from Fastify's own route table, and both sides are compared as `METHOD /path` lines.
import type { FastifyInstance, HTTPMethods } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../boot/open-app.js'
import { httpPlugin } from '../../plugins/http/http-plugin.js'
import type { OpenApiDocument } from './openapi-document.js'
import { identifyAsAdmin } from '../identify-as-admin.js'

/** The routes in the tree `printRoutes` draws, as `METHOD /fastify/:path`, children joined. */
function registeredRoutes(server: FastifyInstance): string[] {
  const routes: string[] = []
  const prefixes: string[] = []
  for (const line of server.printRoutes({ commonPrefix: false }).split('\n')) {
    if (line.trim() === '') continue
    // `│   └── /:id (GET, HEAD, PATCH, DELETE)`: four characters of indent per level.
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([A-Z]+(?:, [A-Z]+)*)\))?$/.exec(line)
    if (match === null) throw new Error(`printRoutes drew a line this test cannot read: ${line}`)
    const depth = (match[1] ?? '').length / 4
    const path = `${depth === 0 ? '' : (prefixes[depth - 1] ?? '')}${match[2] ?? ''}`
    prefixes.length = depth
    prefixes.push(path)
    for (const method of match[3]?.split(', ') ?? []) {
      // The reading must give back real routes, or the comparison below would prove nothing.
      if (!server.hasRoute({ method: method as HTTPMethods, url: path })) {
        throw new Error(`read ${method} ${path} from printRoutes, but Fastify has no such route`)
      }
      routes.push(`${method} ${path}`)
    }
  }
  return routes
}

/**
 * The routes as the document must name them: `:param` becomes `{param}`, and the data routes
 * (`/api/v1/data/:object…`) become each object's own paths, as the document lists them.
 */
function expectedOperations(routes: readonly string[], objects: readonly string[]): string[] {
  const served = new Set(routes)
  return (
    routes
      // Fastify adds a HEAD route for every GET route by itself (exposeHeadRoutes), answering with
      // the GET's headers; OpenAPI clients do not expect it listed. A HEAD without a GET would be
      // a route of our own, so it stays.
      .filter((route) => !(route.startsWith('HEAD ') && served.has(`GET ${route.slice(5)}`)))
      .flatMap((route) => {
        const [method = '', path = ''] = route.split(' ')
        const concrete = path.startsWith('/api/v1/data/:object')
          ? objects.map((object) => path.replace(':object', object))
          : [path]
        return concrete.map((p) => `${method} ${p.replace(/:([A-Za-z_]\w*)/g, '{$1}')}`)
      })
      .sort()
  )
}

function documentedOperations(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
    .sort()
}

describe('the served OpenAPI document covers every served route', () => {
  let app: App
  let server: FastifyInstance
  let routes: string[]
  let doc: OpenApiDocument
  beforeAll(async () => {
    app = await openApp({
      dir: 'examples/crm',
      databaseUrl: ':memory:',
      plugins: [httpPlugin({ identify: identifyAsAdmin })],
    })
    server = app.kernel.services.get<FastifyInstance>('http')
    routes = registeredRoutes(server)
    const res = await server.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    expect(res.statusCode).toBe(200)
    doc = res.json<OpenApiDocument>()
  })
  afterAll(() => app.close())

  const objects = () => [...app.registry().objects.keys()]

  it('reads the route table of the real server', () => {
    // Each family of routes is there, so the reading of the route table did not stop short.
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /health',
        'GET /metrics',
        'GET /api/v1/data/:object',
        'DELETE /api/v1/data/:object/bulk',
        'PATCH /api/v1/data/:object/:id',
        'GET /api/v1/meta/:kind',
        'GET /api/v1/meta/objects/:name',
        'POST /api/v1/graphql',
        'GET /api/v1/openapi.json',
        'GET /api/v1/docs',
      ]),
    )
  })

  it('documents exactly the routes the server serves', () => {
    expect(documentedOperations(doc)).toEqual(expectedOperations(routes, objects()))
  })

  it('notices a route missing from the document', () => {
    for (const [path, method] of [
      ['/metrics', 'get'],
      ['/api/v1/graphql', 'get'],
      ['/api/v1/data/opportunity/bulk', 'patch'],
    ] as const) {
      const broken = structuredClone(doc) as { paths: Record<string, Record<string, unknown>> }
      delete broken.paths[path]?.[method]
      const documented = documentedOperations(broken as unknown as OpenApiDocument)
      const missing = expectedOperations(routes, objects()).filter((r) => !documented.includes(r))
      expect(missing).toEqual([`${method.toUpperCase()} ${path}`])
    }
  })

  it('lists the definition kinds the metadata route answers, and only those', async () => {
    const kind = (doc.paths['/api/v1/meta/{kind}']?.get?.parameters as { schema: JsonEnum }[])[0]
    const kinds = kind?.schema.enum ?? []
    expect(kinds).toContain('views')
    for (const name of kinds) {
      const res = await server.inject({ method: 'GET', url: `/api/v1/meta/${name}` })
      expect(res.statusCode, name).toBe(200)
    }
    const other = await server.inject({ method: 'GET', url: '/api/v1/meta/spells' })
    expect(other.statusCode).toBe(404)
  })

  it('gives every operation a unique operationId and a declared tag', () => {
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item))
    const ids = operations.map((o) => o.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    const tags = new Set(doc.tags.map((t) => t.name))
    expect(tags.size).toBe(doc.tags.length)
    for (const operation of operations) {
      for (const tag of operation.tags as string[])
        expect(tags, operation.operationId).toContain(tag)
    }
  })
})

interface JsonEnum {
  readonly enum?: readonly string[]
}
