import { describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { useServedCrm } from '../testing/served-crm.js'

describe.each(dialects)('REST data routes on %s', (dialect) => {
  const served = useServedCrm(dialect, { bodyLimit: 64 * 1024 })

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    served().server.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    })

  async function account(name: string, industry?: string): Promise<Record<string, unknown>> {
    const res = await call('POST', '/api/v1/data/account', {
      name,
      ...(industry ? { industry } : {}),
    })
    expect(res.statusCode).toBe(201)
    return res.json<{ data: Record<string, unknown> }>().data
  }

  it('creates a record: 201, Location, ETag and the stored record', async () => {
    const res = await call('POST', '/api/v1/data/account', { name: 'Acme' })
    expect(res.statusCode).toBe(201)
    const { data } = res.json<{ data: Record<string, unknown> }>()
    expect(data).toMatchObject({ name: 'Acme', version: 1 })
    expect(res.headers.location).toBe(`/api/v1/data/account/${String(data.id)}`)
    expect(res.headers.etag).toBe('"1"')
  })

  it('answers a rejected write with 422 problem+json and per-field errors', async () => {
    const res = await call('POST', '/api/v1/data/opportunity', { amount: 'lots', nickname: 'x' })
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const body = res.json<{ code: string; errors: { field: string; code: string }[] }>()
    expect(body.code).toBe('OOS_DATA_VALIDATION_FAILED')
    expect(body.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'amount:type',
      'nickname:unknown_field',
      'name:required',
      'account:required',
    ])
  })

  it('lists with filter, sort, limit and a cursor, counting on request', async () => {
    for (const name of ['Beta', 'Gamma', 'Delta']) await account(name, 'technology')
    const filter = encodeURIComponent(JSON.stringify({ industry: 'technology' }))
    const first = await call(
      'GET',
      `/api/v1/data/account?filter=${filter}&sort=name&limit=2&count=true`,
    )
    expect(first.statusCode).toBe(200)
    const page = first.json<{
      data: { name: string }[]
      meta: { nextCursor: string; total: number }
    }>()
    expect(page.data.map((r) => r.name)).toEqual(['Beta', 'Delta'])
    expect(page.meta.total).toBe(3)
    const next = await call(
      'GET',
      `/api/v1/data/account?filter=${filter}&sort=name&limit=2&cursor=${page.meta.nextCursor}`,
    )
    expect(next.json<{ data: { name: string }[] }>().data.map((r) => r.name)).toEqual(['Gamma'])
  })

  it.each([
    ['filter=notjson', 'OOS_DATA_INVALID_QUERY', 'filter'],
    [
      `filter=${encodeURIComponent('{"name":{"$sortof":"A"}}')}`,
      'OOS_DATA_UNKNOWN_OPERATOR',
      '$sortof',
    ],
    [`filter=${encodeURIComponent('{"nmae":"A"}')}`, 'OOS_DATA_UNKNOWN_FIELD', 'nmae'],
    ['limit=501', 'OOS_DATA_INVALID_QUERY', 'limit'],
    ['limit=ten', 'OOS_DATA_INVALID_QUERY', 'limit'],
    ['colour=red', 'OOS_DATA_INVALID_QUERY', 'colour'],
  ])('refuses %s with 400 naming the problem', async (query, code, named) => {
    const res = await call('GET', `/api/v1/data/account?${query}`)
    expect(res.statusCode).toBe(400)
    const body = res.json<{ code: string; title: string }>()
    expect(body.code).toBe(code)
    expect(body.title).toContain(named)
  })

  it('answers 404 for unknown objects, records and routes', async () => {
    for (const url of ['/api/v1/data/spaceship', '/api/v1/data/account/nope', '/api/v1/nothing']) {
      const res = await call('GET', url)
      expect(res.statusCode, url).toBe(404)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
  })

  it('reads with an ETag, updates with If-Match and refuses a stale one with 412', async () => {
    const created = await account('Versioned')
    const url = `/api/v1/data/account/${String(created.id)}`
    const read = await call('GET', url)
    expect(read.headers.etag).toBe('"1"')
    expect((await call('GET', url, undefined, { 'if-none-match': '"1"' })).statusCode).toBe(304)
    const updated = await call('PATCH', url, { industry: 'finance' }, { 'if-match': '"1"' })
    expect(updated.statusCode).toBe(200)
    expect(updated.headers.etag).toBe('"2"')
    const stale = await call('PATCH', url, { industry: 'retail' }, { 'if-match': '"1"' })
    expect(stale.statusCode).toBe(412)
    expect(stale.json<{ code: string }>().code).toBe('OOS_DATA_VERSION_CONFLICT')
    const malformed = await call('PATCH', url, { industry: 'retail' }, { 'if-match': 'yesterday' })
    expect(malformed.statusCode).toBe(400)
    expect((await call('GET', url)).json<{ data: { industry: string } }>().data.industry).toBe(
      'finance',
    )
  })

  it('deletes with 204, and refuses with 409 while restricting children refer to it', async () => {
    const parent = await account('Parent')
    const deal = await call('POST', '/api/v1/data/opportunity', {
      name: 'Deal',
      account: parent.id,
    })
    expect(deal.statusCode).toBe(201)
    const refused = await call('DELETE', `/api/v1/data/account/${String(parent.id)}`)
    expect(refused.statusCode).toBe(409)
    const dealId = deal.json<{ data: { id: string } }>().data.id
    expect((await call('DELETE', `/api/v1/data/opportunity/${dealId}`)).statusCode).toBe(204)
    expect((await call('DELETE', `/api/v1/data/account/${String(parent.id)}`)).statusCode).toBe(204)
    expect((await call('GET', `/api/v1/data/account/${String(parent.id)}`)).statusCode).toBe(404)
  })

  it('queries with a POST body and aggregates with group by', async () => {
    const res = await call('POST', '/api/v1/data/account/query', {
      filter: { industry: { $in: ['technology'] } },
      fields: ['name'],
      sort: ['-name'],
    })
    expect(res.json<{ data: { name: string }[] }>().data.map((r) => r.name)).toEqual([
      'Gamma',
      'Delta',
      'Beta',
    ])
    const agg = await call('POST', '/api/v1/data/account/aggregate', {
      groupBy: ['industry'],
      aggregates: { n: { fn: 'count' } },
      filter: { industry: { $null: false } },
    })
    expect(agg.statusCode).toBe(200)
    expect(agg.json<{ data: unknown[] }>().data).toEqual(
      expect.arrayContaining([{ industry: 'technology', n: 3 }]),
    )
  })

  it('refuses __proto__ in a body and bodies over the limit, without stack traces', async () => {
    const poisoned = await served().server.inject({
      method: 'POST',
      url: '/api/v1/data/account',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"x","__proto__":{"admin":true}}',
    })
    expect(poisoned.statusCode).toBe(400)
    expect(poisoned.json<{ code: string }>().code).toBe('OOS_HTTP_BAD_REQUEST')
    const huge = await call('POST', '/api/v1/data/account', { name: 'x'.repeat(70 * 1024) })
    expect(huge.statusCode).toBe(413)
    expect(huge.body).not.toContain('    at ')
  })

  it('answers an unexpected failure with 500 and a log reference, never its details', async () => {
    const off = served().app.kernel.hooks.on('beforeCreate', ({ record }) => {
      if (record.name === 'Boom') throw new Error('secret internals at /srv/db.ts:42')
    })
    const res = await call('POST', '/api/v1/data/account', { name: 'Boom' })
    off()
    expect(res.statusCode).toBe(500)
    const body = res.json<{ code: string; title: string }>()
    expect(body.code).toBe('OOS_SERVER_INTERNAL')
    expect(body.title).toMatch(/reference [0-9a-f-]{36}/)
    expect(res.body).not.toContain('secret internals')
  })

  it('serves GraphQL and the OpenAPI document beside the REST routes', async () => {
    const graphql = await served().server.inject({
      method: 'POST',
      url: '/api/v1/graphql',
      payload: { query: '{ accountList(limit: 1) { data { name } } }' },
    })
    expect(graphql.statusCode).toBe(200)
    expect(
      graphql.json<{ data: { accountList: { data: unknown[] } } }>().data.accountList.data,
    ).toHaveLength(1)
    const openapi = await call('GET', '/api/v1/openapi.json')
    expect(openapi.json<{ openapi: string }>().openapi).toBe('3.1.0')
  })

  it('reports liveness and readiness', async () => {
    expect((await call('GET', '/health')).json()).toEqual({ status: 'ok' })
    expect((await call('GET', '/ready')).json()).toEqual({ status: 'ready', database: dialect })
  })
})
