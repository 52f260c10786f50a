import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { useAccessApp, type UserName } from '../../data/access/testing/access-test-app.js'
import { httpPlugin } from '../../plugins/http/http-plugin.js'
import { dialects } from '../../testing/test-database.js'
import { viewAsHeader } from '../request-principal.js'
import { identifyByTestHeader, testUserHeader } from '../testing/identify-by-test-header.js'

interface Verdict {
  readonly allowed: boolean
  readonly because: readonly string[]
}

describe.each(dialects)('access explain and view-as on %s', (dialect) => {
  const fixture = useAccessApp(dialect, [
    httpPlugin({ identify: identifyByTestHeader(() => fixture().app.db) }),
  ])
  const server = () => fixture().app.kernel.services.get<FastifyInstance>('http')
  const get = (as: UserName, url: string, headers: Record<string, string> = {}) =>
    server().inject({ url, headers: { [testUserHeader]: fixture().userIds[as], ...headers } })
  const explain = (as: UserName, params: Record<string, string>) =>
    get(as, `/api/v1/access/explain?${new URLSearchParams(params).toString()}`)

  it('tells an administrator why a user may read but not edit a record, field by field', async () => {
    const res = await explain('ada', {
      object: 'client',
      id: fixture().ids.c1 as string,
      user: 'alice@example.com',
    })
    expect(res.statusCode).toBe(200)
    const { data } = res.json<{
      data: {
        user: { id: string; permissionSets: string[]; active: boolean }
        object: { read: boolean; editReach: string; grants: { permissionSet: string }[] }
        record: { read: Verdict; edit: Verdict }
        fields: { name: string; read: Verdict; edit: Verdict }[]
      }
    }>()
    expect(data.user).toMatchObject({
      id: fixture().userIds.alice,
      // Every signed-in user holds the platform's default set too.
      permissionSets: ['member', 'sys_record_sharing'],
      // What `current_user.organizations` and `.activeOrganization` see: alice is in none.
      organizations: [],
      activeOrganization: null,
      active: true,
    })
    expect(data.object).toMatchObject({ read: true, editReach: 'own_and_reports' })
    expect(data.object.grants.map((g) => g.permissionSet)).toEqual(['member'])
    expect(data.record.read.allowed).toBe(true)
    expect(data.record.edit).toEqual({
      allowed: false,
      because: [
        "the user's sets let them edit records they or their reports own",
        `its owner is ${fixture().userIds.carol}`,
      ],
    })
    const secretOfProject = await explain('ada', { object: 'project', user: 'alice@example.com' })
    const secret = secretOfProject
      .json<{ data: { fields: { name: string; read: Verdict }[] } }>()
      .data.fields.find((f) => f.name === 'secret')
    expect(secret?.read).toEqual({
      allowed: false,
      because: ['member says secret is not readable'],
    })
  })

  it('is for administrators only, and names what it cannot find', async () => {
    const params = { object: 'project', user: 'alice@example.com' }
    expect((await explain('boss', params)).json()).toMatchObject({
      status: 403,
      code: 'OOS_ACCESS_ADMIN_REQUIRED',
    })
    expect(
      (await explain('ada', { object: 'project', user: 'nobody@example.com' })).statusCode,
    ).toBe(404)
    expect((await explain('ada', { object: 'project' })).json()).toMatchObject({
      status: 400,
      code: 'OOS_DATA_INVALID_QUERY',
    })
    expect((await explain('ada', { ...params, id: 'missing' })).statusCode).toBe(404)
  })

  it('lets an administrator see the data exactly as a user does, and nothing more', async () => {
    const asAlice = { [viewAsHeader]: fixture().userIds.alice }
    const list = await get('ada', '/api/v1/data/project?sort=name', asAlice)
    expect(list.statusCode, list.body).toBe(200)
    const records = list.json<{ data: Record<string, unknown>[] }>().data
    expect(records.map((r) => r.name)).toEqual(['Project A'])
    expect(records[0]).not.toHaveProperty('secret')
    const write = await server().inject({
      method: 'PATCH',
      url: `/api/v1/data/project/${fixture().ids.pA as string}`,
      headers: { [testUserHeader]: fixture().userIds.ada, ...asAlice },
      payload: { name: 'Changed while viewing' },
    })
    expect(write.json()).toMatchObject({ status: 403, code: 'OOS_ACCESS_VIEW_ONLY' })
    // Only an administrator may view as someone else.
    const bossAsAlice = await get('boss', '/api/v1/data/project', asAlice)
    expect(bossAsAlice.json()).toMatchObject({ status: 403, code: 'OOS_ACCESS_ADMIN_REQUIRED' })
    const ghost = await get('ada', '/api/v1/data/project', {
      [viewAsHeader]: fixture().userIds.ghost,
    })
    expect(ghost.statusCode).toBe(404)
  })
})
