import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../boot/open-app.js'
import { httpPlugin } from '../../plugins/http/http-plugin.js'
import { identifyAsAdmin } from '../identify-as-admin.js'

const manifest = { path: 'objectos.yaml', content: 'name: meta_test\n' }
const task = (fields: string) => ({
  path: 'objects/task.object.yaml',
  content: `name: task\nlabel: Task\nfields:\n${fields}`,
})
const view = {
  path: 'views/task.view.yaml',
  content:
    'name: task\nlabel: Tasks\nlist:\n  type: grid\n  data: { provider: object, object: task }\n  columns: [title]\n',
}

describe('metadata routes', () => {
  let app: App
  let server: FastifyInstance
  beforeAll(async () => {
    app = await openApp({
      files: [manifest, task('  title: { type: text, required: true }\n'), view],
      databaseUrl: ':memory:',
      plugins: [httpPlugin({ identify: identifyAsAdmin })],
    })
    server = app.kernel.services.get<FastifyInstance>('http')
  })
  afterAll(() => app.close())

  const get = async (url: string) => {
    const res = await server.inject({ method: 'GET', url })
    return { status: res.statusCode, body: res.json<{ data: unknown; meta?: unknown }>() }
  }

  it('describes every object with its fields', async () => {
    const { status, body } = await get('/api/v1/meta/objects/task')
    expect(status).toBe(200)
    expect(body.data).toMatchObject({ name: 'task', label: 'Task' })
    const fields = (body.data as { fields: { name: string; required: boolean; system: boolean }[] })
      .fields
    expect(fields.find((f) => f.name === 'title')).toMatchObject({
      type: 'text',
      required: true,
      system: false,
    })
    expect(fields.find((f) => f.name === 'version')).toMatchObject({ system: true, readonly: true })
    const listed = (await get('/api/v1/meta/objects')).body.data as { name: string }[]
    expect(listed.map((o) => o.name)).toEqual([
      'sys_audit_event',
      'sys_field_history',
      'sys_permission_assignment',
      'sys_record_share',
      'sys_user',
      'sys_user_position',
      'task',
    ])
    expect((await get('/api/v1/meta/objects/nope')).status).toBe(404)
  })

  it('serves the other definitions by kind', async () => {
    const { body } = await get('/api/v1/meta/views')
    expect(body.data).toEqual([
      expect.objectContaining({ name: 'task', file: 'views/task.view.yaml' }),
    ])
    expect((await get('/api/v1/meta/spells')).status).toBe(404)
  })

  it('shows a reload that does not compile in the diagnostics, while the old app keeps serving', async () => {
    const outcome = await app.reload([manifest, task('  title: { type: txet }\n'), view])
    expect(outcome.ok).toBe(false)
    const { body } = await get('/api/v1/meta/diagnostics')
    expect(body.meta).toMatchObject({ errors: 1 })
    expect(body.data).toEqual([
      expect.objectContaining({ file: 'objects/task.object.yaml', line: 4 }),
    ])
    expect((await get('/api/v1/meta/objects/task')).status).toBe(200)

    const fixed = await app.reload([
      manifest,
      task('  title: { type: text }\n  done: { type: boolean }\n'),
      view,
    ])
    expect(fixed.ok).toBe(true)
    expect((await get('/api/v1/meta/diagnostics')).body.meta).toMatchObject({ errors: 0 })
    const fields = (
      (await get('/api/v1/meta/objects/task')).body.data as { fields: { name: string }[] }
    ).fields
    expect(fields.map((f) => f.name)).toContain('done')
    const created = await server.inject({
      method: 'POST',
      url: '/api/v1/data/task',
      payload: { title: 'x', done: true },
    })
    expect(created.statusCode).toBe(201)
  })
})
