import { createHash } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '../../data/connection/database.js'
import type { RecordService } from '../../data/record-service.js'
import { compileFiles, loadApp } from '../../load/load-app.js'
import type { RegistryHolder } from '../../registry/registry-holder.js'
import type { Registry } from '../../registry/registry.js'
import { registerHealthRoutes } from '../health-routes.js'
import { registerBulkRoutes } from '../rest/bulk-routes.js'
import { registerDataRoutes } from '../rest/data-routes.js'
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document.js'
import { registerOpenApiRoutes } from './openapi-routes.js'

// The real builder, counted: the routes must build once per registry snapshot, not per request.
vi.mock(import('./openapi-document.js'), async (importOriginal) => {
  const original = await importOriginal()
  return { ...original, buildOpenApiDocument: vi.fn(original.buildOpenApiDocument) }
})

let crm: Registry
beforeAll(async () => {
  const result = await loadApp('examples/crm')
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)))
  crm = result.registry
})

function holder(current: () => Registry): Pick<RegistryHolder, 'current' | 'reload'> {
  return {
    current,
    reload: async () => {
      throw new Error('not used')
    },
  }
}

describe('registerOpenApiRoutes', () => {
  let server: FastifyInstance
  afterEach(async () => {
    await server.close()
  })

  it('serves the document of the current registry as JSON, and follows a reload', async () => {
    let current = crm
    server = Fastify()
    registerOpenApiRoutes(
      server,
      holder(() => current),
    )
    vi.mocked(buildOpenApiDocument).mockClear()
    const first = await server.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    const again = await server.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    expect(again.body).toBe(first.body)
    expect(buildOpenApiDocument).toHaveBeenCalledTimes(1)
    expect(first.statusCode).toBe(200)
    expect(first.headers['content-type']).toContain('application/json')
    const doc = first.json<OpenApiDocument>()
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.title).toBe('crm')
    expect(first.body).toBe(JSON.stringify(buildOpenApiDocument(crm)))

    const reloaded = compileFiles([
      { path: 'objectos.yaml', content: 'name: shop\n' },
      {
        path: 'objects/invoice.object.yaml',
        content: 'name: invoice\nfields:\n  code: { type: text }\n',
      },
    ])
    if (!reloaded.ok) throw new Error(JSON.stringify(reloaded.diagnostics.slice(0, 3)))
    current = reloaded.registry
    vi.mocked(buildOpenApiDocument).mockClear()
    const after = (
      await server.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    ).json<OpenApiDocument>()
    expect(after.info.title).toBe('shop')
    expect(Object.keys(after.paths)).toContain('/api/v1/data/invoice')
    expect(Object.keys(after.paths)).not.toContain('/api/v1/data/account')
    expect(buildOpenApiDocument).toHaveBeenCalledTimes(1)
  })

  it('serves a self-contained docs page whose only script is the one its policy allows', async () => {
    server = Fastify()
    registerOpenApiRoutes(
      server,
      holder(() => crm),
    )
    const res = await server.inject({ method: 'GET', url: '/api/v1/docs' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    const html = res.body
    expect(html).toContain("fetch('openapi.json')")
    // No asset from elsewhere: no src/href attribute in the markup, no absolute URL anywhere.
    expect(html).not.toMatch(/\s(src|href)=/)
    expect(html).not.toMatch(/https?:\/\//)
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '')
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '')
    expect(scripts).toHaveLength(1)
    expect(styles).toHaveLength(1)
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    const policy = String(res.headers['content-security-policy'])
    expect(policy).toContain(`script-src ${hash(scripts[0] ?? '')}`)
    expect(policy).toContain(`style-src ${hash(styles[0] ?? '')}`)
    expect(policy).toContain("default-src 'none'")
    // The viewer is plain script a browser can run: it must at least parse.
    expect(() => new Function(scripts[0] ?? '')).not.toThrow()
    // Text from the document is inserted as text, never as markup.
    expect(scripts[0]).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/)
  })
})

describe('the documented paths are the routes the server registers', () => {
  /** `METHOD /path` of every route registered by `register`, HEAD routes aside. */
  async function routesOf(register: (server: FastifyInstance) => void): Promise<string[]> {
    const server = Fastify()
    const routes: string[] = []
    server.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') routes.push(`${method} ${route.url}`)
      }
    })
    register(server)
    await server.ready()
    await server.close()
    return routes
  }

  const documented = (doc: OpenApiDocument, prefix: string) =>
    Object.entries(doc.paths)
      .filter(([path]) => path.startsWith(prefix))
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
      .sort()

  it('documents every data route of every object, and nothing else under /api/v1/data', async () => {
    const routes = await routesOf((server) => {
      registerBulkRoutes(server, {} as RecordService)
      registerDataRoutes(server, {} as RecordService)
    })
    expect(routes.length).toBeGreaterThanOrEqual(7)
    const expected = [...crm.objects.keys()]
      .flatMap((object) =>
        routes.map((route) =>
          route
            .replace(':object', object)
            .replace(/:([A-Za-z]+)/g, (_m, name: string) => `{${name}}`),
        ),
      )
      .sort()
    expect(documented(buildOpenApiDocument(crm), '/api/v1/data/')).toEqual(expected)
  })

  it('documents the health routes under the Health tag', async () => {
    const routes = await routesOf((server) => registerHealthRoutes(server, {} as Database))
    const doc = buildOpenApiDocument(crm)
    const health = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => (operation.tags as string[]).includes('Health'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )
    expect(health.sort()).toEqual(routes.sort())
  })
})
