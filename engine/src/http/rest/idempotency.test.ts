import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../boot/open-app.js'
import { httpPlugin } from '../../plugins/http/http-plugin.js'
import { dialects, postgresTestUrl } from '../../testing/test-database.js'

describe.each(dialects)('Idempotency-Key on %s', (dialect) => {
  let app: App
  let server: FastifyInstance
  const schema = `idem_${randomBytes(4).toString('hex')}`
  beforeAll(async () => {
    app = await openApp({
      dir: 'examples/crm',
      ...(dialect === 'sqlite'
        ? { databaseUrl: ':memory:' }
        : { databaseUrl: postgresTestUrl, schema }),
      plugins: [httpPlugin()],
    })
    server = app.kernel.services.get<FastifyInstance>('http')
  })
  afterAll(async () => {
    if (dialect === 'postgres') await app.db.knex.raw('drop schema if exists ?? cascade', [schema])
    await app.close()
  })

  const post = (key: string, body: unknown) =>
    server.inject({
      method: 'POST',
      url: '/api/v1/data/account',
      headers: { 'idempotency-key': key },
      payload: body as object,
    })
  const count = async (name: string) =>
    (await app.records.find('account', { filter: { name }, count: true })).total

  it('answers a retry with the first result and creates nothing new', async () => {
    const first = await post('key-1', { name: 'Once' })
    const retry = await post('key-1', { name: 'Once' })
    expect(first.statusCode).toBe(201)
    expect(retry.statusCode).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json()).toEqual(first.json())
    expect(await count('Once')).toBe(1)
  })

  it('refuses the same key with a different body', async () => {
    await post('key-2', { name: 'First' })
    const other = await post('key-2', { name: 'Second' })
    expect(other.statusCode).toBe(422)
    expect(other.json<{ code: string }>().code).toBe('OOS_HTTP_IDEMPOTENCY_KEY_REUSED')
    expect(await count('Second')).toBe(0)
  })

  it('creates once when the same request arrives several times at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post('key-3', { name: 'Racing' })),
    )
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201])
    expect(new Set(answers.map((a) => a.json<{ data: { id: string } }>().data.id)).size).toBe(1)
    expect(await count('Racing')).toBe(1)
  })

  it('does not store a refused write, so a corrected retry with the key succeeds', async () => {
    const refused = await post('key-4', { industry: 'technology' })
    expect(refused.statusCode).toBe(422)
    expect((await post('key-4', { name: 'Fixed' })).statusCode).toBe(201)
  })

  it('refuses a malformed key', async () => {
    expect((await post('has space', { name: 'x' })).statusCode).toBe(400)
  })
})
