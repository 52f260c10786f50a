/**
 * Introspection describes what the caller may use: objects, fields, relations and mutations
 * outside their permission sets are not in the schema they read, while administrators read all
 * of it and queries that do not introspect behave as before.
 */
import type { SourceFile } from '@objectos/metadata'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../boot/open-app.js'
import { closeTestApp, testDatabase } from '../../data/access/testing/access-fixture-parts.js'
import { dialects } from '../../testing/test-database.js'
import { httpPlugin } from '../../plugins/http/http-plugin.js'
import { viewAsHeader } from '../request-principal.js'
import { identifyByTestHeader, testUserHeader } from '../testing/identify-by-test-header.js'
import { graphqlPath } from './graphql-plugin.js'

const files: readonly SourceFile[] = [
  { path: 'objectos.yaml', content: 'name: introspection_test\n' },
  {
    path: 'objects/account.object.yaml',
    content: 'name: account\nsharingModel: public_read\nfields:\n  name: { type: text }\n',
  },
  {
    path: 'objects/deal.object.yaml',
    content: `name: deal
sharingModel: public_read
fields:
  name: { type: text }
  margin: { type: number }
  account: { type: lookup, reference: account }
`,
  },
  {
    path: 'objects/payroll.object.yaml',
    content: 'name: payroll\nfields:\n  salary: { type: number }\n',
  },
  {
    path: 'permissions/viewer.permission.yaml',
    content: `name: viewer
objects:
  account: { allowRead: true }
  deal: { allowRead: true }
fields:
  deal.margin: { readable: false, editable: false }
`,
  },
  {
    path: 'permissions/writer.permission.yaml',
    content: `name: writer
objects:
  deal: { allowRead: true, allowCreate: true, allowEdit: true }
fields:
  deal.margin: { readable: false, editable: false }
`,
  },
  {
    path: 'permissions/deals_only.permission.yaml',
    content: 'name: deals_only\nobjects:\n  deal: { allowRead: true }\n',
  },
]

type User = 'ada' | 'vic' | 'wen' | 'dee' | 'nia'

const typesQuery = '{ __schema { types { name } mutationType { name } } }'
const typeQuery = (name: string) => `{ __type(name: "${name}") { fields { name } } }`

