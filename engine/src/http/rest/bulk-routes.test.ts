import { describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { useServedCrm } from '../testing/served-crm.js'

describe.each(dialects)('bulk routes on %s', (dialect) => {
  const served = useServedCrm(dialect)

  const call = (method: 'POST' | 'PATCH' | 'DELETE', body: unknown) =>
    served().server.inject({ method, url: '/api/v1/data/account/bulk', payload: body as object })
  const names = async () =>
    (await served().app.records.find('account', { sort: ['name'], fields: ['name'] })).records.map(
      (r) => r.name,
    )

  it('creates all the records of a request, or none of them', async () => {
    const refused = await call('POST', {
      records: [{ name: 'A' }, { phone: '+1 555' }, { name: 'C' }],
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      'records[1].name',
    ])
    expect(await names()).toEqual([])
    const created = await call('POST', { records: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] })
    expect(created.statusCode).toBe(201)
    expect(created.json<{ data: unknown[] }>().data).toHaveLength(3)
    expect(await names()).toEqual(['A', 'B', 'C'])
  })

  it('updates all or nothing, refusing a stale version by its entry', async () => {
    const all = (await served().app.records.find('account', { sort: ['name'] })).records
    const [a, b] = all as { id: string; version: number }[]
    const stale = await call('PATCH', {
      records: [
        { id: a?.id, version: a?.version, industry: 'technology' },
        { id: b?.id, version: 99, industry: 'finance' },
      ],
    })
    expect(stale.statusCode).toBe(412)
    expect(stale.json<{ title: string }>().title).toMatch(/^records\[1\]: /)
    expect((await served().app.records.get('account', String(a?.id)))?.industry).toBeNull()
    const done = await call('PATCH', {
      records: [
        { id: a?.id, industry: 'technology' },
        { id: b?.id, version: b?.version, industry: 'finance' },
      ],
    })
    expect(done.statusCode).toBe(200)
    expect((await served().app.records.get('account', String(b?.id)))?.industry).toBe('finance')
  })

  it('deletes all or nothing, and bounds the size of a request', async () => {
    const ids = (await served().app.records.find('account', {})).records.map((r) => r.id)
    const missing = await call('DELETE', { ids: [...ids, 'no-such-id'] })
    expect(missing.statusCode).toBe(404)
    expect(await names()).toHaveLength(3)
    expect((await call('DELETE', { ids })).statusCode).toBe(204)
    expect(await names()).toEqual([])
    const tooMany = await call('POST', {
      records: Array.from({ length: 501 }, () => ({ name: 'x' })),
    })
    expect(tooMany.statusCode).toBe(400)
    expect((await call('POST', { records: [] })).statusCode).toBe(400)
  })
})
