// The document against the real API: the answers of the REST routes, on every dialect, must
// match the schema the document gives for that route and status — so the types, nullability
// and envelopes it promises are the ones the engine sends.
import { randomBytes } from 'node:crypto'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../boot/open-app.js'
import { httpPlugin } from '../../plugins/http/http-plugin.js'
import { dialects, postgresTestUrl } from '../../testing/test-database.js'
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document.js'
import { identifyAsAdmin } from '../identify-as-admin.js'

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
type Data = Record<string, unknown>

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')

describe.each(dialects)('the OpenAPI document matches the REST answers on %s', (dialect) => {
  let app: App
  let server: FastifyInstance
  let doc: OpenApiDocument
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })
  const schema = `openapi_${randomBytes(4).toString('hex')}`
  beforeAll(async () => {
    app = await openApp({
      dir: 'examples/crm',
      ...(dialect === 'sqlite'
        ? { databaseUrl: ':memory:' }
        : { databaseUrl: postgresTestUrl, schema }),
      plugins: [httpPlugin({ identify: identifyAsAdmin })],
    })
    server = app.kernel.services.get<FastifyInstance>('http')
    doc = buildOpenApiDocument(app.registry())
    ajv.addSchema(structuredClone(doc), 'doc')
  })
  afterAll(async () => {
    if (dialect === 'postgres') await app.db.knex.raw('drop schema if exists ?? cascade', [schema])
    await app.close()
  })

  /** The JSON pointer of the schema the document gives for this answer, if it has a body. */
  function schemaPointer(method: Method, template: string, status: number, type: string) {
    const operation = doc.paths[template]?.[method.toLowerCase()]
    const response = operation?.responses[String(status)] as Data | undefined
    if (response === undefined) return { documented: false as const }
    const ref = typeof response.$ref === 'string' ? response.$ref.slice(2).split('/') : undefined
    const at = ref ?? ['paths', template, method.toLowerCase(), 'responses', String(status)]
    const target = (ref === undefined ? response : doc.components.responses[ref[2] ?? '']) as Data
    const content = target.content as Data | undefined
    if (content === undefined) return { documented: true as const, pointer: undefined }
    if (content[type] === undefined) return { documented: false as const }
    return { documented: true as const, pointer: pointer(...at, 'content', type, 'schema') }
  }

  /** Calls the route and checks its answer against the document. */
  async function call(
    method: Method,
    template: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await server.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    })
    const type = String(res.headers['content-type'] ?? '').split(';')[0] ?? ''
    const found = schemaPointer(method, template, res.statusCode, type)
    expect(found.documented, `${method} ${url} answered ${res.statusCode} ${type}`).toBe(true)
    if (found.documented && found.pointer === undefined) expect(res.body).toBe('')
    if (found.documented && found.pointer !== undefined) {
      const validate = ajv.getSchema(`doc#/${found.pointer}`)
      if (validate === undefined) throw new Error(`no schema at ${found.pointer}`)
      // JSON bodies are checked as parsed; text ones (HTML, Prometheus) as the string they are.
      const ok = validate(type.endsWith('json') ? res.json() : res.body)
      expect(validate.errors ?? [], `${method} ${url}: ${res.body}`).toEqual([])
      expect(ok).toBe(true)
    }
    return res
  }

  const one = (res: { json: <T>() => T }) => res.json<{ data: Data }>().data

  it('answers the metadata routes as documented', async () => {
    const objects = (await call('GET', '/api/v1/meta/objects', '/api/v1/meta/objects')).json<{
      data: { name: string }[]
    }>().data
    expect(objects.map((o) => o.name)).toContain('opportunity_line_item')
    const item = '/api/v1/meta/objects/{name}'
    for (const { name } of objects) await call('GET', item, `/api/v1/meta/objects/${name}`)
    expect((await call('GET', item, '/api/v1/meta/objects/nope')).statusCode).toBe(404)
    await call('GET', '/api/v1/meta/diagnostics', '/api/v1/meta/diagnostics')
    const kind = doc.paths['/api/v1/meta/{kind}']?.get?.parameters as { schema: { enum: [] } }[]
    for (const name of kind[0]?.schema.enum ?? []) {
      await call('GET', '/api/v1/meta/{kind}', `/api/v1/meta/${name}`)
    }
    expect((await call('GET', '/api/v1/meta/{kind}', '/api/v1/meta/spells')).statusCode).toBe(404)
  })

  it('answers GraphQL as documented', async () => {
    const path = '/api/v1/graphql'
    expect((await call('POST', path, path, { variables: {} })).statusCode).toBe(400)
    const ran = await call('POST', path, path, {
      query: 'mutation ($d: JSON!) { createAccount(data: $d) { id name } }',
      variables: { d: { name: 'Gamma' } },
    })
    expect(ran.json<{ data: Data }>().data.createAccount).toMatchObject({ name: 'Gamma' })
    const refused = await call('POST', path, path, {
      query: 'mutation { createOpportunity(data: { amount: "lots" }) { id } }',
    })
    expect(refused.statusCode).toBe(200)
    expect(refused.json<{ errors: unknown[] }>().errors).toHaveLength(1)
    expect((await call('POST', path, path, { query: '{ nope }' })).statusCode).toBe(400)
    const preflight = { 'mercurius-require-preflight': '1' }
    const query = encodeURIComponent('{ accountList(limit: 1) { data { id } } }')
    await call('GET', path, `${path}?query=${query}`, undefined, preflight)
    const mutation = encodeURIComponent('mutation { deleteAccount(id: "x") }')
    expect(
      (await call('GET', path, `${path}?query=${mutation}`, undefined, preflight)).statusCode,
    ).toBe(405)
    expect((await call('GET', path, `${path}?query=${query}`)).statusCode).toBe(400)
  })

  it('answers the document, the docs page and the metrics as documented', async () => {
    const served = await call('GET', '/api/v1/openapi.json', '/api/v1/openapi.json')
    expect(served.json()).toEqual(structuredClone(doc))
    await call('GET', '/api/v1/docs', '/api/v1/docs')
    const metrics = await call('GET', '/metrics', '/metrics')
    expect(metrics.body).toContain('objectos_http_requests_total')
  })

  it('answers creates, reads, lists, updates and deletes as documented', async () => {
    const base = '/api/v1/data/account'
    const acme = one(await call('POST', base, base, { name: 'Acme', industry: 'technology' }))
    const child = one(
      await call('POST', base, base, { name: 'Acme Labs', parent_account: acme.id, employees: 12 }),
    )
    const item = `${base}/{id}`
    await call('GET', item, `${base}/${String(child.id)}?expand=parent_account`)
    const tag = (await call('GET', item, `${base}/${String(acme.id)}`)).headers.etag
    const notModified = await call('GET', item, `${base}/${String(acme.id)}`, undefined, {
      'if-none-match': String(tag),
    })
    expect(notModified.statusCode).toBe(304)
    await call('GET', base, `${base}?count=true&limit=1&sort=name`)
    await call('POST', `${base}/query`, `${base}/query`, {
      filter: { name: { $startsWith: 'ac' } },
    })
    await call('POST', `${base}/aggregate`, `${base}/aggregate`, {
      groupBy: ['industry'],
      aggregates: { n: { fn: 'count' } },
    })
    await call('PATCH', item, `${base}/${String(child.id)}`, { industry: null, employees: 13 })
    await call('DELETE', item, `${base}/${String(child.id)}`)
  })

  it('answers computed fields, lookups and dates in the documented types', async () => {
    const account = one(
      await call('POST', '/api/v1/data/account', '/api/v1/data/account', { name: 'Beta' }),
    )
    const base = '/api/v1/data/opportunity'
    const deal = one(
      await call('POST', base, base, {
        name: 'Big deal',
        account: account.id,
        amount: 1200.5,
        probability: 40,
        close_date: '2026-03-01',
      }),
    )
    expect(deal).toMatchObject({ expected_revenue: 480.2, opportunity_number: expect.any(String) })
    const line = '/api/v1/data/opportunity_line_item'
    await call('POST', line, line, {
      opportunity: deal.id,
      product_name: 'Seats',
      unit_price: 10,
      quantity: 3,
    })
    await call('GET', `${base}/{id}`, `${base}/${String(deal.id)}?expand=opportunity_line_item`)
  })

  it('answers errors as the documented problem+json', async () => {
    const base = '/api/v1/data/opportunity'
    const refused = await call('POST', base, base, { amount: 'lots', nickname: 'x' })
    expect(refused.statusCode).toBe(422)
    const missing = await call('GET', `${base}/{id}`, `${base}/nope`)
    expect(missing.statusCode).toBe(404)
    const bad = await call('GET', base, `${base}?filter={"amount":{"$sortof":1}}`)
    expect(bad.statusCode).toBe(400)
    const account = one(
      await call('POST', '/api/v1/data/account', '/api/v1/data/account', { name: 'C' }),
    )
    const url = `/api/v1/data/account/${String(account.id)}`
    const item = '/api/v1/data/account/{id}'
    const stale = await call('PATCH', item, url, { name: 'D' }, { 'if-match': '"7"' })
    expect(stale.statusCode).toBe(412)
    const malformed = await call('DELETE', item, url, undefined, { 'if-match': 'seven' })
    expect(malformed.statusCode).toBe(400)
  })
})
