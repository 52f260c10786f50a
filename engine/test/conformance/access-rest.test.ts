/**
 * The access layer attacked through REST, on every dialect: each case is a request a user could
 * send to see or change what their permission sets do not give them, and each asserts that the
 * answer carries nothing hidden and that the stored records did not change. The app, its users
 * and records are the access test app's (engine/src/data/access/testing/access-test-app.ts);
 * callers are identified by the test-only `x-test-user` header.
 */
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { useAccessApp, type UserName } from '../../src/data/access/testing/access-test-app.js'
import {
  identifyByTestHeader,
  testUserHeader,
} from '../../src/http/testing/identify-by-test-header.js'
import { httpPlugin } from '../../src/plugins/http/http-plugin.js'
import { dialects } from '../../src/testing/test-database.js'

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
type Row = Record<string, unknown>
type Write = readonly [Method, string, Row]

interface Problem {
  readonly title: string
  readonly status: number
  readonly code: string
  readonly errors?: readonly { field: string; code: string; message: string }[]
}

/** A well-formed record id that no record has. */
const missingId = '01900000-0000-7000-8000-000000000000'
const secrets = ['alpha classified', 'bravo classified', 'charlie']
const objects = ['project', 'task', 'client', 'memo', 'sys_user', 'sys_permission_assignment']
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value))

