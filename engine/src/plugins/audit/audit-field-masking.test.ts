/**
 * The audit trail under field-level security: an auditor allowed to read every event and every
 * field-history row still reads nothing of a field their permission sets hide on the audited
 * object — not in an event's `changes`, not as a history row, not through a count, an aggregate,
 * a get by id or an expansion, through REST or GraphQL — and nothing of an object they may not
 * read at all. An administrator reads everything.
 */
import { randomBytes } from 'node:crypto'
import type { SourceFile } from '@objectos/metadata'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../boot/open-app.js'
import { graphqlPath } from '../../http/graphql/graphql-plugin.js'
import { identifyByTestHeader, testUserHeader } from '../../http/testing/identify-by-test-header.js'
import { dialects, postgresTestUrl } from '../../testing/test-database.js'
import { httpPlugin } from '../http/http-plugin.js'
import type { AuditTrail } from './audit-plugin.js'

const files: readonly SourceFile[] = [
  { path: 'objectos.yaml', content: 'name: audit_masking\n' },
  {
    path: 'objects/note.object.yaml',
    content: `name: note
sharingModel: public_read_write
fields:
  title: { type: text, required: true, trackHistory: true }
  body: { type: textarea, trackHistory: true }
  secret: { type: text, trackHistory: true }
`,
  },
  {
    path: 'objects/vault.object.yaml',
    content: `name: vault
sharingModel: public_read_write
fields:
  code: { type: text, required: true, trackHistory: true }
`,
  },
  {
    path: 'permissions/writer.permission.yaml',
    content: `name: writer
objects:
  note: { allowRead: true, allowCreate: true, allowEdit: true }
  vault: { allowRead: true, allowCreate: true, allowEdit: true }
`,
  },
  {
    path: 'permissions/auditor.permission.yaml',
    content: `name: auditor
objects:
  note: { allowRead: true }
  sys_audit_event: { allowRead: true, readScope: org }
  sys_field_history: { allowRead: true, readScope: org }
  sys_user: { allowRead: true, readScope: org }
fields:
  note.secret: { readable: false, editable: false }
  sys_user.email: { readable: false, editable: false }
`,
  },
]

type Row = Record<string, unknown>
type Caller = 'ada' | 'wes' | 'aud'
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value))

