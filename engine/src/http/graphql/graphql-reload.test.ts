import { randomBytes } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../boot/open-app.js'
import type { RecordService } from '../../data/record-service.js'
import { dialects, postgresTestUrl } from '../../testing/test-database.js'
import { identifyAsAdmin } from '../identify-as-admin.js'
import { registerRequestPrincipal } from '../request-principal.js'
import { graphqlPath, registerGraphql } from './graphql-plugin.js'

const manifest = { path: 'objectos.yaml', content: 'name: tasks\n' }
const project = {
  path: 'objects/project.object.yaml',
  content: 'name: project\nfields:\n  title: { type: text, required: true }\n',
}
const task = (extra = '') => ({
  path: 'objects/task.object.yaml',
  content:
    'name: task\nfields:\n  title: { type: text, required: true }\n' +
    `  project: { type: lookup, reference: project }\n${extra}`,
})

describe.each(dialects)('GraphQL schema reload on %s', (dialect) => {
  let app: App
  let server: FastifyInstance
  /** While set, list reads wait for it: holds a request in flight across a reload. */
  let gate: Promise<void> | undefined
  const schema = `gqlr_${randomBytes(4).toString('hex')}`

  beforeAll(async () => {
    app = await openApp({
      files: [manifest, project, task()],
      ...(dialect === 'sqlite'
        ? { databaseUrl: ':memory:' }
        : { databaseUrl: postgresTestUrl, schema }),
    })
    const records: RecordService = {
      ...app.records,
      find: async (...args) => {
        await gate
        return app.records.find(...args)
      },
    }
    server = Fastify()
    registerRequestPrincipal(server, identifyAsAdmin)
    registerGraphql(server, { records, registry: app.kernel.registry })
    await server.ready()
    const home = await app.records.create('project', { title: 'Home' })
    await app.records.create('task', { title: 'Paint', project: home.id })
  })
  afterAll(async () => {
    await server.close()
    if (dialect === 'postgres') await app.db.knex.raw('drop schema if exists ?? cascade', [schema])
    await app.close()
  })

  const gql = async (query: string) => {
    const res = await server.inject({ method: 'POST', url: graphqlPath, payload: { query } })
    return { status: res.statusCode, body: res.json<Record<string, unknown>>() }
  }

  it('serves a field added by a reload, without a restart, and keeps in-flight requests', async () => {
    const before = await gql('{ taskList { data { title done } } }')
    expect(before.status).toBe(400)
    expect(JSON.stringify(before.body)).toContain(
      'Cannot query field \\"done\\" on type \\"Task\\"',
    )

    // A request that starts on the old schema and waits inside a resolver …
    let release = () => {}
    gate = new Promise((resolve) => (release = resolve))
    const inFlight = gql('{ taskList { data { title project { title } } } }')
    await new Promise((resolve) => setTimeout(resolve, 20))

    // … while the metadata gains a field.
    const outcome = await app.reload([manifest, project, task('  done: { type: boolean }\n')])
    expect(outcome.ok).toBe(true)
    gate = undefined
    const listed = await gql('{ taskList { data { title done } } }')
    expect(listed.body).toEqual({ data: { taskList: { data: [{ title: 'Paint', done: null }] } } })

    // The request that started before the reload finishes, on the schema it started with.
    release()
    expect((await inFlight).body).toEqual({
      data: { taskList: { data: [{ title: 'Paint', project: { title: 'Home' } }] } },
    })

    const added = await gql(
      'mutation { createTask(data: { title: "Sweep", done: true }) { title done } }',
    )
    expect(added.body).toEqual({ data: { createTask: { title: 'Sweep', done: true } } })
  })

  it('keeps serving the last good schema when a reload does not compile', async () => {
    const outcome = await app.reload([manifest, project, task('  done: { type: bool }\n')])
    expect(outcome.ok).toBe(false)
    const { body } = await gql('{ __type(name: "Task") { fields { name } } }')
    const fields = (body.data as { __type: { fields: { name: string }[] } }).__type.fields
    expect(fields.map((f) => f.name)).toContain('done')
  })

  it('adds the root fields and relations of an object added by a reload', async () => {
    const before = await gql('{ tagList { total } }')
    expect(before.status).toBe(400)
    const tag = {
      path: 'objects/tag.object.yaml',
      content:
        'name: tag\nfields:\n  label: { type: text }\n  task: { type: lookup, reference: task }\n',
    }
    const outcome = await app.reload([manifest, project, task('  done: { type: boolean }\n'), tag])
    expect(outcome.ok).toBe(true)
    const created = await gql('{ taskList(sort: ["title"], limit: 1) { data { id } } }')
    const id = (created.body.data as { taskList: { data: { id: string }[] } }).taskList.data[0]?.id
    await app.records.create('tag', { label: 'urgent', task: id })
    const { body } = await gql('{ taskList(sort: ["title"]) { data { title tags { label } } } }')
    expect(body).toEqual({
      data: {
        taskList: {
          data: [
            { title: 'Paint', tags: [{ label: 'urgent' }] },
            { title: 'Sweep', tags: [] },
          ],
        },
      },
    })
  })
})
