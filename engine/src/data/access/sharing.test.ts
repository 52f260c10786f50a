import {
  ObjectAccessDenied,
  RecordAccessDenied,
  RecordNotFound,
  RowPolicyDenied,
  ShareDenied,
  ValidationFailed,
} from '@objectos/errors'
import { describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { explainAccess } from './explain-access.js'
import { useSharingApp, type SharingUser } from './testing/sharing-test-app.js'

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe.each(dialects)('sharing rules, positions, policies and shares on %s', (dialect) => {
  const fixture = useSharingApp(dialect)
  const records = () => fixture().app.records
  const dealNames = async (user: SharingUser, query = {}) => {
    const page = await records().find(
      'deal',
      { sort: ['name'], ...query },
      await fixture().as(user),
    )
    return page.records.map((r) => r.name)
  }

  it('shows each user exactly the deals ownership, sharing rules and policies reach', async () => {
    expect(await dealNames('rita')).toEqual(['D1', 'D2'])
    expect(await dealNames('sam')).toEqual(['D3', 'D4'])
    // partner_deals: the user the record's partner field names, unless the deal is lost.
    expect(await dealNames('pat')).toEqual(['D4'])
    // won_to_finance: every won deal, to the finance position (which binds the finance set).
    expect(await dealNames('fin')).toEqual(['D2'])
    // big_to_vp: shared with vp@example.com by email.
    expect(await dealNames('vp')).toEqual(['D2', 'D5'])
    // region_viewer sees every deal, narrowed by `region in current_user.positions`.
    expect(await dealNames('reg')).toEqual(['D1', 'D3', 'D5', 'D6'])
    // capped narrows cap's own deals to amount <= 1000.
    expect(await dealNames('cap')).toEqual(['D5'])
    // ann holds rep through her position's assignment; the inactive rule shares nothing.
    expect(await dealNames('ann')).toEqual([])
    expect(ObjectAccessDenied.is(await failure(dealNames('nora')))).toBe(true)
  })

  it('shares by email only with the user who verified that address', async () => {
    const { app, userIds } = fixture()
    expect(await dealNames('pat')).toEqual(['D4'])
    await app.records.update('sys_user', userIds.pat, { email_verified: true })
    try {
      expect(await dealNames('pat')).toEqual(['D1', 'D4'])
    } finally {
      await app.records.update('sys_user', userIds.pat, { email_verified: false })
    }
    expect(await dealNames('pat')).toEqual(['D4'])
  })

  it('applies the same reach to gets, counts and aggregates', async () => {
    const { ids } = fixture()
    const fin = await fixture().as('fin')
    expect((await records().get('deal', ids.d2 as string, {}, fin))?.name).toBe('D2')
    expect(await records().get('deal', ids.d1 as string, {}, fin)).toBeUndefined()
    const counted = await records().find('deal', { count: true }, await fixture().as('reg'))
    expect(counted.total).toBe(4)
    const sums = await records().aggregate(
      'deal',
      { groupBy: ['region'], aggregates: { total: { fn: 'sum', field: 'amount' } } },
      await fixture().as('vp'),
    )
    expect(sums.groups.map((row) => [row.region, Number(row.total)]).sort()).toEqual([
      ['apac', 600],
      ['emea', 900],
    ])
  })

  it('grants edit through an edit rule, never delete, and read-only rules grant no edit', async () => {
    const { ids } = fixture()
    const pat = await fixture().as('pat')
    const updated = await records().update('deal', ids.d4 as string, { amount: 250 }, {}, pat)
    expect(updated.amount).toBe(250)
    expect(
      RecordAccessDenied.is(await failure(records().delete('deal', ids.d4 as string, {}, pat))),
    ).toBe(true)
    const vp = await fixture().as('vp')
    expect(
      RecordAccessDenied.is(
        await failure(records().update('deal', ids.d2 as string, { amount: 1 }, {}, vp)),
      ),
    ).toBe(true)
    // fin's set grants no edit at all: the object right comes first.
    const fin = await fixture().as('fin')
    expect(
      ObjectAccessDenied.is(
        await failure(records().update('deal', ids.d2 as string, { amount: 1 }, {}, fin)),
      ),
    ).toBe(true)
  })

  it('checks row-level policies on the records a create or update writes', async () => {
    const cap = await fixture().as('cap')
    const big = await failure(records().create('deal', { name: 'Huge', amount: 5000 }, cap))
    expect(RowPolicyDenied.is(big)).toBe(true)
    expect((big as Error).message).toContain('small_deals')
    const small = await records().create('deal', { name: 'Small', amount: 500 }, cap)
    expect(small.amount).toBe(500)
    const grow = await failure(
      records().update('deal', small.id as string, { amount: 2000 }, {}, cap),
    )
    expect(RowPolicyDenied.is(grow)).toBe(true)
    // A record outside the policy cannot even be loaded for a change.
    const hidden = await failure(
      records().update('deal', fixture().ids.d6 as string, { amount: 1 }, {}, cap),
    )
    expect(RecordNotFound.is(hidden)).toBe(true)
    await records().delete('deal', small.id as string, {}, cap)
  })

  it('gives everyone the default sets, and position assignments through the data', async () => {
    const page = await records().find('bulletin', {}, await fixture().as('nora'))
    expect(page.records.map((r) => r.text)).toEqual(['hello'])
    const ann = await fixture().as('ann')
    const mine = await records().create('deal', { name: 'Ann deal', amount: 10 }, ann)
    expect(await dealNames('ann')).toEqual(['Ann deal'])
    await records().delete('deal', mine.id as string, {}, ann)
  })

  it('lets an owner share a record by hand, and only an owner', async () => {
    const { ids, userIds } = fixture()
    const rita = await fixture().as('rita')
    const sam = await fixture().as('sam')
    const share = await records().create(
      'sys_record_share',
      { object_name: 'deal', record_id: ids.d1, shared_with: userIds.sam },
      rita,
    )
    expect(await dealNames('sam')).toEqual(['D1', 'D3', 'D4'])
    expect(
      RecordAccessDenied.is(
        await failure(records().update('deal', ids.d1 as string, { amount: 1 }, {}, sam)),
      ),
    ).toBe(true)
    await records().update(
      'sys_record_share',
      share.id as string,
      { access_level: 'edit' },
      {},
      rita,
    )
    expect(
      (await records().update('deal', ids.d1 as string, { amount: 101 }, {}, sam)).amount,
    ).toBe(101)
    // A recipient cannot pass a share on, and a share by rule is not ownership either.
    const passOn = records().create(
      'sys_record_share',
      { object_name: 'deal', record_id: ids.d1, shared_with: userIds.pat },
      sam,
    )
    expect(ShareDenied.is(await failure(passOn))).toBe(true)
    const byRule = records().create(
      'sys_record_share',
      { object_name: 'deal', record_id: ids.d4, shared_with: userIds.nora },
      await fixture().as('pat'),
    )
    expect(ShareDenied.is(await failure(byRule))).toBe(true)
    const missing = records().create(
      'sys_record_share',
      { object_name: 'deal', record_id: 'nope', shared_with: userIds.sam },
      rita,
    )
    expect(ValidationFailed.is(await failure(missing))).toBe(true)
    const noObject = records().create(
      'sys_record_share',
      { object_name: 'nothing', record_id: ids.d1, shared_with: userIds.sam },
      rita,
    )
    expect(ValidationFailed.is(await failure(noObject))).toBe(true)
    // Shares are private to who made them.
    const samsView = await records().find('sys_record_share', {}, sam)
    expect(samsView.records).toEqual([])
    // Taking the share back hides the record again.
    await records().delete('sys_record_share', share.id as string, {}, rita)
    expect(await dealNames('sam')).toEqual(['D3', 'D4'])
  })

  it('drops the shares of a deleted record', async () => {
    const { userIds } = fixture()
    const rita = await fixture().as('rita')
    const temp = await records().create('deal', { name: 'Temp', amount: 1 }, rita)
    await records().create(
      'sys_record_share',
      { object_name: 'deal', record_id: temp.id, shared_with: userIds.sam },
      rita,
    )
    await records().delete('deal', temp.id as string, {}, rita)
    const left = await fixture()
      .app.db.knex('sys_record_share')
      .where({ object_name: 'deal', record_id: temp.id as string })
    expect(left).toEqual([])
  })

  it('names the sharing rule, share or policy that decides in explain', async () => {
    const { app, ids } = fixture()
    const registry = app.registry()
    const deal = registry.object('deal')
    const row = await app.records.get('deal', ids.d2 as string)
    const fin = await fixture().principal('fin')
    const forFin = await explainAccess(app.db, registry, fin, deal, row)
    expect(forFin.record?.read.allowed).toBe(true)
    expect(forFin.record?.read.because).toContain(
      'sharing rule won_to_finance shares it with the user for read',
    )
    expect(forFin.user.permissionSets).toEqual(['finance', 'readers', 'sys_record_sharing'])
    const cap = await fixture().principal('cap')
    const d6 = await app.records.get('deal', ids.d6 as string)
    const forCap = await explainAccess(app.db, registry, cap, deal, d6)
    expect(forCap.record?.read.allowed).toBe(false)
    expect(forCap.record?.read.because).toContain('row-level policy small_deals does not admit it')
  })
})
