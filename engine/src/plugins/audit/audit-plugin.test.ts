import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditTrail } from './audit-plugin.js'
import { auditPlugin } from './audit-plugin.js'
import type { Database } from '../../data/connection/database.js'
import type { RecordService } from '../../data/record-service.js'
import { decodeRow } from '../../data/values/row-codec.js'
import { createKernel, type Kernel } from '../../runtime/kernel.js'
import { compileTestApp, createTables } from '../../testing/test-app.js'
import { dialects, openTestDatabase } from '../../testing/test-database.js'
import { dataPlugin } from '../data/data-plugin.js'

const objects = {
  project: `
fields:
  name: { type: text, required: true }
  budget: { type: currency, trackHistory: true }
  stage:
    type: select
    trackHistory: true
    options: [{ label: Open, value: open }, { label: Done, value: done }]
  tags: { type: tags }
  notes: { type: textarea }
`,
  task: `
fields:
  title: { type: text }
  project: { type: master_detail, reference: project }
`,
  note: `
fields:
  text: { type: text }
  project: { type: lookup, reference: project, deleteBehavior: set_null }
`,
}

const ann = { userId: 'user-ann', door: 'rest' } as const

describe.each(dialects)('the audit trail on %s', (dialect) => {
  let kernel: Kernel
  let db: Database
  let data: RecordService
  beforeAll(async () => {
    const registry = await compileTestApp(objects)
    db = await openTestDatabase(dialect)
    kernel = createKernel(registry, [
      dataPlugin({ db, prepare: (d, r) => createTables(d, r) }),
      auditPlugin({ env: {} }),
    ])
    await kernel.start()
    data = kernel.services.get<RecordService>('data')
  })
  afterAll(async () => {
    await kernel.stop()
  })

  /** The decoded rows of one of the trail's objects about one record (in no particular order). */
  async function rows(object: string, recordId: string) {
    const node = kernel.registry.current().object(object)
    const found = (await db.knex(node.table).where({ record_id: recordId })) as Record<
      string,
      unknown
    >[]
    return found.map((row) => decodeRow(node, row, db.dialect))
  }

  /**
   * The rows written since the last call for the same record, by field name: several writes in
   * one millisecond leave no order between their rows, so each write's rows are read after it.
   */
  function tracker(object: string, recordId: string) {
    const seen = new Set<unknown>()
    return async () => {
      const fresh = (await rows(object, recordId)).filter((row) => !seen.has(row.id))
      for (const row of fresh) seen.add(row.id)
      return fresh.sort((a, b) => String(a.field).localeCompare(String(b.field)))
    }
  }

  it('records a create, an update and a delete: who, how, and the changed fields only', async () => {
    const project = await data.create('project', { name: 'Apollo', budget: 100, tags: [] }, ann)
    const id = String(project.id)
    const events = tracker('sys_audit_event', id)
    const summary = (e: Record<string, unknown>) => [
      e.action,
      e.door,
      e.actor,
      e.owner_id,
      e.object_name,
      e.changes,
    ]
    expect((await events()).map(summary)).toEqual([
      [
        'create',
        'rest',
        'user-ann',
        'user-ann',
        'project',
        {
          name: { before: null, after: 'Apollo' },
          budget: { before: null, after: 100 },
          owner_id: { before: null, after: 'user-ann' },
        },
      ],
    ])
    await data.update('project', id, { budget: 250, notes: 'n' }, {}, { door: 'cli' })
    expect((await events()).map(summary)).toEqual([
      [
        'update',
        'cli',
        null,
        null,
        'project',
        { budget: { before: 100, after: 250 }, notes: { before: null, after: 'n' } },
      ],
    ])
    await data.update('project', id, { owner_id: 'user-bob' }, {}, ann)
    expect((await events()).map(summary)).toEqual([
      [
        'update',
        'rest',
        'user-ann',
        'user-ann',
        'project',
        { owner_id: { before: 'user-ann', after: 'user-bob' } },
      ],
    ])
    await data.delete('project', id, {}, { userId: 'user-bob', door: 'graphql' })
    const [deleted] = await events()
    expect(deleted).toMatchObject({
      action: 'delete',
      door: 'graphql',
      actor: 'user-bob',
      owner_id: 'user-bob',
      changes: {
        name: { before: 'Apollo', after: null },
        budget: { before: 250, after: null },
        notes: { before: 'n', after: null },
        owner_id: { before: 'user-bob', after: null },
      },
      version: 1,
    })
    expect(deleted?.occurred_at).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/))
    expect(Object.keys(deleted?.changes as object)).toHaveLength(4)
  })

  it('records the children a delete cascades to, with the same door and actor', async () => {
    const project = await data.create('project', { name: 'Gemini' })
    const task = await data.create('task', { title: 't', project: project.id })
    const events = tracker('sys_audit_event', String(task.id))
    expect((await events()).map((e) => e.action)).toEqual(['create'])
    await data.delete('project', String(project.id), {}, ann)
    const [deleted] = await events()
    expect(deleted).toMatchObject({ action: 'delete', door: 'rest', actor: 'user-ann' })
  })

  it('records the references a delete clears, in batches however many there are', async () => {
    const project = await data.create('project', { name: 'Soyuz' })
    const first = await data.create('note', { text: 'first', project: project.id })
    const events = tracker('sys_audit_event', String(first.id))
    await data.transaction(async (records) => {
      for (let i = 0; i < 520; i++)
        await records.create('note', { text: `n${i}`, project: project.id })
    })
    await data.delete('project', String(project.id), {}, ann)
    const [created, cleared] = await events()
    expect(created?.action).toBe('create')
    expect(cleared).toMatchObject({
      action: 'update',
      door: 'rest',
      actor: 'user-ann',
      changes: { project: { before: project.id, after: null } },
    })
    const note = kernel.registry.current().object('note')
    const left = await db.knex(note.table).whereNotNull('project').count({ n: '*' })
    expect(Number(left[0]?.n)).toBe(0)
    expect(await data.get('note', String(first.id))).toMatchObject({
      version: 2,
      updated_by: 'user-ann',
    })
    const updates = await db
      .knex(kernel.registry.current().object('sys_audit_event').table)
      .where({ object_name: 'note', action: 'update' })
      .count({ n: '*' })
    expect(Number(updates[0]?.n)).toBe(521)
  })

  it('leaves no row behind a write that rolls back', async () => {
    const project = await data.create('project', { name: 'Mercury' })
    const id = String(project.id)
    const remove = kernel.hooks.on('afterUpdate', () => {
      throw new Error('a later plugin refuses')
    })
    try {
      await expect(data.update('project', id, { stage: 'done' }, {}, ann)).rejects.toThrow(
        'a later plugin refuses',
      )
    } finally {
      remove()
    }
    await expect(
      data.transaction(async (records) => {
        await records.update('project', id, { budget: 5 }, {}, ann)
        throw new Error('the bulk write fails later')
      }),
    ).rejects.toThrow('the bulk write fails later')
    expect((await rows('sys_audit_event', id)).map((e) => e.action)).toEqual(['create'])
    expect(await rows('sys_field_history', id)).toEqual([])
  })

  it('keeps the history of tracked fields, one row per changed field', async () => {
    const project = await data.create('project', { name: 'Vostok', stage: 'open' }, ann)
    const id = String(project.id)
    const history = tracker('sys_field_history', id)
    const summary = (h: Record<string, unknown>) => [
      h.object_name,
      h.field,
      h.before,
      h.after,
      h.changed_by,
      h.owner_id,
    ]
    expect((await history()).map(summary)).toEqual([
      ['project', 'stage', null, 'open', 'user-ann', 'user-ann'],
    ])
    await data.update('project', id, { name: 'Vostok 1', budget: 10 }, {}, ann)
    expect((await history()).map(summary)).toEqual([
      ['project', 'budget', null, 10, 'user-ann', 'user-ann'],
    ])
    await data.update('project', id, { stage: 'done', budget: 10 }, {}, { door: 'flow' })
    expect((await history()).map(summary)).toEqual([
      ['project', 'stage', 'open', 'done', null, null],
    ])
    await data.delete('project', id, {}, ann)
    const deleted = await history()
    expect(deleted.map(summary)).toEqual([
      ['project', 'budget', 10, null, 'user-ann', 'user-ann'],
      ['project', 'stage', 'done', null, 'user-ann', 'user-ann'],
    ])
    expect(deleted[0]?.changed_at).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/))
  })

  it('refuses every write to the trail through the record service', async () => {
    await expect(
      data.create('sys_audit_event', { occurred_at: new Date().toISOString(), action: 'create' }),
    ).rejects.toThrow('you may not create sys_audit_event records')
    const project = await data.create('project', { name: 'Soyuz' })
    const [event] = await rows('sys_audit_event', String(project.id))
    const eventId = String(event?.id)
    await expect(data.update('sys_audit_event', eventId, { action: 'delete' })).rejects.toThrow(
      'you may not edit sys_audit_event records',
    )
    await expect(data.delete('sys_audit_event', eventId)).rejects.toThrow(
      'you may not delete sys_audit_event records',
    )
    await expect(
      data.create('sys_field_history', {
        object_name: 'project',
        record_id: 'x',
        field: 'stage',
        changed_at: new Date().toISOString(),
      }),
    ).rejects.toThrow('you may not create sys_field_history records')
    expect(await rows('sys_audit_event', String(project.id))).toHaveLength(1)
  })

  it('purges what is older than the retention, and only that', async () => {
    const trail = kernel.services.get<AuditTrail>('audit')
    const project = await data.create('project', { name: 'Luna', stage: 'open' })
    const id = String(project.id)
    const { knex } = db
    const old = '2020-01-01T00:00:00.000Z'
    await knex('sys_audit_event').where({ record_id: id }).update({ occurred_at: old })
    await knex('sys_field_history').where({ record_id: id }).update({ changed_at: old })
    await data.update('project', id, { stage: 'done' })

    // 365 days after the old rows they are still kept; a day later they go.
    expect(await trail.purge(new Date('2020-12-31T00:00:00.000Z'))).toEqual({
      events: 0,
      history: 0,
    })
    const purged = await trail.purge(new Date('2021-01-02T00:00:00.000Z'))
    expect(purged.events).toBeGreaterThanOrEqual(1)
    expect(purged.history).toBeGreaterThanOrEqual(1)
    expect((await rows('sys_audit_event', id)).map((e) => e.action)).toEqual(['update'])
    expect((await rows('sys_field_history', id)).map((h) => h.after)).toEqual(['done'])
    expect(await trail.purge(new Date('2021-01-02T00:00:00.000Z'))).toEqual({
      events: 0,
      history: 0,
    })
  })
})