describe.each(dialects)('access through REST on %s', (dialect) => {
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

  /** A request as `as` (no header when undefined); `body` may be raw JSON text. */
  const send = (
    as: UserName | undefined,
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    server().inject({
      method,
      url: `/api/v1/data/${url}`,
      headers: {
        ...headers,
        ...(as === undefined ? {} : { [testUserHeader]: user(as) }),
        ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
      },
      ...(body === undefined ? {} : { payload: body as string }),
    })
  const names = async (as: UserName, object: string, query = '') => {
    const res = await send(
      as,
      'GET',
      `${object}?sort=${object === 'task' ? 'title' : 'name'}${query}`,
    )
    expect(res.statusCode, res.body).toBe(200)
    return res.json<{ data: Row[] }>().data.map((r) => r.name ?? r.title)
  }
  /** Every stored record of the app, read by the engine itself. */
  const stored = async () => {
    const out: Record<string, readonly Row[]> = {}
    for (const object of objects) {
      out[object] = (await fixture().app.records.find(object, { sort: ['id'], limit: 500 })).records
    }
    return out
  }
  /** A problem with every id in its text replaced, to compare two answers' shapes. */
  const shapeOf = (body: string, ...ids: string[]) =>
    ids.reduce((text, one) => text.replaceAll(one, '<id>'), body)

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
      expect(await names(name, 'project'), name).toEqual(projects)
      const counted = await send(name, 'GET', 'project?count=true&limit=1')
      expect(counted.json<{ meta: { total: number } }>().meta.total, name).toBe(projects.length)
    }
    const nora = await send('nora', 'GET', 'project')
    expect([nora.statusCode, nora.json<Problem>().code]).toEqual([403, 'OOS_ACCESS_OBJECT_DENIED'])
    for (const res of [
      await send(undefined, 'GET', 'project'),
      await send('ghost', 'GET', 'project'),
      await send(undefined, 'GET', 'project', undefined, { [testUserHeader]: missingId }),
    ]) {
      expect([res.statusCode, res.json<Problem>().code]).toEqual([
        401,
        'OOS_ACCESS_UNAUTHENTICATED',
      ])
    }
  })

  it('never answers a field the user may not read, in a list or a get', async () => {
    for (const name of ['alice', 'bob', 'boss', 'carol'] as const) {
      const list = await send(name, 'GET', 'project')
      const rows = list.json<{ data: Row[] }>().data
      expect(rows.length, name).toBeGreaterThan(0)
      const gets = await Promise.all(rows.map((r) => send(name, 'GET', `project/${String(r.id)}`)))
      for (const body of [list.body, ...gets.map((g) => g.body)]) {
        expect(body).not.toContain('"secret"')
        for (const secret of secrets) expect(body).not.toContain(secret)
      }
    }
    // The auditor's set does not hide the field: the values are there to be leaked.
    const ivan = await send('ivan', 'GET', `project/${id('pA')}`)
    expect(ivan.json<{ data: Row }>().data.secret).toBe('alpha classified')
  })

  it('answers a hidden record exactly like a missing one', async () => {
    const hidden = await send('alice', 'GET', `project/${id('pB')}`)
    const missing = await send('alice', 'GET', `project/${missingId}`)
    expect(hidden.statusCode).toBe(404)
    expect(hidden.headers['content-type']).toBe(missing.headers['content-type'])
    expect(shapeOf(hidden.body, id('pB'))).toBe(shapeOf(missing.body, missingId))
    // Bob owns it: the same request is not refused for him.
    expect((await send('bob', 'GET', `project/${id('pB')}`)).statusCode).toBe(200)
  })

  it('refuses to change or delete a hidden record as if it were missing, changing nothing', async () => {
    const before = await stored()
    const attempts: [Method, string, string, unknown, Record<string, string>?][] = [
      ['PATCH', 'project', 'pB', { name: 'Mine now' }],
      ['PATCH', 'project', 'pB', { name: 'Mine now' }, { 'if-match': '"1"' }],
      ['PATCH', 'project', 'pB', { name: 'Mine now' }, { 'if-match': '"7"' }],
      ['DELETE', 'project', 'pB', undefined],
      ['DELETE', 'task', 'tB', undefined],
    ]
    for (const [method, object, key, body, headers] of attempts) {
      const hidden = await send('alice', method, `${object}/${id(key)}`, body, headers)
      const missing = await send('alice', method, `${object}/${missingId}`, body, headers)
      expect(hidden.statusCode, `${method} ${key}`).toBe(404)
      expect(shapeOf(hidden.body, id(key))).toBe(shapeOf(missing.body, missingId))
    }
    expect(await stored()).toEqual(before)
  })

  it('fails a bulk write with a hidden entry as a whole, naming the entry', async () => {
    const before = await stored()
    const update = await send('alice', 'PATCH', 'project/bulk', {
      records: [
        { id: id('pA'), name: 'Renamed A' },
        { id: id('pB'), name: 'Renamed B' },
      ],
    })
    expect([update.statusCode, update.json<Problem>().code]).toEqual([404, 'OOS_DATA_NOT_FOUND'])
    expect(update.json<Problem>().title).toMatch(/^records\[1\]: /)
    const remove = await send('alice', 'DELETE', 'task/bulk', { ids: [id('tA'), id('tB')] })
    expect([remove.statusCode, remove.json<Problem>().code]).toEqual([404, 'OOS_DATA_NOT_FOUND'])
    expect(remove.json<Problem>().title).toMatch(/^ids\[1\]: /)
    const create = await send('alice', 'POST', 'project/bulk', {
      records: [{ name: 'Fine' }, { name: 'Given away', owner_id: user('bob') }],
    })
    expect([create.statusCode, create.json<Problem>().code]).toEqual([
      403,
      'OOS_ACCESS_OWNER_DENIED',
    ])
    expect(create.json<Problem>().title).toMatch(/^records\[1\]: /)
    expect(await stored()).toEqual(before)
  })

  it('refuses to filter, search, sort, select, group or aggregate on a hidden field', async () => {
    const aggregate = (body: unknown) => ['POST', 'project/aggregate', body] as const
    const attempts: (readonly [Method, string, unknown?])[] = [
      ['GET', `project?filter=${q({ secret: { $contains: 'alpha' } })}`],
      ['GET', `project?filter=${q({ $or: [{ name: 'x' }, { secret: { $ne: null } }] })}`],
      ['GET', `project?filter=${q({ $not: { secret: null } })}`],
      ['POST', 'project/query', { filter: { secret: { $startsWith: 'a' } } }],
      ['POST', 'project/query', { sort: ['secret'] }],
      ['GET', 'project?sort=-secret'],
      ['GET', 'project?fields=name,secret'],
      ['GET', `project/${id('pA')}?fields=secret`],
      aggregate({ groupBy: ['secret'], aggregates: { n: { fn: 'count' } } }),
      aggregate({ aggregates: { top: { fn: 'max', field: 'secret' } } }),
      aggregate({ aggregates: { n: { fn: 'count', field: 'secret' } } }),
      aggregate({ filter: { secret: 'charlie' }, aggregates: { n: { fn: 'count' } } }),
      ['GET', `task?filter=${q({ 'project.secret': 'alpha classified' })}`],
      [
        'POST',
        'task/aggregate',
        { groupBy: ['project.secret'], aggregates: { n: { fn: 'count' } } },
      ],
    ]
    for (const [method, url, body] of attempts) {
      const res = await send('alice', method, url, body)
      expect([res.statusCode, res.json<Problem>().code], url).toEqual([
        403,
        'OOS_ACCESS_FIELD_DENIED',
      ])
      expect(res.json<Problem>().title).toContain('"secret"')
    }
    // A search looks only in the fields the user may read.
    expect(await names('alice', 'project', '&search=classified')).toEqual([])
    expect(await names('ivan', 'project', '&search=classified')).toEqual(['Project A', 'Project B'])
  })

  it('does not let a filter, an aggregate or an expansion through a lookup reach a hidden record', async () => {
    const probe = `&filter=${q({ 'project.name': 'Project B' })}`
    expect(await names('alice', 'task', probe)).toEqual([])
    expect(await names('bob', 'task', probe)).toEqual(['Task in B'])
    const grouped = await send('alice', 'POST', 'task/aggregate', {
      groupBy: ['project.name'],
      aggregates: { n: { fn: 'count' } },
    })
    expect(grouped.json<{ data: Row[] }>().data).toEqual([
      { 'project.name': 'Project A', n: 1 },
      { 'project.name': null, n: 1 },
    ])
    const expanded = await send('alice', 'GET', 'task?sort=title&expand=project')
    const tasks = expanded.json<{ data: { title: string; project: Row | null }[] }>().data
    expect(tasks.map((t) => [t.title, t.project?.name ?? null])).toEqual([
      ['Alice in B', null],
      ['Task in A', 'Project A'],
    ])
    expect(expanded.body).not.toContain('"secret"')
    // Bob reads his project, but not Alice's task in it.
    const children = await send('bob', 'GET', `project/${id('pB')}?expand=task`)
    const { task } = children.json<{ data: { task: { title: string }[] } }>().data
    expect(task.map((t) => t.title)).toEqual(['Task in B'])
  })

  it('refuses mass assignment of the owner, read-only, hidden and system fields', async () => {
    const before = await stored()
    const bob = user('bob')
    const post = (body: Row): Write => ['POST', 'project', body]
    const patch = (body: Row): Write => ['PATCH', `project/${id('pA')}`, body]
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
        ['POST', 'sys_permission_assignment', { assignee: user('alice'), permission_set: 'chief' }],
        'OOS_ACCESS_OBJECT_DENIED',
      ],
    ]
    for (const [[method, url, body], code, field] of denied) {
      const res = await send('alice', method, url, body)
      const problem = res.json<Problem>()
      expect([res.statusCode, problem.code], JSON.stringify(body)).toEqual([403, code])
      if (field !== undefined) expect(problem.title).toContain(`"${field}"`)
    }
    // System fields are the record rules' to refuse (422, the field marked read-only).
    const system: [Write, string][] = [
      [post({ name: 'N', version: 9 }), 'version'],
      [post({ name: 'N', created_by: bob }), 'created_by'],
      [post({ name: 'N', id: missingId }), 'id'],
      [patch({ version: 99 }), 'version'],
      [patch({ updated_by: bob }), 'updated_by'],
      [patch({ id: id('pB') }), 'id'],
    ]
    for (const [[method, url, body], field] of system) {
      const res = await send('alice', method, url, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(422)
      expect(res.json<Problem>().errors).toEqual([
        expect.objectContaining({ field, code: 'readonly' }),
      ])
    }
    const admin = await send('alice', 'PATCH', `sys_user/${user('alice')}`, { is_admin: true })
    expect([admin.statusCode, admin.json<Problem>().code]).toEqual([404, 'OOS_DATA_NOT_FOUND'])
    expect(await stored()).toEqual(before)
  })

  it('refuses filters that are not plain conditions, and prototype keys anywhere, with 400', async () => {
    const filters: [string, string][] = [
      ['{"name":{"$eq":{"$ne":null}}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"owner_id":["x"]}', 'OOS_DATA_INVALID_FILTER'],
      ['{"owner_id":{"$in":[{"$ne":null}]}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"$or":{"name":"Project B"}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"name":{}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"name":{"$regex":".*"}}', 'OOS_DATA_UNKNOWN_OPERATOR'],
      ['{"$where":"1 = 1"}', 'OOS_DATA_UNKNOWN_OPERATOR'],
      ['{"__proto__":{"owner_id":"x"}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"constructor":{"prototype":{"owner_id":"x"}}}', 'OOS_DATA_INVALID_FILTER'],
      ['{"name":{"__proto__":{"$ne":null}}}', 'OOS_DATA_INVALID_FILTER'],
    ]
    for (const [filter, code] of filters) {
      const res = await send('alice', 'GET', `project?filter=${encodeURIComponent(filter)}`)
      expect([res.statusCode, res.json<Problem>().code], filter).toEqual([400, code])
      expect(res.json<Row>()).not.toHaveProperty('data')
      // The same filter in a JSON body: prototype keys are refused before any route runs.
      const posted = await send('alice', 'POST', 'project/query', `{"filter":${filter}}`)
      const expected = filter.includes('__proto__') || filter.includes('"prototype"')
      expect([posted.statusCode, posted.json<Problem>().code], filter).toEqual([
        400,
        expected ? 'OOS_HTTP_BAD_REQUEST' : code,
      ])
    }
    const before = await stored()
    for (const [method, url] of [
      ['POST', 'project'],
      ['PATCH', `project/${id('pA')}`],
    ] as const) {
      for (const body of [
        `{"name":"P","__proto__":{"owner_id":"${user('bob')}"}}`,
        `{"name":"P","constructor":{"prototype":{"owner_id":"${user('bob')}"}}}`,
      ]) {
        const res = await send('alice', method, url, body)
        expect([res.statusCode, res.json<Problem>().code], body).toEqual([
          400,
          'OOS_HTTP_BAD_REQUEST',
        ])
      }
      // A bare `constructor` key is just an unknown field.
      const res = await send('alice', method, url, { name: 'P', constructor: 'x' })
      expect([res.statusCode, res.json<Problem>().errors?.[0]?.code]).toEqual([
        422,
        'unknown_field',
      ])
    }
    expect(await stored()).toEqual(before)
  })

  it('lets everyone read a public-read record but only its owner change it; public read-write is open', async () => {
    const read = await send('alice', 'GET', `client/${id('c1')}`)
    expect([read.statusCode, read.json<{ data: Row }>().data.name]).toEqual([200, 'Carol Client'])
    const before = await stored()
    const edit = await send('alice', 'PATCH', `client/${id('c1')}`, { tier: 'bronze' })
    expect([edit.statusCode, edit.json<Problem>().code]).toEqual([403, 'OOS_ACCESS_RECORD_DENIED'])
    expect(await stored()).toEqual(before)
    const memo = await send('alice', 'PATCH', `memo/${id('m1')}`, { text: 'edited over REST' })
    expect([memo.statusCode, memo.json<{ data: Row }>().data.text]).toEqual([
      200,
      'edited over REST',
    ])
  })

  it('refuses a reference to a hidden record exactly like one to a missing record', async () => {
    const before = await stored()
    const writes: [Method, string, (project: string) => Row][] = [
      ['POST', 'task', (project) => ({ title: 'Sneak', project })],
      ['PATCH', `task/${id('tA')}`, (project) => ({ project })],
    ]
    for (const [method, url, body] of writes) {
      const hidden = await send('alice', method, url, body(id('pB')))
      const missing = await send('alice', method, url, body(missingId))
      expect(hidden.statusCode).toBe(422)
      expect(hidden.json<Problem>().errors).toEqual([
        expect.objectContaining({ field: 'project', code: 'reference' }),
      ])
      expect(shapeOf(hidden.body, id('pB'))).toBe(shapeOf(missing.body, missingId))
    }
    expect(await stored()).toEqual(before)
  })

  it('keeps a record Alice may save savable when it points at a project she cannot see', async () => {
    // Alice reads her task in Bob's project and sends it back with a new title, as a form would.
    const read = await send('alice', 'GET', `task/${id('tAB')}`)
    const { data } = read.json<{ data: Row }>()
    const saved = await send('alice', 'PATCH', `task/${id('tAB')}`, {
      ...data,
      title: 'Alice in B',
    })
    expect(saved.statusCode, saved.body).toBe(200)
  })

  it('replays an Idempotency-Key answer only to the user who made it', async () => {
    const headers = { 'idempotency-key': 'access-suite-create-1' }
    const body = { name: 'Keyed by Alice' }
    const first = await send('alice', 'POST', 'project', body, headers)
    expect(first.statusCode).toBe(201)
    const created = first.json<{ data: Row }>().data
    try {
      // Nora may not create (or read) projects; Bob may not read Alice's.
      const nora = await send('nora', 'POST', 'project', body, headers)
      expect(nora.body).not.toContain(String(created.id))
      expect([nora.statusCode, nora.json<Problem>().code]).toEqual([
        403,
        'OOS_ACCESS_OBJECT_DENIED',
      ])
      const bob = await send('bob', 'POST', 'project', body, headers)
      expect(bob.body).not.toContain(String(created.id))
    } finally {
      for (const row of (await stored()).project ?? []) {
        if (row.name === body.name) await fixture().app.records.delete('project', String(row.id))
      }
    }
  })
})