describe.each(dialects)('GraphQL introspection per caller on %s', (dialect) => {
  let app: App
  const where = testDatabase(dialect, 'introspection')
  const users = {} as Record<User, string>
  beforeAll(async () => {
    app = await openApp({
      files,
      ...where.options,
      plugins: [httpPlugin({ identify: identifyByTestHeader(() => app.db) })],
    })
    const sets: Record<User, string[]> = {
      ada: [],
      vic: ['viewer'],
      wen: ['viewer', 'writer'],
      dee: ['deals_only'],
      nia: [],
    }
    for (const [name, held] of Object.entries(sets)) {
      const user = await app.records.create('sys_user', {
        name,
        email: `${name}@example.com`,
        is_admin: name === 'ada',
      })
      users[name as User] = String(user.id)
      for (const set of held) {
        await app.records.create('sys_permission_assignment', {
          assignee: user.id,
          permission_set: set,
        })
      }
    }
    await app.records.create('deal', { name: 'Big', margin: 0.4 })
  })
  afterAll(() => closeTestApp(app, where))

  const ask = async (query: string, headers: Record<string, string>) => {
    const res = await app.kernel.services.get<FastifyInstance>('http').inject({
      method: 'POST',
      url: graphqlPath,
      headers,
      payload: { query },
    })
    return res.json<{ data?: Record<string, unknown>; errors?: { message: string }[] }>()
  }
  const as = (user: User) => ({ [testUserHeader]: users[user] })
  const typeNames = async (headers: Record<string, string>) => {
    const { data } = await ask(typesQuery, headers)
    const schema = data?.__schema as { types: { name: string }[]; mutationType: unknown }
    return {
      types: schema.types.map((t) => t.name).filter((n) => !n.startsWith('__')),
      mutation: schema.mutationType,
    }
  }
  const fieldsOf = async (type: string, headers: Record<string, string>) => {
    const { data } = await ask(typeQuery(type), headers)
    const found = data?.__type as { fields: { name: string }[] } | null
    return found === null ? null : found.fields.map((f) => f.name).sort()
  }

  it('shows an administrator every object, field and mutation', async () => {
    const { types, mutation } = await typeNames(as('ada'))
    expect(types).toEqual(expect.arrayContaining(['Account', 'Deal', 'Payroll', 'PayrollPage']))
    expect(mutation).toEqual({ name: 'Mutation' })
    expect(await fieldsOf('Deal', as('ada'))).toEqual(expect.arrayContaining(['margin']))
  })

  it('leaves out the objects, fields and mutations a caller may not use', async () => {
    const { types, mutation } = await typeNames(as('vic'))
    expect(types).toEqual(expect.arrayContaining(['Account', 'Deal', 'DealPage']))
    expect(types).not.toContain('Payroll')
    expect(types).not.toContain('PayrollPage')
    // Every user manages their own manual shares (the platform set sys_record_sharing).
    expect(mutation).toEqual({ name: 'Mutation' })
    expect(
      (await fieldsOf('Mutation', as('vic')))?.filter((n) => !n.includes('SysRecordShare')),
    ).toEqual([])
    const deal = await fieldsOf('Deal', as('vic'))
    expect(deal).toEqual(expect.arrayContaining(['name', 'account']))
    expect(deal).not.toContain('margin')
    expect(await fieldsOf('Payroll', as('vic'))).toBeNull()
    const query = await fieldsOf('Query', as('vic'))
    expect(query).toEqual(expect.arrayContaining(['deal', 'dealList', 'dealAggregate']))
    expect(query?.filter((name) => name.startsWith('payroll'))).toEqual([])
    // The account's child list of deals goes with read on deal and its lookup.
    expect(await fieldsOf('Account', as('vic'))).toEqual(expect.arrayContaining(['deals']))
  })

  it('offers the mutations a caller holds the right for, and no more', async () => {
    const mutation = await fieldsOf('Mutation', as('wen'))
    expect(mutation).toEqual(expect.arrayContaining(['createDeal', 'updateDeal']))
    expect(mutation).not.toContain('deleteDeal')
    expect(mutation?.filter((name) => /Account|Payroll/.test(name))).toEqual([])
  })

  it('drops a lookup into an object the caller may not read', async () => {
    const deal = await fieldsOf('Deal', as('dee'))
    expect(deal).toContain('name')
    expect(deal).not.toContain('account')
    expect(await fieldsOf('Account', as('dee'))).toBeNull()
  })

  it('shows a caller with no set only the app name and their own shares', async () => {
    expect(await fieldsOf('Query', as('nia'))).toEqual([
      '_appName',
      'sys_record_share',
      'sys_record_shareAggregate',
      'sys_record_shareList',
    ])
    const { types } = await typeNames(as('nia'))
    expect(types.filter((name) => /Deal|Account|Payroll/.test(name))).toEqual([])
  })

  it('cuts introspection reached through a fragment, and the schema seen as another user', async () => {
    const viaFragment = await ask(
      'query { ...F } fragment F on Query { __type(name: "Payroll") { name } }',
      as('vic'),
    )
    expect(viaFragment.data).toEqual({ __type: null })
    const viewed = { ...as('ada'), [viewAsHeader]: users.vic }
    expect(await fieldsOf('Payroll', viewed)).toBeNull()
    expect(await fieldsOf('Deal', viewed)).not.toContain('margin')
  })

  it('leaves queries that do not introspect as they were', async () => {
    const read = await ask('{ dealList { data { name } } }', as('vic'))
    expect(read.data).toEqual({ dealList: { data: [{ name: 'Big' }] } })
    const hidden = await ask('{ dealList { data { margin } } }', as('vic'))
    expect(hidden.errors?.[0]?.message).toMatch(/margin/)
  })
})
