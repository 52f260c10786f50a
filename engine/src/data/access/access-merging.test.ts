/**
 * How sets, positions and policies combine: `everyone` as a position, policies that only check
 * writes, edit and delete reach kept apart, an unverified email, an owner change dropping manual
 * shares, and free-text set names that must not collide in the access cache.
 */
import { ObjectAccessDenied, RecordAccessDenied } from '@objectos/errors'
import type { SourceFile } from '@objectos/metadata'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../boot/open-app.js'
import { dialects } from '../../testing/test-database.js'
import { closeTestApp, principalsOf, testDatabase } from './testing/access-fixture-parts.js'

const files: readonly SourceFile[] = [
  { path: 'objectos.yaml', content: 'name: merging_test\n' },
  {
    path: 'objects/deal.object.yaml',
    content: `name: deal
fields:
  name: { type: text, required: true }
  region: { type: text }
  amount: { type: number }
  close_date: { type: date }
`,
  },
  ...Object.entries({
    // Everyone (through the everyone position) reads every deal, narrowed to emea.
    everyone_emea: `objects:
  deal: { allowRead: true, viewAllRecords: true }
rowLevelSecurity:
  - { name: emea_only, object: deal, operation: select, using: region == 'emea', positions: [everyone] }
`,
    regional: `objects:
  deal: { allowRead: true, viewAllRecords: true }
rowLevelSecurity:
  - { name: apac_only, object: deal, operation: select, using: region == 'apac' }
`,
    writer: `objects:
  deal: { allowCreate: true }
rowLevelSecurity:
  - { name: small, object: deal, operation: all, check: amount < 100 }
`,
    delete_org: `objects:
  deal: { allowRead: true, allowDelete: true, readScope: org, writeScope: org }
`,
    edit_own: `objects:
  deal: { allowRead: true, allowEdit: true, readScope: org, writeScope: own }
`,
    email_match: `objects:
  deal: { allowRead: true, viewAllRecords: true }
rowLevelSecurity:
  - { name: by_email, object: deal, operation: select, using: region == current_user.email }
`,
    'regional,rep': `objects: {}
`,
    mismatched: `objects:
  deal: { allowRead: true, viewAllRecords: true }
rowLevelSecurity:
  - { name: odd, object: deal, operation: select, using: close_date >= now() }
`,
    future: `objects:
  deal: { allowRead: true, allowCreate: true, allowEdit: true }
rowLevelSecurity:
  - { name: not_past, object: deal, operation: all, using: close_date >= today() }
`,
    dated_check: `objects:
  deal: { allowRead: true, allowCreate: true, readScope: own }
rowLevelSecurity:
  - name: dated
    object: deal
    operation: insert
    check: "close_date >= today() && region in ['emea', 'apac']"
`,
  }).map(([name, body]) => ({
    path: `permissions/${name.replace(',', '_')}.permission.yaml`,
    content: `name: ${name.replace(',', '_')}\n${body}`,
  })),
]

type User = 'ann' | 'bea' | 'cy' | 'dot' | 'eve' | 'fay' | 'gus' | 'hal' | 'ivy' | 'jo'

