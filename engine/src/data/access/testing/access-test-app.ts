/**
 * Test-only: a small app with every kind of access rule, on a fresh database, with users and
 * records to look at. Objects: `project` (private: owners and their managers), `client` (public
 * read), `memo` (public read and write), `task` (private, child of project). Permission sets:
 * `member` (works own projects; `secret` hidden, `budget` read-only), `auditor` (sees every
 * project), `chief` (modifies and deletes every project, reassigns owners), `own_only` (own
 * projects only, no hierarchy). Users: boss manages alice and bob (all members); carol is a
 * member of another team; ivan audits; cora is chief; olive has own_only; nora holds nothing;
 * ada is an administrator; ghost is inactive.
 *
 * @example
 *   const fixture = useAccessApp(dialect)
 *   const alice = await fixture().principal('alice')
 *   await fixture().app.records.find('project', {}, { door: 'test', principal: alice })
 */
import type { SourceFile } from '@objectos/metadata'
import { afterAll, beforeAll } from 'vitest'
import { openApp, type App } from '../../../boot/open-app.js'
import type { Plugin } from '../../../runtime/define-plugin.js'
import type { Dialect } from '../../connection/database.js'
import type { DataContext } from '../../write/data-context.js'
import { closeTestApp, principalsOf, testDatabase } from './access-fixture-parts.js'
import type { Principal } from '../principal.js'

export const accessFiles: readonly SourceFile[] = [
  { path: 'objectos.yaml', content: 'name: access_test\n' },
  {
    path: 'objects/client.object.yaml',
    content: `name: client
sharingModel: public_read
nameField: name
fields:
  name: { type: text, required: true, searchable: true }
  tier: { type: text }
`,
  },
  {
    path: 'objects/project.object.yaml',
    content: `name: project
nameField: name
fields:
  name: { type: text, required: true, searchable: true }
  secret: { type: text, searchable: true }
  budget: { type: number }
  status:
    type: select
    options: [{ label: Open, value: open, default: true }, { label: Closed, value: closed }]
  client: { type: lookup, reference: client, deleteBehavior: set_null }
`,
  },
  {
    path: 'objects/task.object.yaml',
    content: `name: task
fields:
  title: { type: text, required: true }
  project: { type: lookup, reference: project, deleteBehavior: cascade }
`,
  },
  {
    path: 'objects/memo.object.yaml',
    content: `name: memo
sharingModel: public_read_write
fields:
  text: { type: text }
`,
  },
  {
    path: 'permissions/member.permission.yaml',
    content: `name: member
objects:
  project: { allowRead: true, allowCreate: true, allowEdit: true }
  task: { allowRead: true, allowCreate: true, allowEdit: true, allowDelete: true }
  client: { allowRead: true, allowCreate: true, allowEdit: true }
  memo: { allowRead: true, allowCreate: true, allowEdit: true }
fields:
  project.secret: { readable: false }
  project.budget: { readable: true, editable: false }
`,
  },
  {
    path: 'permissions/auditor.permission.yaml',
    content: `name: auditor
objects:
  project: { allowRead: true, viewAllRecords: true }
  client: { allowRead: true }
`,
  },
  {
    path: 'permissions/chief.permission.yaml',
    content: `name: chief
objects:
  project: { allowRead: true, allowEdit: true, allowDelete: true, modifyAllRecords: true, allowTransfer: true }
  task: { allowRead: true, modifyAllRecords: true }
`,
  },
  {
    path: 'permissions/own_only.permission.yaml',
    content: `name: own_only
objects:
  project: { allowRead: true, readScope: own, writeScope: own }
`,
  },
]

export type UserName =
  'boss' | 'alice' | 'bob' | 'carol' | 'ivan' | 'cora' | 'olive' | 'nora' | 'ada' | 'ghost'

const users: readonly {
  name: UserName
  sets: readonly string[]
  manager?: UserName
  admin?: boolean
  active?: boolean
}[] = [
  { name: 'boss', sets: ['member'] },
  { name: 'alice', sets: ['member'], manager: 'boss' },
  { name: 'bob', sets: ['member'], manager: 'boss' },
  { name: 'carol', sets: ['member'] },
  { name: 'ivan', sets: ['auditor'] },
  { name: 'cora', sets: ['chief'] },
  { name: 'olive', sets: ['own_only'], manager: 'boss' },
  { name: 'nora', sets: [] },
  { name: 'ada', sets: [], admin: true },
  { name: 'ghost', sets: ['member'], active: false },
]

export interface AccessFixture {
  readonly app: App
  /** User ids by name. */
  readonly userIds: Readonly<Record<UserName, string>>
  /** Record ids: projects pA (alice), pB (bob), pC (carol), pO (olive), pX (no owner); … */
  readonly ids: Readonly<Record<string, string>>
  principal(name: UserName): Promise<Principal>
  /** The DataContext a door would build for this user. */
  as(name: UserName): Promise<DataContext>
}

/** The fixture for the enclosing describe block; `plugins` (e.g. HTTP) join the app. */
export function useAccessApp(
  dialect: Dialect,
  plugins: readonly Plugin[] = [],
): () => AccessFixture {
  let fixture: AccessFixture | undefined
  const where = testDatabase(dialect, 'access')
  beforeAll(async () => {
    const app = await openApp({
      files: accessFiles,
      ...where.options,
      plugins,
    })
    const { records } = app
    const userIds = {} as Record<UserName, string>
    for (const user of users) {
      const created = await records.create('sys_user', {
        name: user.name,
        email: `${user.name}@example.com`,
        is_admin: user.admin ?? false,
        active: user.active ?? true,
        ...(user.manager === undefined ? {} : { manager: userIds[user.manager] }),
      })
      userIds[user.name] = created.id as string
      for (const set of user.sets) {
        await records.create('sys_permission_assignment', {
          assignee: created.id,
          permission_set: set,
        })
      }
    }
    const ids: Record<string, string> = {}
    const make = async (key: string, object: string, input: Record<string, unknown>) => {
      ids[key] = (await records.create(object, input)).id as string
    }
    await make('c1', 'client', { name: 'Carol Client', tier: 'gold', owner_id: userIds.carol })
    await make('pA', 'project', {
      name: 'Project A',
      secret: 'alpha classified',
      budget: 100,
      client: ids.c1,
      owner_id: userIds.alice,
    })
    await make('pB', 'project', {
      name: 'Project B',
      secret: 'bravo classified',
      budget: 200,
      owner_id: userIds.bob,
    })
    await make('pC', 'project', {
      name: 'Project C',
      secret: 'charlie',
      budget: 300,
      owner_id: userIds.carol,
    })
    await make('pO', 'project', { name: 'Project O', budget: 50, owner_id: userIds.olive })
    await make('pX', 'project', { name: 'Project X', budget: 999 })
    await make('tA', 'task', { title: 'Task in A', project: ids.pA, owner_id: userIds.alice })
    // Alice helps on Bob's project: her task, his (to her hidden) project.
    await make('tAB', 'task', { title: 'Alice in B', project: ids.pB, owner_id: userIds.alice })
    await make('tB', 'task', { title: 'Task in B', project: ids.pB, owner_id: userIds.bob })
    await make('m1', 'memo', { text: 'shared note', owner_id: userIds.carol })
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
    if (fixture === undefined) throw new Error('the access test app is not open yet')
    return fixture
  }
}
