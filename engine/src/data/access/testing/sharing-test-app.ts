/**
 * Test-only: an app whose record access comes from every widening and narrowing rule besides
 * ownership — sharing rules (to a position, to a user by email, to the user a field names),
 * positions that bind sets in metadata and through the data, a default set for everyone,
 * row-level policies (a region filter over the user's positions, an amount cap with a check on
 * writes) and manual shares. One private object, `deal`, and a public-read `bulletin`.
 *
 * Deals: d1 rita open 100 emea · d2 rita won 600 apac · d3 sam lost 50 emea (partner pat) ·
 * d4 sam open 200 apac (partner pat) · d5 cap open 900 emea · d6 cap open 5000 emea.
 *
 * d1_to_pat shares D1 with pat@example.com, an address pat has not verified: it reaches nobody.
 *
 * Users: rita, sam, pat (rep); fin (position finance → finance); vp (rep, vp@example.com);
 * reg (position emea → region_viewer); cap (rep + capped); ann (position apac_team, which holds
 * rep through a sys_permission_assignment row); nora (nothing but the default set).
 *
 * @example
 *   const fixture = useSharingApp(dialect)
 *   await fixture().app.records.find('deal', {}, await fixture().as('fin'))
 */
import type { SourceFile } from '@objectos/metadata'
import { afterAll, beforeAll } from 'vitest'
import { openApp, type App } from '../../../boot/open-app.js'
import type { Plugin } from '../../../runtime/define-plugin.js'
import type { Dialect } from '../../connection/database.js'
import type { DataContext } from '../../write/data-context.js'
import { closeTestApp, principalsOf, testDatabase } from './access-fixture-parts.js'
import type { Principal } from '../principal.js'

export const sharingFiles: readonly SourceFile[] = [
  { path: 'objectos.yaml', content: 'name: sharing_test\n' },
  {
    path: 'objects/deal.object.yaml',
    content: `name: deal
nameField: name
fields:
  name: { type: text, required: true }
  stage:
    type: select
    options: [{ label: Open, value: open, default: true }, { label: Won, value: won }, { label: Lost, value: lost }]
  amount: { type: number }
  region: { type: text }
  partner: { type: lookup, reference: sys_user, deleteBehavior: set_null }
`,
  },
  {
    path: 'objects/bulletin.object.yaml',
    content: `name: bulletin
sharingModel: public_read
fields:
  text: { type: text }
`,
  },
  {
    path: 'permissions/rep.permission.yaml',
    content: `name: rep
objects:
  deal: { allowRead: true, allowCreate: true, allowEdit: true, allowDelete: true }
`,
  },
  {
    path: 'permissions/finance.permission.yaml',
    content: `name: finance
objects:
  deal: { allowRead: true }
`,
  },
  {
    path: 'permissions/region_viewer.permission.yaml',
    content: `name: region_viewer
objects:
  deal: { allowRead: true, viewAllRecords: true }
rowLevelSecurity:
  - name: own_region
    object: deal
    operation: select
    using: region in current_user.positions
`,
  },
  {
    path: 'permissions/capped.permission.yaml',
    content: `name: capped
objects:
  deal: { allowRead: true }
rowLevelSecurity:
  - name: small_deals
    object: deal
    operation: all
    using: amount <= 1000
`,
  },
  {
    path: 'permissions/readers.permission.yaml',
    content: `name: readers
isDefault: true
objects:
  bulletin: { allowRead: true }
`,
  },
  {
    path: 'positions/finance.position.yaml',
    content: `name: finance
label: Finance
permissionSets: [finance]
`,
  },
  {
    path: 'positions/emea.position.yaml',
    content: `name: emea
label: EMEA
permissionSets: [region_viewer]
`,
  },
  {
    path: 'positions/apac_team.position.yaml',
    content: `name: apac_team
label: APAC team
`,
  },
  {
    path: 'sharing/won_to_finance.sharing.yaml',
    content: `name: won_to_finance
object: deal
type: criteria
condition: record.stage == "won"
sharedWith: { type: position, value: finance }
accessLevel: read
`,
  },
  {
    path: 'sharing/big_to_vp.sharing.yaml',
    content: `name: big_to_vp
object: deal
type: criteria
condition: record.amount >= 500 && record.amount < 1000
sharedWith: { type: user, value: vp@example.com }
accessLevel: read
`,
  },
  {
    path: 'sharing/d1_to_pat.sharing.yaml',
    content: `name: d1_to_pat
object: deal
type: criteria
condition: record.name == "D1"
sharedWith: { type: user, value: pat@example.com }
`,
  },
  {
    path: 'sharing/partner_deals.sharing.yaml',
    content: `name: partner_deals
object: deal
type: criteria
condition: record.stage != "lost"
sharedWith: { type: field, value: partner }
accessLevel: edit
`,
  },
  {
    path: 'sharing/inactive.sharing.yaml',
    content: `name: inactive
object: deal
type: criteria
active: false
condition: "true"
sharedWith: { type: position, value: apac_team }
`,
  },
]

