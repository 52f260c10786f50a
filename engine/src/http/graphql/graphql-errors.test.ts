import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import type { RecordService } from '../../data/record-service.js'
import { compileFiles } from '../../load/load-app.js'
import type { RegistryHolder } from '../../registry/registry-holder.js'
import { identifyAsAdmin } from '../identify-as-admin.js'
import { registerRequestPrincipal } from '../request-principal.js'
import { graphqlPath, registerGraphql } from './graphql-plugin.js'

const compiled = compileFiles([
  { path: 'objectos.yaml', content: 'name: demo\n' },
  {
    path: 'objects/task.object.yaml',
    content:
      'name: task\nfields:\n  title: { type: text }\n' +
      '  state: { type: select, options: [{ label: Open, value: open }] }\n',
  },
])
if (!compiled.ok) throw new Error('the test app does not compile')
const registry = compiled.registry
const holder = { current: () => registry } as unknown as RegistryHolder

/** A server whose record service answers `find` with `answer`. */
async function serverWith(answer: () => Promise<unknown>) {
  const logged: unknown[] = []
  const records = { find: answer } as unknown as RecordService
  const server = Fastify({
    logger: {
      level: 'error',
      stream: { write: (line: string) => logged.push(JSON.parse(line)) },
    },
  })
  registerRequestPrincipal(server, identifyAsAdmin)
  registerGraphql(server, { records, registry: holder })
  await server.ready()
  const gql = async (query: string) => {
    const res = await server.inject({ method: 'POST', url: graphqlPath, payload: { query } })
    return { status: res.statusCode, body: res.json<Record<string, unknown>>() }
  }
  return { gql, logged }
}

describe('GraphQL errors the engine did not throw on purpose', () => {
  it('become OOS_SERVER_INTERNAL with a logged reference, never the message or stack', async () => {
    const { gql, logged } = await serverWith(() =>
      Promise.reject(new Error('connect ECONNREFUSED /var/secret/socket')),
    )
    const { status, body } = await gql('{ taskList { data { title } } }')
    expect(status).toBe(200)
    expect(body.data).toBeNull()
    const errors = body.errors as { message: string; extensions: Record<string, unknown> }[]
    expect(errors).toHaveLength(1)
    expect(errors[0]?.extensions).toEqual({ code: 'OOS_SERVER_INTERNAL', status: 500 })
    const reference = /reference ([0-9a-f-]{36})/.exec(errors[0]?.message ?? '')?.[1]
    expect(reference).toBeDefined()
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|secret|\.ts:\d+/)
    expect(logged).toEqual([
      expect.objectContaining({
        reference,
        err: expect.objectContaining({ message: expect.stringContaining('ECONNREFUSED') }),
      }),
    ])
  })

  it('report a stored value the schema cannot represent on its field, keeping the rest', async () => {
    const { gql } = await serverWith(async () => ({
      records: [
        { id: '1', title: 'ok', state: 'open' },
        { id: '2', title: 'stale', state: 'archived' },
      ],
      nextCursor: undefined,
      total: undefined,
    }))
    const { status, body } = await gql('{ taskList { data { title state } } }')
    expect(status).toBe(200)
    expect(body.data).toEqual({
      taskList: {
        data: [
          { title: 'ok', state: 'open' },
          { title: 'stale', state: null },
        ],
      },
    })
    expect(body.errors).toEqual([
      {
        message: 'Enum "TaskState" cannot represent value: "archived"',
        locations: [{ line: 1, column: 27 }],
        path: ['taskList', 'data', 1, 'state'],
        extensions: { code: 'OOS_SERVER_INTERNAL', status: 500 },
      },
    ])
  })
})
