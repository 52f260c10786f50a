/**
 * The trail read through the same APIs as any object, under the same permissions: an
 * administrator reads every event; a user without a permission set on `sys_audit_event` gets 403;
 * a set granting read shows a user only the events they caused (the actor owns the row). Writes
 * through the APIs are refused, administrators included.
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

const files: readonly SourceFile[] = [
  { path: 'objectos.yaml', content: 'name: audit_test\n' },
  {
    path: 'objects/note.object.yaml',
    content: `name: note
sharingModel: public_read_write
fields:
  title: { type: text, required: true }
  body: { type: textarea, trackHistory: true }
`,
  },
  {
    path: 'permissions/writer.permission.yaml',
    content: `name: writer
objects:
  note: { allowRead: true, allowCreate: true, allowEdit: true }
`,
  },
  {
    path: 'permissions/audit_reader.permission.yaml',
    content: `name: audit_reader
objects:
  note: { allowRead: true, allowCreate: true, allowEdit: true }
  sys_audit_event: { allowRead: true }
  sys_field_history: { allowRead: true }
  sys_user: { allowRead: true, readScope: org }
`,
  },
]

type Row = Record<string, unknown>
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value))

describe.each(dialects)('reading the audit trail through the APIs on %s', (dialect) => {
  let app: App
  const users: Record<'ada' | 'wes' | 'rita' | 'rob', string> = {
    ada: '',
    wes: '',
    rita: '',
    rob: '',
  }
  const schema = `audit_${randomBytes(4).toString('hex')}`
  beforeAll(async () => {
    app = await openApp({
      files,
      ...(dialect === 'sqlite'
        ? { databaseUrl: ':memory:' }
        : { databaseUrl: postgresTestUrl, schema }),
      identity: { env: {} },
      plugins: [httpPlugin({ identify: identifyByTestHeader(() => app.db) })],
    })
    const sets = { ada: [], wes: ['writer'], rita: ['audit_reader'], rob: ['audit_reader'] }
    for (const [name, held] of Object.entries(sets)) {
      const user = await app.records.create('sys_user', {
        name,
        email: `${name}@example.com`,
        is_admin: name === 'ada',
      })
      users[name as keyof typeof users] = String(user.id)
      for (const set of held) {
        await app.records.create('sys_permission_assignment', {
          assignee: user.id,
          permission_set: set,
        })
      }
    }
  })
  afterAll(async () => {
    if (dialect === 'postgres') await app.db.knex.raw('drop schema if exists ?? cascade', [schema])
    await app.close()
  })

  const server = () => app.kernel.services.get<FastifyInstance>('http')
  const send = (
    as: keyof typeof users,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    body?: Row,
  ) =>
    server().inject({
      method,
      url: `/api/v1/data/${url}`,
      headers: { [testUserHeader]: users[as] },
      ...(body === undefined ? {} : { payload: body }),
    })

  /** A note written by `as` through REST: created, then its body changed. */
  async function writeNote(as: keyof typeof users, title: string): Promise<string> {
    const created = await send(as, 'POST', 'note', { title, body: 'first' })
    expect(created.statusCode, created.body).toBe(201)
    const id = String(created.json<{ data: Row }>().data.id)
    const patched = await send(as, 'PATCH', `note/${id}`, { body: 'second' })
    expect(patched.statusCode, patched.body).toBe(200)
    return id
  }

  it('lets an administrator list the events of a record', async () => {
    const id = await writeNote('wes', 'by wes')
    const filter = q({ record_id: id })
    const res = await send('ada', 'GET', `sys_audit_event?filter=${filter}&sort=occurred_at`)
    expect(res.statusCode, res.body).toBe(200)
    const events = res.json<{ data: Row[] }>().data
    expect(events.map((e) => [e.action, e.door, e.actor, e.object_name]).sort()).toEqual([
      ['create', 'rest', users.wes, 'note'],
      ['update', 'rest', users.wes, 'note'],
    ])
    const update = events.find((e) => e.action === 'update')
    expect(update?.changes).toEqual({ body: { before: 'first', after: 'second' } })

    const history = await send('ada', 'GET', `sys_field_history?filter=${filter}`)
    expect(history.statusCode, history.body).toBe(200)
    expect(
      history
        .json<{ data: Row[] }>()
        .data.map((h) => [h.field, h.before, h.after])
        .sort(),
    ).toEqual([
      ['body', null, 'first'],
      ['body', 'first', 'second'],
    ])
  })

  it('refuses a user whose permission sets say nothing of the trail', async () => {
    const res = await send('wes', 'GET', 'sys_audit_event')
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'OOS_ACCESS_OBJECT_DENIED' })
  })

  it('shows a reader only the events they caused, through REST and GraphQL', async () => {
    const ritas = await writeNote('rita', 'by rita')
    const robs = await writeNote('rob', 'by rob')
    const res = await send('rita', 'GET', `sys_audit_event?filter=${q({ object_name: 'note' })}`)
    expect(res.statusCode, res.body).toBe(200)
    const seen = res.json<{ data: Row[] }>().data
    expect(seen.map((e) => e.record_id)).toEqual([ritas, ritas])
    expect(seen.every((e) => e.actor === users.rita)).toBe(true)
    const other = await send('rita', 'GET', `sys_audit_event?filter=${q({ record_id: robs })}`)
    expect(other.json<{ data: Row[] }>().data).toEqual([])

    const gql = await server().inject({
      method: 'POST',
      url: graphqlPath,
      headers: { 'content-type': 'application/json', [testUserHeader]: users.rob },
      payload: JSON.stringify({
        query: `{ sys_audit_eventList(filter: { object_name: "note" }) { data { record_id action actor { name } } } }`,
      }),
    })
    expect(gql.statusCode, gql.body).toBe(200)
    const body = gql.json<{ data: { sys_audit_eventList: { data: Row[] } }; errors?: unknown }>()
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
    expect(body.data.sys_audit_eventList.data.map((e) => [e.record_id, e.actor]).sort()).toEqual([
      [robs, { name: 'rob' }],
      [robs, { name: 'rob' }],
    ])
  })

  it('refuses writes to the trail through the APIs, even to an administrator', async () => {
    const made = await send('ada', 'POST', 'sys_audit_event', {
      occurred_at: new Date().toISOString(),
      action: 'delete',
    })
    expect(made.statusCode).toBe(403)
    const list = await send('ada', 'GET', 'sys_audit_event?limit=1')
    const [event] = list.json<{ data: Row[] }>().data
    const changed = await send('ada', 'PATCH', `sys_audit_event/${String(event?.id)}`, {
      action: 'create',
    })
    expect(changed.statusCode).toBe(403)
  })
})
