import { beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { applyFilter } from './compile-filter.js'
import { accountIds, accountNames, accounts } from './testing/account-fixture.js'
import { useQueryTestApp } from './testing/query-test-app.js'

describe.each(dialects)('applyFilter on other statements on %s', (dialect) => {
  const app = useQueryTestApp(dialect)
  const ctx = () => ({ registry: app.registry, dialect })
  beforeAll(async () => {
    await app.insert('account', accounts)
  })

  it('restricts an UPDATE, ANDed with what the builder already holds', async () => {
    const account = app.registry.object('account')
    const qb = app.db().knex('account').whereNot('id', accountIds.obrien)
    applyFilter(qb, ctx(), account, {
      $or: [{ industry: 'tech' }, { 'parent_account.name': 'Acme Corp' }],
    })
    const changed = await qb.update({ owner_id: 'u-updated' })
    expect(changed).toBe(2)
    expect(await accountNames(app, { owner_id: 'u-updated' })).toEqual(['Acme Corp', 'acorn ltd'])
  })

  it('qualifies columns with an alias, so it works on joined queries', async () => {
    const account = app.registry.object('account')
    const qb = app
      .db()
      .knex({ child: 'account' })
      .leftJoin({ parent: 'account' }, 'parent.id', 'child.parent_account')
      .select('child.name')
    applyFilter(qb, { ...ctx(), alias: 'child' }, account, { name: { $startsWith: 'b' } })
    applyFilter(qb, { ...ctx(), alias: 'parent' }, account, { name: { $contains: 'acorn' } })
    expect(await qb).toEqual([{ name: 'Bolt 50% Off_Sale' }])
  })

  it('throws on a bad filter when it is applied, before any SQL is built', () => {
    const account = app.registry.object('account')
    const qb = app.db().knex('account')
    expect(() => applyFilter(qb, ctx(), account, { nmae: 'x' })).toThrow(/nmae/)
    expect(() => applyFilter(qb, ctx(), account, { $or: [{ name: { $like: 'x' } }] })).toThrow(
      /\$like/,
    )
  })

  it('adds nothing for an undefined or empty filter', async () => {
    const account = app.registry.object('account')
    const qb = app.db().knex('account').count({ n: '*' })
    applyFilter(qb, ctx(), account, undefined)
    applyFilter(qb, ctx(), account, {})
    expect(qb.toSQL().sql).not.toContain('where')
    expect(await qb).toEqual([{ n: accounts.length }])
  })
})
