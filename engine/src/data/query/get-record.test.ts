import { InvalidQuery } from '@objectos/errors'
import { beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { getRecord } from './get-record.js'
import { accountIds, accounts } from './testing/account-fixture.js'
import { useQueryTestApp } from './testing/query-test-app.js'

describe.each(dialects)('getRecord on %s', (dialect) => {
  const app = useQueryTestApp(dialect)
  beforeAll(async () => {
    await app.insert('account', accounts)
  })

  it('returns the record, with selected fields and expansions', async () => {
    const full = await getRecord(app.db(), app.registry, 'account', accountIds.acme)
    expect(full).toMatchObject({ id: accountIds.acme, name: 'Acme Corp', active: true })
    const slim = await getRecord(app.db(), app.registry, 'account', accountIds.acorn, {
      fields: ['name'],
      expand: ['parent_account'],
    })
    expect(slim).toEqual({
      id: accountIds.acorn,
      name: 'acorn ltd',
      parent_account: expect.objectContaining({ id: accountIds.acme, name: 'Acme Corp' }),
    })
  })

  it('returns undefined for an id that does not exist', async () => {
    expect(await getRecord(app.db(), app.registry, 'account', 'nope')).toBeUndefined()
    expect(await getRecord(app.db(), app.registry, 'account', "x' or '1'='1")).toBeUndefined()
  })

  it('rejects an id that is not a string', async () => {
    const error = await getRecord(app.db(), app.registry, 'account', 5 as never).catch(
      (e: unknown) => e,
    )
    expect(InvalidQuery.is(error)).toBe(true)
  })
})
