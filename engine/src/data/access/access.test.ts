import {
  FieldAccessDenied,
  ObjectAccessDenied,
  OwnerChangeDenied,
  RecordAccessDenied,
  RecordNotFound,
  ValidationFailed,
} from '@objectos/errors'
import { describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { loadPrincipal } from './load-principal.js'
import { objectAccess } from './object-access.js'
import { useAccessApp, type UserName } from './testing/access-test-app.js'

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe.each(dialects)('record access on %s', (dialect) => {
  const fixture = useAccessApp(dialect)
  const records = () => fixture().app.records
  const projectNames = async (user: UserName, query = {}) => {
    const page = await records().find(
      'project',
      { sort: ['name'], ...query },
      await fixture().as(user),
    )
    return page.records.map((r) => r.name)
  }

  it('shows each user exactly the projects their sets and the hierarchy reach', async () => {
    expect(await projectNames('alice')).toEqual(['Project A'])
    expect(await projectNames('bob')).toEqual(['Project B'])
    // boss manages alice, bob and olive: their records are his to see.
    expect(await projectNames('boss')).toEqual(['Project A', 'Project B', 'Project O'])
    expect(await projectNames('carol')).toEqual(['Project C'])
    expect(await projectNames('olive')).toEqual(['Project O'])
    const all = ['Project A', 'Project B', 'Project C', 'Project O', 'Project X']
    expect(await projectNames('ivan')).toEqual(all)
    expect(await projectNames('cora')).toEqual(all)
    expect(await projectNames('ada')).toEqual(all)
    expect(ObjectAccessDenied.is(await failure(projectNames('nora')))).toBe(true)
  })

  it('counts as editable only what a write may set: no system column, the owner with a transfer right', async () => {
    const registry = fixture().app.registry()
    const alice = objectAccess(registry, await fixture().principal('alice'), 'project')
    const cora = objectAccess(registry, await fixture().principal('cora'), 'project')
    for (const system of ['id', 'version', 'created_at', 'created_by', 'owner_id']) {
      expect(alice.editable.has(system), system).toBe(false)
    }
    expect(alice.editable.has('name')).toBe(true)
    expect(cora.editable.has('owner_id')).toBe(true)
    expect(cora.editable.has('version')).toBe(false)
  })

  it('treats an inactive or unknown user as nobody', async () => {
    expect(await loadPrincipal(fixture().app.db, fixture().userIds.ghost)).toBeUndefined()
    expect(await loadPrincipal(fixture().app.db, 'no-such-user')).toBeUndefined()
  })

  it('leaves unreadable fields out of every answer and refuses to be asked for them', async () => {
    const alice = await fixture().as('alice')
    const [record] = (await records().find('project', {}, alice)).records
    expect(record).toMatchObject({ name: 'Project A', budget: 100 })
    expect(record).not.toHaveProperty('secret')
    const got = await records().get('project', fixture().ids.pA as string, {}, alice)
    expect(got).not.toHaveProperty('secret')
    for (const attempt of [
      records().find('project', { fields: ['name', 'secret'] }, alice),
      records().find('project', { filter: { secret: { $contains: 'alpha' } } }, alice),
      records().find('project', { filter: { $or: [{ name: 'x' }, { secret: 'y' }] } }, alice),
      records().find('project', { sort: ['secret'] }, alice),
      records().get('project', fixture().ids.pA as string, { fields: ['secret'] }, alice),
      records().aggregate(
        'project',
        { groupBy: ['secret'], aggregates: { n: { fn: 'count' } } },
        alice,
      ),
      records().aggregate('project', { aggregates: { s: { fn: 'max', field: 'secret' } } }, alice),
      records().find('task', { filter: { 'project.secret': 'alpha classified' } }, alice),
    ]) {
      const error = await failure(attempt)
      expect(FieldAccessDenied.is(error), String(error)).toBe(true)
    }
  })

  it('searches only readable fields, and counts and aggregates only visible rows', async () => {
    const alice = await fixture().as('alice')
    expect((await records().find('project', { search: 'classified' }, alice)).records).toEqual([])
    expect((await records().find('project', { search: 'project', count: true }, alice)).total).toBe(
      1,
    )
    const { groups } = await records().aggregate(
      'project',
      { aggregates: { n: { fn: 'count' }, total: { fn: 'sum', field: 'budget' } } },
      alice,
    )
    expect(groups).toEqual([{ n: 1, total: 100 }])
    const boss = await records().aggregate(
      'project',
      { aggregates: { total: { fn: 'sum', field: 'budget' } } },
      await fixture().as('boss'),
    )
    expect(boss.groups).toEqual([{ total: 350 }])
  })

  it('answers a hidden record exactly like a missing one', async () => {
    const alice = await fixture().as('alice')
    const hidden = fixture().ids.pB as string
    expect(await records().get('project', hidden, {}, alice)).toBeUndefined()
    expect(await records().get('project', 'does-not-exist', {}, alice)).toBeUndefined()
    const update = await failure(records().update('project', hidden, { name: 'mine' }, {}, alice))
    expect(RecordNotFound.is(update)).toBe(true)
    const remove = await failure(
      records().delete('project', hidden, {}, await fixture().as('carol')),
    )
    expect(RecordNotFound.is(remove)).toBe(true)
    expect((await records().get('project', hidden))?.name).toBe('Project B')
  })

  it('does not let a filter or an expansion through a lookup reveal a hidden record', async () => {
    const alice = await fixture().as('alice')
    // Alice's task in Bob's project: she sees the task, not the project behind it.
    const tasks = await records().find('task', { sort: ['title'], expand: ['project'] }, alice)
    expect(
      tasks.records.map((t) => [t.title, (t.project as { name?: string } | null)?.name ?? null]),
    ).toEqual([
      ['Alice in B', null],
      ['Task in A', 'Project A'],
    ])
    const probe = await records().find('task', { filter: { 'project.name': 'Project B' } }, alice)
    expect(probe.records).toEqual([])
    const withTasks = await records().get(
      'project',
      fixture().ids.pA as string,
      { expand: ['task'] },
      alice,
    )
    expect((withTasks?.task as { title: string }[]).map((t) => t.title)).toEqual(['Task in A'])
    const grouped = await records().aggregate(
      'task',
      { groupBy: ['project.name'], aggregates: { n: { fn: 'count' } } },
      alice,
    )
    expect(grouped.groups).toEqual([
      { 'project.name': 'Project A', n: 1 },
      { 'project.name': null, n: 1 },
    ])
  })

  it('checks object, record and field rights on every write', async () => {
    const alice = await fixture().as('alice')
    const pA = fixture().ids.pA as string
    const renamed = await records().update('project', pA, { name: 'Project A2' }, {}, alice)
    expect(renamed).toMatchObject({ name: 'Project A2' })
    expect(renamed).not.toHaveProperty('secret')
    await records().update('project', pA, { name: 'Project A' }, {}, alice)
    const ivan = await fixture().as('ivan')
    const nora = await fixture().as('nora')
    const cases: [() => Promise<unknown>, (e: unknown) => boolean][] = [
      [
        () => records().update('project', pA, { budget: 1 }, {}, alice),
        (e) => FieldAccessDenied.is(e),
      ],
      [
        () => records().update('project', pA, { secret: 'x' }, {}, alice),
        (e) => FieldAccessDenied.is(e),
      ],
      [
        () => records().create('project', { name: 'N', secret: 'x' }, alice),
        (e) => FieldAccessDenied.is(e),
      ],
      [
        () => records().create('project', { name: 'N', owner_id: fixture().userIds.bob }, alice),
        (e) => OwnerChangeDenied.is(e),
      ],
      [
        () => records().update('project', pA, { owner_id: fixture().userIds.bob }, {}, alice),
        (e) => OwnerChangeDenied.is(e),
      ],
      [() => records().delete('project', pA, {}, alice), (e) => ObjectAccessDenied.is(e)],
      [
        () => records().update('project', pA, { name: 'Audited' }, {}, ivan),
        (e) => ObjectAccessDenied.is(e),
      ],
      // Public read: everyone reads Carol's client, only Carol (and her managers) change it.
      [
        () => records().update('client', fixture().ids.c1 as string, { tier: 'x' }, {}, alice),
        (e) => RecordAccessDenied.is(e),
      ],
      [() => records().create('memo', { text: 'n' }, nora), (e) => ObjectAccessDenied.is(e)],
    ]
    for (const [attempt, expected] of cases) {
      const error = await failure(attempt())
      expect(expected(error), String(error)).toBe(true)
    }
    // Nothing changed.
    expect(await records().get('project', pA)).toMatchObject({
      name: 'Project A',
      budget: 100,
      secret: 'alpha classified',
      owner_id: fixture().userIds.alice,
    })
  })

  it('refuses a reference to a record the writer cannot see, as if it did not exist', async () => {
    const alice = await fixture().as('alice')
    const error = await failure(
      records().create('task', { title: 'Sneak', project: fixture().ids.pB }, alice),
    )
    expect(ValidationFailed.is(error)).toBe(true)
    expect((error as { errors: { field: string; code: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'project', code: 'reference' }),
    ])
    const mine = await records().create('task', { title: 'Fine', project: fixture().ids.pA }, alice)
    expect(mine.project).toBe(fixture().ids.pA)
    await records().delete('task', mine.id as string)
  })

  it('makes the creator the owner, lets a chief reassign, and public read-write memos editable by all', async () => {
    const alice = await fixture().as('alice')
    const mine = await records().create('project', { name: 'Mine' }, alice)
    expect(mine.owner_id).toBe(fixture().userIds.alice)
    expect(mine.created_by).toBe(fixture().userIds.alice)
    const cora = await fixture().as('cora')
    await records().update(
      'project',
      mine.id as string,
      { owner_id: fixture().userIds.bob },
      {},
      cora,
    )
    expect(await projectNames('bob')).toContain('Mine')
    expect(await projectNames('alice')).not.toContain('Mine')
    await records().delete('project', mine.id as string, {}, cora)
    const memo = await records().update(
      'memo',
      fixture().ids.m1 as string,
      { text: 'edited' },
      {},
      alice,
    )
    expect(memo.text).toBe('edited')
  })
})