describe.each(dialects)('the audit trail under field-level security on %s', (dialect) => {
  let app: App
  const users: Record<Caller, string> = { ada: '', wes: '', aud: '' }
  /** The note wes wrote (created, then title and secret changed) and his vault record. */
  let note = ''
  let vault = ''
  const schema = `audit_${randomBytes(4).toString('hex')}`

  const server = () => app.kernel.services.get<FastifyInstance>('http')
  const send = (as: Caller, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
    server().inject({
      method,
      url: `/api/v1/data/${url}`,
      headers: { [testUserHeader]: users[as] },
      ...(body === undefined ? {} : { payload: body as Row }),
    })
  const list = async (as: Caller, url: string) => {
    const res = await send(as, 'GET', url)
    expect(res.statusCode, res.body).toBe(200)
    return res.json<{ data: Row[]; meta: { total?: number } }>()
  }
  const graphql = async (as: Caller, query: string) => {
    const res = await server().inject({
      method: 'POST',
      url: graphqlPath,
      headers: { 'content-type': 'application/json', [testUserHeader]: users[as] },
      payload: JSON.stringify({ query }),
    })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<{ data: Record<string, unknown>; errors?: unknown }>()
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
    return body.data
  }
  const changedFields = (events: readonly Row[]) =>
    events.map((e) => [e.action, Object.keys(e.changes as Row).sort()]).sort()

  beforeAll(async () => {
    app = await openApp({
      files,
      ...(dialect === 'sqlite'
        ? { databaseUrl: ':memory:' }
        : { databaseUrl: postgresTestUrl, schema }),
      identity: { env: {} },
      plugins: [httpPlugin({ identify: identifyByTestHeader(() => app.db) })],
    })
    const sets: Record<Caller, string[]> = { ada: [], wes: ['writer'], aud: ['auditor'] }
    for (const [name, held] of Object.entries(sets)) {
      const user = await app.records.create('sys_user', {
        name,
        email: `${name}@example.com`,
        is_admin: name === 'ada',
      })
      users[name as Caller] = String(user.id)
      for (const set of held) {
        await app.records.create('sys_permission_assignment', {
          assignee: user.id,
          permission_set: set,
        })
      }
    }
    const created = await send('wes', 'POST', 'note', { title: 't1', body: 'b1', secret: 's1' })
    expect(created.statusCode, created.body).toBe(201)
    note = String(created.json<{ data: Row }>().data.id)
    const patched = await send('wes', 'PATCH', `note/${note}`, { title: 't2', secret: 's2' })
    expect(patched.statusCode, patched.body).toBe(200)
    const locked = await send('wes', 'POST', 'vault', { code: 'v1' })
    expect(locked.statusCode, locked.body).toBe(201)
    vault = String(locked.json<{ data: Row }>().data.id)
  })
  afterAll(async () => {
    if (dialect === 'postgres') await app.db.knex.raw('drop schema if exists ?? cascade', [schema])
    await app.close()
  })

  it('keeps only the readable fields in an event’s changes, in a REST list and get', async () => {
    const { data: events } = await list('aud', `sys_audit_event?filter=${q({ record_id: note })}`)
    expect(changedFields(events)).toEqual([
      ['create', ['body', 'owner_id', 'title']],
      ['update', ['title']],
    ])
    const update = events.find((e) => e.action === 'update')
    expect(update?.changes).toEqual({ title: { before: 't1', after: 't2' } })
    expect(JSON.stringify(events)).not.toMatch(/"s[12]"/)

    const one = await send('aud', 'GET', `sys_audit_event/${String(update?.id)}`)
    expect(one.statusCode, one.body).toBe(200)
    expect(one.json<{ data: Row }>().data.changes).toEqual({
      title: { before: 't1', after: 't2' },
    })
    // Selected without the object it names, an event is masked all the same.
    const bare = await list(
      'aud',
      `sys_audit_event?filter=${q({ record_id: note, action: 'update' })}&fields=changes`,
    )
    expect(bare.data.map((e) => e.changes)).toEqual([{ title: { before: 't1', after: 't2' } }])
  })

  it('returns no history row of a hidden field: lists, counts and aggregates agree', async () => {
    const history = await list(
      'aud',
      `sys_field_history?filter=${q({ record_id: note })}&count=true&sort=field`,
    )
    expect(history.data.map((h) => [h.field, h.before, h.after]).sort()).toEqual([
      ['body', null, 'b1'],
      ['title', null, 't1'],
      ['title', 't1', 't2'],
    ])
    expect(history.meta.total).toBe(3)
    const grouped = await send('aud', 'POST', 'sys_field_history/aggregate', {
      groupBy: ['field'],
      aggregates: { n: { fn: 'count' } },
      filter: { record_id: note },
      sort: ['field'],
    })
    expect(grouped.statusCode, grouped.body).toBe(200)
    expect(grouped.json<{ data: Row[] }>().data).toEqual([
      { field: 'body', n: 1 },
      { field: 'title', n: 2 },
    ])
    const asked = await list(
      'aud',
      `sys_field_history?filter=${q({ record_id: note, field: 'secret' })}&count=true`,
    )
    expect(asked).toMatchObject({ data: [], meta: { total: 0 } })
  })

  it('answers a get of a hidden history row like a missing one', async () => {
    const { data: all } = await list(
      'ada',
      `sys_field_history?filter=${q({ record_id: note, field: 'secret' })}`,
    )
    expect(all).toHaveLength(2)
    const hidden = String(all[0]?.id)
    expect((await send('ada', 'GET', `sys_field_history/${hidden}`)).statusCode).toBe(200)
    const refused = await send('aud', 'GET', `sys_field_history/${hidden}`)
    expect(refused.statusCode).toBe(404)
    expect(refused.json()).toMatchObject({ code: 'OOS_DATA_NOT_FOUND' })
    const data = await graphql('aud', `{ sys_field_history(id: "${hidden}") { id after } }`)
    expect(data.sys_field_history).toBeNull()
  })

  it('returns no event and no history of an object the reader may not read', async () => {
    const filter = q({ record_id: vault })
    expect(await list('aud', `sys_audit_event?filter=${filter}&count=true`)).toMatchObject({
      data: [],
      meta: { total: 0 },
    })
    expect(await list('aud', `sys_field_history?filter=${filter}&count=true`)).toMatchObject({
      data: [],
      meta: { total: 0 },
    })
    const admin = await list('ada', `sys_audit_event?filter=${filter}&count=true`)
    expect(admin.meta.total).toBe(1)
    // Counting through a presence test on `changes` agrees with the list.
    const present = await list(
      'aud',
      `sys_audit_event?filter=${q({ changes: { $null: false }, object_name: 'vault' })}&count=true`,
    )
    expect(present.meta.total).toBe(0)
  })

  it('masks the same way through GraphQL: list, total and get', async () => {
    const data = await graphql(
      'aud',
      `{
        events: sys_audit_eventList(filter: { record_id: "${note}" }) { total data { id action changes } }
        history: sys_field_historyList(filter: { record_id: "${note}" }) { total data { field after } }
      }`,
    )
    const events = data.events as { total: number; data: Row[] }
    const history = data.history as { total: number; data: Row[] }
    expect(events.total).toBe(2)
    expect(changedFields(events.data)).toEqual([
      ['create', ['body', 'owner_id', 'title']],
      ['update', ['title']],
    ])
    expect(history.total).toBe(3)
    expect(history.data.map((h) => h.field).sort()).toEqual(['body', 'title', 'title'])
    const update = events.data.find((e) => e.action === 'update')
    const one = await graphql('aud', `{ sys_audit_event(id: "${String(update?.id)}") { changes } }`)
    expect(one.sys_audit_event).toEqual({ changes: { title: { before: 't1', after: 't2' } } })
    const vaults = await graphql(
      'aud',
      `
        {
          sys_audit_eventList(filter: { object_name: "vault" }) {
            total
            data {
              id
            }
          }
        }
      `,
    )
    expect(vaults.sys_audit_eventList).toEqual({ total: 0, data: [] })
  })

  it('masks events and history reached by expanding a user', async () => {
    const res = await send(
      'aud',
      'GET',
      `sys_user/${users.wes}?expand=sys_audit_event,sys_field_history`,
    )
    expect(res.statusCode, res.body).toBe(200)
    const user = res.json<{ data: { sys_audit_event: Row[]; sys_field_history: Row[] } }>().data
    const events = user.sys_audit_event.filter((e) => e.object_name !== 'sys_user')
    expect(events.map((e) => e.object_name)).toEqual(['note', 'note'])
    expect(changedFields(events)).toEqual([
      ['create', ['body', 'owner_id', 'title']],
      ['update', ['title']],
    ])
    expect(user.sys_field_history.map((h) => [h.object_name, h.field]).sort()).toEqual([
      ['note', 'body'],
      ['note', 'title'],
      ['note', 'title'],
    ])
  })

  it('keeps a user’s email out of an identity event for a reader who may not read it', async () => {
    await app.kernel.services.get<AuditTrail>('audit').recordAuthEvent({
      action: 'sign_in_failed',
      userId: users.wes,
      detail: { address: '127.0.7.1', method: 'password', reason: 'X', email: 'wes@example.com' },
    })
    const filter = q({ action: 'sign_in_failed', record_id: users.wes })
    const { data: seen } = await list('aud', `sys_audit_event?filter=${filter}`)
    expect(seen.map((e) => e.detail)).toEqual([
      { address: '127.0.7.1', method: 'password', reason: 'X' },
    ])
    const { data: all } = await list('ada', `sys_audit_event?filter=${filter}`)
    expect(all.map((e) => (e.detail as Row).email)).toEqual(['wes@example.com'])
    const data = await graphql(
      'aud',
      `{ sys_audit_eventList(filter: { action: "sign_in_failed", record_id: "${users.wes}" }) { data { detail } } }`,
    )
    expect(JSON.stringify(data)).not.toContain('wes@example.com')
  })

  it('still shows an administrator every field, event and history row', async () => {
    const { data: events } = await list('ada', `sys_audit_event?filter=${q({ record_id: note })}`)
    expect(events.find((e) => e.action === 'update')?.changes).toEqual({
      title: { before: 't1', after: 't2' },
      secret: { before: 's1', after: 's2' },
    })
    const history = await list(
      'ada',
      `sys_field_history?filter=${q({ record_id: note })}&count=true`,
    )
    expect(history.meta.total).toBe(5)
    const data = await graphql(
      'ada',
      `{ sys_field_historyList(filter: { record_id: "${note}", field: "secret" }) { total } }`,
    )
    expect(data.sys_field_historyList).toEqual({ total: 2 })
  })

  it('refuses filters, sorts and groups that would look inside changes', async () => {
    const refused: [string, string][] = [
      [`filter=${q({ changes: { secret: { after: 's2' } } })}`, 'OOS_DATA_INVALID_FILTER'],
      [`filter=${q({ 'changes.secret': 's2' })}`, 'OOS_DATA_INVALID_FILTER'],
      [
        `filter=${q({ changes: { $eq: { secret: { after: 's2' } } } })}`,
        'OOS_DATA_UNKNOWN_OPERATOR',
      ],
      [`filter=${q({ changes: { $contains: 's2' } })}`, 'OOS_DATA_UNKNOWN_OPERATOR'],
      ['sort=changes', 'OOS_DATA_INVALID_QUERY'],
    ]
    for (const [query, code] of refused) {
      const res = await send('aud', 'GET', `sys_audit_event?${query}`)
      expect([res.statusCode, res.json<{ code: string }>().code], query).toEqual([400, code])
    }
    const history = await send('aud', 'GET', `sys_field_history?filter=${q({ after: 's2' })}`)
    expect(history.statusCode).toBe(400)
    const grouped = await send('aud', 'POST', 'sys_audit_event/aggregate', {
      groupBy: ['changes'],
      aggregates: { n: { fn: 'count' } },
    })
    expect(grouped.json()).toMatchObject({ status: 400, code: 'OOS_DATA_INVALID_QUERY' })
  })
  it('tells an administrator, in explain, that the trail hides a history row from the auditor', async () => {
    const rows = await app.records.find('sys_field_history', {
      filter: { record_id: note, field: { $in: ['secret', 'title'] } },
    })
    const byField = new Map(rows.records.map((r) => [r.field, String(r.id)]))
    const explain = async (field: string) => {
      const res = await server().inject({
        url:
          `/api/v1/access/explain?object=sys_field_history&id=${String(byField.get(field))}` +
          `&user=${users.aud}`,
        headers: { [testUserHeader]: users.ada },
      })
      expect(res.statusCode, res.body).toBe(200)
      return res.json<{ data: { record: { read: { allowed: boolean; because: string[] } } } }>()
        .data.record.read
    }
    const hidden = await explain('secret')
    expect(hidden.allowed).toBe(false)
    expect(hidden.because).toContain(
      'it records an object or field the user may not read, which the audit trail hides',
    )
    expect((await explain('title')).allowed).toBe(true)
  })
})