describe.each(dialects)('how access rules combine on %s', (dialect) => {
  let app: App
  const ids: Record<string, string> = {}
  const users = {} as Record<User, string>
  const where = testDatabase(dialect, 'merging')
  const as = (user: User) => principalsOf(app, users).as(user)
  const names = async (user: User) =>
    (await app.records.find('deal', { sort: ['name'] }, await as(user))).records.map((r) => r.name)
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    )

  beforeAll(async () => {
    app = await openApp({ files, ...where.options })
    const people: Record<User, { sets: string[]; verified?: boolean }> = {
      ann: { sets: [] },
      bea: { sets: ['regional', 'writer'] },
      cy: { sets: ['delete_org', 'edit_own'] },
      dot: { sets: ['delete_org'] },
      eve: { sets: ['email_match'], verified: false },
      fay: { sets: ['regional_rep'] },
      // "rep" names no set: held, it grants nothing, but it is part of gus's list.
      gus: { sets: ['regional', 'rep'] },
      hal: { sets: ['future'] },
      ivy: { sets: ['mismatched'] },
      jo: { sets: ['dated_check'] },
    }
    for (const [name, { sets, verified }] of Object.entries(people)) {
      const user = await app.records.create('sys_user', {
        name,
        email: `${name}@example.com`,
        email_verified: verified ?? true,
      })
      users[name as User] = user.id as string
      for (const set of sets) {
        await app.records.create('sys_permission_assignment', {
          assignee: user.id,
          permission_set: set,
        })
      }
    }
    await app.records.create('sys_permission_assignment', {
      position: 'everyone',
      permission_set: 'everyone_emea',
    })
    for (const [key, region, owner] of [
      ['D1', 'emea', 'cy'],
      ['D2', 'apac', 'cy'],
      ['D3', 'emea', 'dot'],
      ['D4', null, 'dot'],
    ] as const) {
      ids[key] = (
        await app.records.create('deal', { name: key, region, amount: 1, owner_id: users[owner] })
      ).id as string
    }
  })
  afterAll(() => closeTestApp(app, where))

  it('binds a set assigned to the everyone position, and applies a policy naming everyone', async () => {
    // ann holds nothing herself: everyone_emea reaches her through the everyone position.
    expect(await names('ann')).toEqual(['D1', 'D3'])
  })

  it('does not let a policy that only checks writes undo another policy', async () => {
    // bea: regional (apac only) + everyone_emea (emea only) + writer (check only, no using).
    expect(await names('bea')).toEqual(['D1', 'D2', 'D3'])
    const big = await failure(
      app.records.create('deal', { name: 'Big', amount: 500 }, await as('bea')),
    )
    expect((big as { code?: string }).code).toBe('OOS_ACCESS_POLICY_DENIED')
  })

  it('keeps edit reach and delete reach apart', async () => {
    const cy = await as('cy')
    // cy may delete every deal (delete_org) but edit only her own (edit_own); D3 is dot's.
    const edit = await failure(app.records.update('deal', ids.D3 as string, { amount: 2 }, {}, cy))
    expect(RecordAccessDenied.is(edit)).toBe(true)
    // dot may delete but not edit at all, so she may not share for editing either.
    const dot = await as('dot')
    const share = await failure(
      app.records.create(
        'sys_record_share',
        { object_name: 'deal', record_id: ids.D1, shared_with: users.ann, access_level: 'edit' },
        dot,
      ),
    )
    expect((share as { code?: string }).code).toBe('OOS_ACCESS_SHARE_DENIED')
  })

  it('gives an unverified email no value to match, not an empty one', async () => {
    // eve's address is unverified: region == current_user.email must not match D4's empty region.
    expect(await names('eve')).toEqual(['D1', 'D3'])
  })

  it('drops the manual shares of a record whose owner changes', async () => {
    const cy = await as('cy')
    await app.records.create(
      'sys_record_share',
      { object_name: 'deal', record_id: ids.D2, shared_with: users.ann },
      cy,
    )
    const count = async () =>
      (await app.db.knex('sys_record_share').where({ record_id: ids.D2 as string })).length
    expect(await count()).toBe(1)
    await app.records.update('deal', ids.D2 as string, { owner_id: users.dot })
    expect(await count()).toBe(0)
  })

  it('checks a written row against using as the database sees it, dates included', async () => {
    const hal = await as('hal')
    const ahead = await app.records.create('deal', { name: 'Ahead', close_date: '2099-01-01' }, hal)
    expect(ahead.close_date).toBe('2099-01-01')
    const past = await failure(
      app.records.create('deal', { name: 'Past', close_date: '2000-01-01' }, hal),
    )
    expect((past as { code?: string }).code).toBe('OOS_ACCESS_POLICY_DENIED')
    const moved = await failure(
      app.records.update('deal', ahead.id as string, { close_date: '2001-01-01' }, {}, hal),
    )
    expect((moved as { code?: string }).code).toBe('OOS_ACCESS_POLICY_DENIED')
    expect((await app.records.get('deal', ahead.id as string))?.close_date).toBe('2099-01-01')
    expect(await app.records.find('deal', { filter: { name: 'Past' } })).toMatchObject({
      records: [],
    })
  })

  it('checks a written row against an explicit check as the database sees it, dates included', async () => {
    const jo = await as('jo')
    const ahead = await app.records.create(
      'deal',
      { name: 'Dated', close_date: '2099-01-01', region: 'emea' },
      jo,
    )
    expect(ahead.close_date).toBe('2099-01-01')
    for (const [close_date, region] of [
      ['2000-01-01', 'emea'],
      ['2099-01-01', 'amer'],
      ['2099-01-01', null],
    ] as const) {
      const refused = await failure(
        app.records.create('deal', { name: 'Undated', close_date, region }, jo),
      )
      expect((refused as { code?: string }).code).toBe('OOS_ACCESS_POLICY_DENIED')
    }
    expect(await app.records.find('deal', { filter: { name: 'Undated' } })).toMatchObject({
      records: [],
    })
    await app.records.delete('deal', ahead.id as string)
  })

  it('matches no row, rather than failing the read, when a user value does not fit the field', async () => {
    // now() is a timestamp, close_date a date: the odd policy admits nothing; everyone_emea still does.
    expect(await names('ivy')).toEqual(['D1', 'D3'])
  })

  it('lets a share of an object the app no longer has be deleted, with its user', async () => {
    const gone = await app.records.create('sys_user', { name: 'gone', email: 'gone@example.com' })
    const share = await app.records.create('sys_record_share', {
      object_name: 'deal',
      record_id: ids.D1,
      shared_with: gone.id,
    })
    // As after the object left the app's metadata.
    await app.db
      .knex('sys_record_share')
      .where({ id: share.id as string })
      .update({ object_name: 'gone_object' })
    await app.records.delete('sys_user', gone.id as string)
    expect(await app.db.knex('sys_record_share').where({ id: share.id as string })).toEqual([])
  })

  it('does not mistake one list of sets for another in the access cache', async () => {
    // fay holds one set named "regional_rep" (free text in the data could hold any name).
    await app.db
      .knex('sys_permission_assignment')
      .where({ assignee: users.fay })
      .update({ permission_set: 'regional,rep' })
    expect(await names('gus')).toEqual(['D1', 'D2', 'D3'])
    expect(ObjectAccessDenied.is(await failure(names('fay')))).toBe(false)
    expect(await names('fay')).toEqual(['D1', 'D3'])
  })
})
