import { describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { useServedCrm } from '../testing/served-crm.js'

describe.each(dialects)('Idempotency-Key on %s', (dialect) => {
  const served = useServedCrm(dialect)

  const post = (key: string, body: unknown) =>
    served().server.inject({
      method: 'POST',
      url: '/api/v1/data/account',
      headers: { 'idempotency-key': key },
      payload: body as object,
    })
  const count = async (name: string) =>
    (await served().app.records.find('account', { filter: { name }, count: true })).total

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