describe('the audit retention setting', () => {
  async function start(env: Record<string, string>) {
    const registry = await compileTestApp(objects)
    const db = await openTestDatabase('sqlite')
    const kernel = createKernel(registry, [
      dataPlugin({ db, prepare: (d, r) => createTables(d, r) }),
      auditPlugin({ env }),
    ])
    await kernel.start()
    return kernel
  }

  it('keeps everything with 0', async () => {
    const kernel = await start({ OBJECTOS_AUDIT_RETENTION_DAYS: '0' })
    try {
      const data = kernel.services.get<RecordService>('data')
      await data.create('project', { name: 'Old' })
      const db = kernel.services.get<Database>('database')
      await db.knex('sys_audit_event').update({ occurred_at: '1990-01-01T00:00:00.000Z' })
      const trail = kernel.services.get<AuditTrail>('audit')
      expect(await trail.purge(new Date())).toEqual({ events: 0, history: 0 })
      expect(await db.knex('sys_audit_event').count({ n: '*' })).toEqual([{ n: 1 }])
    } finally {
      await kernel.stop()
    }
  })

  it('refuses to start with a value that is not a number of days', async () => {
    await expect(start({ OBJECTOS_AUDIT_RETENTION_DAYS: '30d' })).rejects.toThrow(
      /OBJECTOS_AUDIT_RETENTION_DAYS must be a whole number of days/,
    )
  })
})
