/**
 * The access layer attacked through GraphQL, on every dialect: the cases of access-rest.test.ts
 * that GraphQL has (it has no bulk routes and no Idempotency-Key), plus what only a graph can
 * ask — nested lookups and child lists. Every answer is checked for hidden values, and the
 * stored records for changes. Errors carry the catalog code in `extensions.code`.
 */
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { useAccessApp, type UserName } from '../../src/data/access/testing/access-test-app.js'
import { graphqlPath } from '../../src/http/graphql/graphql-plugin.js'
import type { GraphqlBody } from '../../src/http/graphql/testing/graphql-test-app.js'
import {
  identifyByTestHeader,
  testUserHeader,
} from '../../src/http/testing/identify-by-test-header.js'
import { httpPlugin } from '../../src/plugins/http/http-plugin.js'
import { dialects } from '../../src/testing/test-database.js'

type Row = Record<string, unknown>
/** A mutation and its variables. */
type Write = readonly [string, Row]

/** A well-formed record id that no record has. */
const missingId = '01900000-0000-7000-8000-000000000000'
const secrets = ['alpha classified', 'bravo classified', 'charlie']
const objects = ['project', 'task', 'client', 'memo', 'sys_user', 'sys_permission_assignment']

const listQuery = `query ($filter: Filter, $sort: [String!], $search: String) {
  projectList(filter: $filter, sort: $sort, search: $search) { data { name } total }
}`
const update = (object: string) => `mutation ($id: ID!, $data: JSON!) {
  update${object}(id: $id, data: $data) { id }
}`
const create = (object: string) => `mutation ($data: JSON!) { create${object}(data: $data) { id } }`