export type SharingUser = 'rita' | 'sam' | 'pat' | 'fin' | 'vp' | 'reg' | 'cap' | 'ann' | 'nora'

const users: readonly {
  name: SharingUser
  sets: readonly string[]
  positions: readonly string[]
}[] = [
  { name: 'rita', sets: ['rep'], positions: [] },
  { name: 'sam', sets: ['rep'], positions: [] },
  { name: 'pat', sets: ['rep'], positions: [] },
  { name: 'fin', sets: [], positions: ['finance'] },
  { name: 'vp', sets: ['rep'], positions: [] },
  { name: 'reg', sets: [], positions: ['emea'] },
  { name: 'cap', sets: ['rep', 'capped'], positions: [] },
  { name: 'ann', sets: [], positions: ['apac_team'] },
  { name: 'nora', sets: [], positions: [] },
]

export interface SharingFixture {
  readonly app: App
  readonly userIds: Readonly<Record<SharingUser, string>>
  /** Deal ids d1…d6 and the bulletin b1. */
  readonly ids: Readonly<Record<string, string>>
  principal(name: SharingUser): Promise<Principal>
  as(name: SharingUser): Promise<DataContext>
}

export function useSharingApp(
  dialect: Dialect,
  plugins: readonly Plugin[] = [],
): () => SharingFixture {
  let fixture: SharingFixture | undefined
  const where = testDatabase(dialect, 'sharing')
  beforeAll(async () => {
    const app = await openApp({
      files: sharingFiles,
      ...where.options,
      plugins,
    })
    const { records } = app
    const userIds = {} as Record<SharingUser, string>
    for (const user of users) {
      const created = await records.create('sys_user', {
        name: user.name,
        email: `${user.name}@example.com`,
        // Sharing by email reaches verified addresses only; pat's is not.
        email_verified: user.name !== 'pat',
      })
      userIds[user.name] = created.id as string
      for (const set of user.sets) {
        await records.create('sys_permission_assignment', {
          assignee: created.id,
          permission_set: set,
        })
      }
      for (const position of user.positions) {
        await records.create('sys_user_position', { holder: created.id, position })
      }
    }
    await records.create('sys_permission_assignment', {
      position: 'apac_team',
      permission_set: 'rep',
    })
    const ids: Record<string, string> = {}
    const deal = async (key: string, owner: SharingUser, input: Record<string, unknown>) => {
      ids[key] = (await records.create('deal', { ...input, owner_id: userIds[owner] })).id as string
    }
    await deal('d1', 'rita', { name: 'D1', stage: 'open', amount: 100, region: 'emea' })
    await deal('d2', 'rita', { name: 'D2', stage: 'won', amount: 600, region: 'apac' })
    await deal('d3', 'sam', {
      name: 'D3',
      stage: 'lost',
      amount: 50,
      region: 'emea',
      partner: userIds.pat,
    })
    await deal('d4', 'sam', {
      name: 'D4',
      stage: 'open',
      amount: 200,
      region: 'apac',
      partner: userIds.pat,
    })
    await deal('d5', 'cap', { name: 'D5', stage: 'open', amount: 900, region: 'emea' })
    await deal('d6', 'cap', { name: 'D6', stage: 'open', amount: 5000, region: 'emea' })
    ids.b1 = (await records.create('bulletin', { text: 'hello' })).id as string
    fixture = {
      app,
      userIds,
      ids,
      ...principalsOf(app, userIds),
    }
  })
  afterAll(async () => {
    if (fixture === undefined) return
    await closeTestApp(fixture.app, where)
  })
  return () => {
    if (fixture === undefined) throw new Error('the sharing test app is not open yet')
    return fixture
  }
}