describe.each(dialects)('access through GraphQL on %s', (dialect) => {
  const fixture = useAccessApp(dialect, [
    httpPlugin({ identify: identifyByTestHeader(() => fixture().app.db) }),
  ])
  const server = () => fixture().app.kernel.services.get<FastifyInstance>('http')
  const id = (key: string): string => {
    const found = fixture().ids[key]
    if (found === undefined) throw new Error(`no record "${key}" in the access test app`)
    return found
  }
  const user = (name: UserName) => fixture().userIds[name]

  /** Posts a query as `as` (no header when undefined); `raw` sends the body text as it is. */
  const gql = async (
    as: UserName | undefined,
    query: string,
    variables?: Row,
    raw?: string,
  ): Promise<{ status: number; body: GraphqlBody & Row; text: string }> => {
    const res = await server().inject({
      method: 'POST',
      url: graphqlPath,
      headers: {
        'content-type': 'application/json',
        ...(as === undefined ? {} : { [testUserHeader]: user(as) }),
      },
      payload: raw ?? JSON.stringify({ query, ...(variables === undefined ? {} : { variables }) }),
    })
    return { status: res.statusCode, body: res.json(), text: res.body }
  }
  const codeOf = (body: GraphqlBody) => body.errors?.[0]?.extensions?.code
  const projectNames = async (as: UserName, variables: Row = {}) => {
    const { body } = await gql(as, listQuery, { sort: ['name'], ...variables })
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
    const page = body.data?.projectList as { data: Row[]; total: number }
    expect(page.total).toBe(page.data.length)
    return page.data.map((r) => r.name)
  }
  /** Every stored record of the app, read by the engine itself. */
  const stored = async () => {
    const out: Record<string, readonly Row[]> = {}
    for (const object of objects) {
      out[object] = (await fixture().app.records.find(object, { sort: ['id'], limit: 500 })).records
    }
    return out
  }
  const shapeOf = (text: string, ...ids: string[]) =>
    ids.reduce((out, one) => out.replaceAll(one, '<id>'), text)

  it('shows each user exactly the projects their sets and the hierarchy reach', async () => {
    const all = ['Project A', 'Project B', 'Project C', 'Project O', 'Project X']
    const expected: [UserName, string[]][] = [
      ['alice', ['Project A']],
      ['bob', ['Project B']],
      ['boss', ['Project A', 'Project B', 'Project O']],
      ['carol', ['Project C']],
      ['olive', ['Project O']],
      ['ivan', all],
      ['cora', all],
      ['ada', all],
    ]
    for (const [name, projects] of expected) {
      expect(await projectNames(name), name).toEqual(projects)
    }
    const nora = await gql('nora', listQuery)
    expect([nora.body.data, codeOf(nora.body)]).toEqual([null, 'OOS_ACCESS_OBJECT_DENIED'])
    // Nobody is turned away before GraphQL runs at all: 401, the code in the error's extensions.
    for (const as of [undefined, 'ghost'] as const) {
      const res = await gql(as, listQuery)
      expect([res.status, codeOf(res.body), res.body.data]).toEqual([
        401,
        'OOS_ACCESS_UNAUTHENTICATED',
        undefined,
      ])
    }
  })

  it('never answers a field the user may not read, and refuses a selection of it', async () => {
    for (const name of ['alice', 'bob', 'boss', 'carol'] as const) {
      const { text } = await gql(name, '{ projectList { data { id name budget owner_id } } }')
      expect(text).toContain('Project')
      for (const secret of secrets) expect(text).not.toContain(secret)
    }
    const selections = [
      '{ projectList { data { name secret } } }',
      `{ project(id: "${id('pA')}") { name secret } }`,
      '{ taskList { data { title project { name secret } } } }',
      `{ client(id: "${id('c1')}") { name projects { name secret } } }`,
      'query { projectList { data { ...P } } } fragment P on Project { secret }',
    ]
    for (const query of selections) {
      const { body, text } = await gql('alice', query)
      expect(codeOf(body), query).toBe('OOS_ACCESS_FIELD_DENIED')
      for (const secret of secrets) expect(text).not.toContain(secret)
    }
    // A mutation's answer is read like a query: selecting the field is refused, before the write.
    const renamed = await gql(
      'alice',
      'mutation ($id: ID!) { updateProject(id: $id, data: { name: "Renamed" }) { name secret } }',
      { id: id('pA') },
    )
    expect(codeOf(renamed.body)).toBe('OOS_ACCESS_FIELD_DENIED')
    const kept = await gql('alice', 'query ($id: ID!) { project(id: $id) { name } }', {
      id: id('pA'),
    })
    expect(kept.body.data?.project).toEqual({ name: 'Project A' })
    // The auditor's set does not hide the field: the values are there to be leaked.
    const ivan = await gql('ivan', '{ projectList(sort: ["name"]) { data { secret } } }')
    expect(ivan.text).toContain('alpha classified')
  })

  it('answers a hidden record exactly like a missing one', async () => {
    const get = 'query ($id: ID!) { project(id: $id) { name tasks { title } } }'
    const hidden = await gql('alice', get, { id: id('pB') })
    const missing = await gql('alice', get, { id: missingId })
    expect(hidden.body).toEqual({ data: { project: null } })
    expect(missing.body).toEqual(hidden.body)
    expect((await gql('bob', get, { id: id('pB') })).body.data?.project).toMatchObject({
      name: 'Project B',
    })
  })

  it('refuses to change or delete a hidden record as if it were missing, changing nothing', async () => {
    const before = await stored()
    const attempts: [string, string, Row][] = [
      [update('Project'), 'pB', { data: { name: 'Mine now' } }],
      ['mutation ($id: ID!) { deleteProject(id: $id) }', 'pB', {}],
      ['mutation ($id: ID!) { deleteTask(id: $id) }', 'tB', {}],
      [
        'mutation ($id: ID!) { updateTask(id: $id, data: { title: "x" }, version: 1) { id } }',
        'tB',
        {},
      ],
    ]
    for (const [mutation, key, variables] of attempts) {
      const hidden = await gql('alice', mutation, { ...variables, id: id(key) })
      const missing = await gql('alice', mutation, { ...variables, id: missingId })
      expect(codeOf(hidden.body), mutation).toBe('OOS_DATA_NOT_FOUND')
      expect(shapeOf(hidden.text, id(key))).toBe(shapeOf(missing.text, missingId))
    }
    expect(await stored()).toEqual(before)
  })

  it('refuses to filter, search, sort, group or aggregate on a hidden field', async () => {
    const aggregate = `query ($groupBy: [String!], $aggregates: JSON!, $filter: Filter) {
      projectAggregate(groupBy: $groupBy, aggregates: $aggregates, filter: $filter)
    }`
    const count = { n: { fn: 'count' } }
    const attempts: [string, Row][] = [
      [listQuery, { filter: { secret: { $contains: 'alpha' } } }],
      [listQuery, { filter: { $or: [{ name: 'x' }, { secret: { $ne: null } }] } }],
      [listQuery, { filter: JSON.stringify({ $not: { secret: null } }) }],
      [listQuery, { sort: ['-secret'] }],
      [aggregate, { groupBy: ['secret'], aggregates: count }],
      [aggregate, { aggregates: { top: { fn: 'max', field: 'secret' } } }],
      [aggregate, { filter: { secret: 'charlie' }, aggregates: count }],
      [
        'query ($f: Filter) { taskList(filter: $f) { data { title } } }',
        { f: { 'project.secret': 'alpha classified' } },
      ],
      [
        'query ($f: Filter) { projectList { data { name tasks(filter: $f) { title } } } }',
        { f: { 'project.secret': { $ne: null } } },
      ],
      [
        'query ($g: [String!]) { taskAggregate(groupBy: $g, aggregates: { n: { fn: "count" } }) }',
        { g: ['project.secret'] },
      ],
    ]
    for (const [query, variables] of attempts) {
      const { body, text } = await gql('alice', query, variables)
      expect(codeOf(body), JSON.stringify(variables)).toBe('OOS_ACCESS_FIELD_DENIED')
      expect(body.errors?.[0]?.message).toContain('"secret"')
      expect(text).not.toContain('Project A')
    }
    expect(await projectNames('alice', { search: 'classified' })).toEqual([])
    expect(await projectNames('ivan', { search: 'classified' })).toEqual(['Project A', 'Project B'])
  })

  it('does not let a filter, a lookup or a child list reach a hidden record', async () => {
    const probe = 'query ($f: Filter) { taskList(filter: $f, sort: ["title"]) { data { title } } }'
    const f = { 'project.name': 'Project B' }
    expect((await gql('alice', probe, { f })).body.data).toEqual({ taskList: { data: [] } })
    expect((await gql('bob', probe, { f })).body.data).toEqual({
      taskList: { data: [{ title: 'Task in B' }] },
    })
    const tasks = await gql(
      'alice',
      '{ taskList(sort: ["title"]) { data { title project { name } } } }',
    )
    expect(tasks.body).toEqual({
      data: {
        taskList: {
          data: [
            { title: 'Alice in B', project: null },
            { title: 'Task in A', project: { name: 'Project A' } },
          ],
        },
      },
    })
    // Bob reads his project, but not Alice's task in it; the children's own lookups stay guarded.
    const children = await gql(
      'bob',
      '{ projectList { data { name tasks(sort: ["title"]) { title project { name } } } } }',
    )
    expect(children.body).toEqual({
      data: {
        projectList: {
          data: [
            { name: 'Project B', tasks: [{ title: 'Task in B', project: { name: 'Project B' } }] },
          ],
        },
      },
    })
    const grouped = await gql(
      'alice',
      '{ taskAggregate(groupBy: ["project.name"], aggregates: { n: { fn: "count" } }) }',
    )
    expect(grouped.body.data?.taskAggregate).toEqual([
      { 'project.name': 'Project A', n: 1 },
      { 'project.name': null, n: 1 },
    ])
  })

  it('refuses mass assignment of the owner, read-only, hidden and system fields', async () => {
    const before = await stored()
    const bob = user('bob')
    const post = (data: Row): Write => [create('Project'), { data }]
    const patch = (data: Row): Write => [update('Project'), { id: id('pA'), data }]
    // Refused by the access layer (403), naming the field where there is one.
    const denied: [Write, string, string?][] = [
      [post({ name: 'N', owner_id: bob }), 'OOS_ACCESS_OWNER_DENIED'],
      [patch({ owner_id: bob }), 'OOS_ACCESS_OWNER_DENIED'],
      [post({ name: 'N', budget: 5 }), 'OOS_ACCESS_FIELD_DENIED', 'budget'],
      [patch({ budget: 1 }), 'OOS_ACCESS_FIELD_DENIED', 'budget'],
      [post({ name: 'N', secret: 's' }), 'OOS_ACCESS_FIELD_DENIED', 'secret'],
      [patch({ secret: 's' }), 'OOS_ACCESS_FIELD_DENIED', 'secret'],
      // Granting oneself more: the platform's own objects are closed to every set.
      [
        [
          create('SysPermissionAssignment'),
          { data: { assignee: user('alice'), permission_set: 'chief' } },
        ],
        'OOS_ACCESS_OBJECT_DENIED',
      ],
      [[update('SysUser'), { id: user('alice'), data: { is_admin: true } }], 'OOS_DATA_NOT_FOUND'],
    ]
    for (const [[mutation, variables], code, field] of denied) {
      const [error] = (await gql('alice', mutation, variables)).body.errors ?? []
      expect(error?.extensions?.code, JSON.stringify(variables)).toBe(code)
      if (field !== undefined) expect(error?.message).toContain(`"${field}"`)
    }
    // System fields are the record rules' to refuse (422, the field marked read-only).
    const system: [Write, string][] = [
      [post({ name: 'N', version: 9 }), 'version'],
      [post({ name: 'N', created_by: bob }), 'created_by'],
      [post({ name: 'N', id: missingId }), 'id'],
      [patch({ version: 99 }), 'version'],
      [patch({ id: id('pB') }), 'id'],
    ]
    for (const [[mutation, variables], field] of system) {
      const [error] = (await gql('alice', mutation, variables)).body.errors ?? []
      expect(error?.extensions).toMatchObject({
        code: 'OOS_DATA_VALIDATION_FAILED',
        errors: [expect.objectContaining({ field, code: 'readonly' })],
      })
    }
    expect(await stored()).toEqual(before)
  })

  it('refuses filters that are not plain conditions, and prototype keys anywhere', async () => {
    const filters: [unknown, string][] = [
      [{ name: { $eq: { $ne: null } } }, 'OOS_DATA_INVALID_FILTER'],
      [{ owner_id: ['x'] }, 'OOS_DATA_INVALID_FILTER'],
      [{ owner_id: { $in: [{ $ne: null }] } }, 'OOS_DATA_INVALID_FILTER'],
      [{ $or: { name: 'Project B' } }, 'OOS_DATA_INVALID_FILTER'],
      [{ name: { $regex: '.*' } }, 'OOS_DATA_UNKNOWN_OPERATOR'],
      [{ $where: '1 = 1' }, 'OOS_DATA_UNKNOWN_OPERATOR'],
      [{ constructor: 'x' }, 'OOS_DATA_INVALID_FILTER'],
      ['{"constructor":{"prototype":{"owner_id":"x"}}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"__proto__":{"owner_id":"x"}}', 'OOS_DATA_INVALID_FILTER'],
      ['[]', 'OOS_DATA_INVALID_FILTER'],
    ]
    for (const [filter, code] of filters) {
      const { body } = await gql('alice', listQuery, { filter })
      expect([body.data, codeOf(body)], JSON.stringify(filter)).toEqual([null, code])
    }
    // `__proto__` in the JSON request body, or in a literal: refused before anything runs.
    const before = await stored()
    const inBody = await gql(
      'alice',
      '',
      undefined,
      `{"query":"mutation ($d: JSON!) { createProject(data: $d) { id } }",
        "variables":{"d":{"name":"P","__proto__":{"owner_id":"${user('bob')}"}}}}`,
    )
    expect([inBody.status, codeOf(inBody.body)]).toEqual([400, 'OOS_HTTP_BAD_REQUEST'])
    const literal = await gql(
      'alice',
      `mutation { createProject(data: { name: "P", __proto__: { owner_id: "${user('bob')}" } }) { id } }`,
    )
    expect([literal.status, codeOf(literal.body)]).toEqual([400, 'OOS_HTTP_BAD_REQUEST'])
    const bare = await gql('alice', create('Project'), { data: { name: 'P', constructor: 'x' } })
    expect(bare.body.errors?.[0]?.extensions?.errors?.[0]?.code).toBe('unknown_field')
    expect(await stored()).toEqual(before)
  })

  it('lets everyone read a public-read record but only its owner change it; public read-write is open', async () => {
    const read = await gql('alice', 'query ($id: ID!) { client(id: $id) { name } }', {
      id: id('c1'),
    })
    expect(read.body).toEqual({ data: { client: { name: 'Carol Client' } } })
    const before = await stored()
    const edit = await gql('alice', update('Client'), { id: id('c1'), data: { tier: 'bronze' } })
    expect(codeOf(edit.body)).toBe('OOS_ACCESS_RECORD_DENIED')
    expect(await stored()).toEqual(before)
    const memo = await gql(
      'alice',
      'mutation ($id: ID!) { updateMemo(id: $id, data: { text: "edited over GraphQL" }) { text } }',
      { id: id('m1') },
    )
    expect(memo.body).toEqual({ data: { updateMemo: { text: 'edited over GraphQL' } } })
  })

  it('refuses a reference to a hidden record exactly like one to a missing record', async () => {
    const before = await stored()
    const writes: [string, (project: string) => Row][] = [
      [create('Task'), (project) => ({ data: { title: 'Sneak', project } })],
      [update('Task'), (project) => ({ id: id('tA'), data: { project } })],
    ]
    for (const [mutation, variables] of writes) {
      const hidden = await gql('alice', mutation, variables(id('pB')))
      const missing = await gql('alice', mutation, variables(missingId))
      expect(hidden.body.errors?.[0]?.extensions).toMatchObject({
        code: 'OOS_DATA_VALIDATION_FAILED',
        errors: [expect.objectContaining({ field: 'project', code: 'reference' })],
      })
      expect(shapeOf(hidden.text, id('pB'))).toBe(shapeOf(missing.text, missingId))
    }
    expect(await stored()).toEqual(before)
  })
})
