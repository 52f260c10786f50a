import type { DBAdapter } from 'better-auth'
import { getAuthTables } from 'better-auth/db'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRegistryHolder } from '../../registry/registry-holder.js'
import { createHookBus } from '../../runtime/hook-bus.js'
import { dialects } from '../../testing/test-database.js'
import { useTestApp } from '../../testing/test-app.js'
import { authOptions } from '../auth-options.js'
import { ensureAuthTables } from '../auth-tables.js'
import { ensureIdentityTables } from '../create-identity.js'
import { throttleSettings } from '../throttle-settings.js'

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe.each(dialects)('the knex adapter on %s', (dialect) => {
  const app = useTestApp(dialect, {})
  let adapter: DBAdapter

  beforeAll(async () => {
    const registry = createRegistryHolder(app().registry, createHookBus())
    const options = authOptions({
      db: app().db,
      secret: 'x'.repeat(40),
      registry,
      throttle: throttleSettings(),
      secureCookies: false,
      signUp: true,
    })
    await ensureIdentityTables(app().db, options, app().registry)
    adapter = options.database(options)
  })

  const newUser = (email: string, name = 'Ann') =>
    adapter.create<Record<string, unknown>, { id: string; createdAt: Date; updatedAt: Date }>({
      model: 'user',
      data: { email, name, emailVerified: false, createdAt: new Date(), updatedAt: new Date() },
    })

  it('writes users into sys_user as the engine writes records', async () => {
    const user = await newUser('ann@example.com')
    expect(user.id).toMatch(uuidV7)
    expect(user.createdAt).toBeInstanceOf(Date)
    const [row] = await app().rows('sys_user')
    expect(row).toMatchObject({
      id: user.id,
      owner_id: user.id,
      version: 1,
      email: 'ann@example.com',
      email_verified: false,
      is_admin: false,
      active: true,
      created_at: user.createdAt.toISOString(),
    })
    const found = await adapter.findOne<{ emailVerified: boolean; isAdmin: boolean }>({
      model: 'user',
      where: [{ field: 'email', value: 'ann@example.com' }],
    })
    expect(found).toMatchObject({ id: user.id, emailVerified: false, isAdmin: false, active: true })
  })

  it('keeps user fields sys_user has no column for in the side table, and reads them back', async () => {
    const user = await newUser('twofactor@example.com')
    const read = () =>
      adapter.findOne<{ twoFactorEnabled: boolean | null }>({
        model: 'user',
        where: [{ field: 'id', value: user.id }],
      })
    expect((await read())?.twoFactorEnabled).toBe(false)
    await adapter.update({
      model: 'user',
      where: [{ field: 'id', value: user.id }],
      update: { twoFactorEnabled: true },
    })
    expect((await read())?.twoFactorEnabled).toBe(true)
    const state = await app().db.knex('objectos_auth_user_state').where({ user_id: user.id })
    expect(state).toHaveLength(1)
    expect(await app().db.knex.schema.hasColumn('sys_user', 'two_factor_enabled')).toBe(false)
    await adapter.delete({ model: 'user', where: [{ field: 'id', value: user.id }] })
    expect(await read()).toBeNull()
    expect(await app().db.knex('objectos_auth_user_state').where({ user_id: user.id })).toEqual([])
  })

  it('bumps the version of a user on every update, as record writes do', async () => {
    const user = await newUser('bump@example.com')
    const updated = await adapter.update<{ name: string; updatedAt: Date }>({
      model: 'user',
      where: [{ field: 'id', value: user.id }],
      update: { name: 'Renamed' },
    })
    expect(updated?.name).toBe('Renamed')
    await adapter.updateMany({
      model: 'user',
      where: [{ field: 'id', value: user.id }],
      update: { emailVerified: true },
    })
    const record = (await app().rows('sys_user')).find((r) => r.id === user.id)
    expect(record).toMatchObject({ version: 3, name: 'Renamed', email_verified: true })
    expect(Date.parse(String(record?.updated_at))).toBeGreaterThanOrEqual(user.updatedAt.getTime())
  })

  describe('where clauses', () => {
    const identifiers = ['a%b', 'a_b', 'ABC', 'abc', 'xyz', 'Zed']
    beforeAll(async () => {
      for (const [i, identifier] of identifiers.entries()) {
        await adapter.create({
          model: 'verification',
          data: {
            identifier,
            value: String(i),
            expiresAt: new Date(Date.UTC(2030, 0, 1 + i)),
            createdAt: new Date(),
            updatedAt: new Date(),
          },
        })
      }
    })

    type Op = 'eq' | 'ne' | 'in' | 'not_in' | 'contains' | 'starts_with' | 'ends_with'
    const find = async (
      where: {
        field: string
        value: unknown
        operator?: Op | 'lt' | 'gte'
        connector?: 'AND' | 'OR'
        mode?: 'insensitive'
      }[],
    ) => {
      const rows = await adapter.findMany<{ identifier: string }>({
        model: 'verification',
        where: where as never,
        sortBy: { field: 'identifier', direction: 'asc' },
      })
      return rows.map((r) => r.identifier)
    }

    it.each([
      ['eq', 'abc', ['abc']],
      ['ne', 'abc', ['ABC', 'Zed', 'a%b', 'a_b', 'xyz']],
      ['in', ['abc', 'xyz', 'none'], ['abc', 'xyz']],
      ['in', [], []],
      ['not_in', ['abc', 'xyz'], ['ABC', 'Zed', 'a%b', 'a_b']],
      ['contains', '%', ['a%b']],
      ['contains', 'b', ['a%b', 'a_b', 'abc']],
      ['starts_with', 'a_', ['a_b']],
      ['ends_with', 'C', ['ABC']],
    ] as const)('%s %j', async (operator, value, expected) => {
      expect(await find([{ field: 'identifier', operator, value }])).toEqual(expected)
    })

    it('compares case-insensitively when asked', async () => {
      const mode = 'insensitive' as const
      expect(await find([{ field: 'identifier', value: 'abc', mode }])).toEqual(['ABC', 'abc'])
      expect(
        await find([{ field: 'identifier', operator: 'starts_with', value: 'z', mode }]),
      ).toEqual(['Zed'])
      expect(await find([{ field: 'identifier', operator: 'in', value: ['XYZ'], mode }])).toEqual([
        'xyz',
      ])
    })

    it('joins AND conditions with the OR group', async () => {
      const rows = await find([
        { field: 'identifier', operator: 'starts_with', value: 'a' },
        { field: 'value', value: '3', connector: 'OR' },
        { field: 'value', value: '0', connector: 'OR' },
      ])
      expect(rows).toEqual(['a%b', 'abc'])
    })

    it('compares dates and sorts, limits and offsets', async () => {
      const before = await find([
        { field: 'expiresAt', operator: 'lt', value: new Date(Date.UTC(2030, 0, 3)) },
      ])
      expect(before).toEqual(['a%b', 'a_b'])
      const page = await adapter.findMany<{ identifier: string }>({
        model: 'verification',
        sortBy: { field: 'expiresAt', direction: 'desc' },
        limit: 2,
        offset: 1,
      })
      expect(page.map((r) => r.identifier)).toEqual(['xyz', 'abc'])
      expect(await adapter.count({ model: 'verification' })).toBe(6)
      expect(
        await adapter.count({
          model: 'verification',
          where: [{ field: 'identifier', operator: 'contains', value: 'b' }],
        }),
      ).toBe(3)
    })
  })

  it('consumes exactly one row once, and increments only while the guard holds', async () => {
    const data = (identifier: string) => ({
      identifier,
      value: 'v',
      expiresAt: new Date(),
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    await adapter.create({ model: 'verification', data: data('once') })
    await adapter.create({ model: 'verification', data: data('once') })
    const where = [{ field: 'identifier', value: 'once' }]
    const [first, second, third] = await Promise.all([
      adapter.consumeOne({ model: 'verification', where }),
      adapter.consumeOne({ model: 'verification', where }),
      adapter.consumeOne({ model: 'verification', where }),
    ])
    expect([first, second, third].filter((row) => row !== null)).toHaveLength(2)
    expect(await adapter.count({ model: 'verification', where })).toBe(0)

    await adapter.create({ model: 'rateLimit', data: { key: 'k', count: 1, lastRequest: 10 } })
    const guard = [
      { field: 'key', value: 'k' },
      { field: 'count', operator: 'lt' as const, value: 2 },
    ]
    const bumped = await adapter.incrementOne<{ count: number; lastRequest: number }>({
      model: 'rateLimit',
      where: guard,
      increment: { count: 1 },
      set: { lastRequest: 20 },
    })
    expect(bumped).toMatchObject({ count: 2, lastRequest: 20 })
    expect(
      await adapter.incrementOne({ model: 'rateLimit', where: guard, increment: { count: 1 } }),
    ).toBeNull()
  })

  it('deletes one or many rows', async () => {
    const session = (token: string, userId: string) => ({
      token,
      userId,
      expiresAt: new Date(),
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    const user = await newUser('sessions@example.com')
    for (const token of ['t1', 't2', 't3']) {
      await adapter.create({ model: 'session', data: session(token, user.id) })
    }
    await adapter.delete({ model: 'session', where: [{ field: 'token', value: 't1' }] })
    const byUser = [{ field: 'userId', value: user.id }]
    expect(await adapter.count({ model: 'session', where: byUser })).toBe(2)
    expect(await adapter.deleteMany({ model: 'session', where: byUser })).toBe(2)
  })

  it('creates the organization tables with snake-case columns, and the active organization', async () => {
    const { knex } = app().db
    const columns = async (table: string) => Object.keys(await knex(table).columnInfo()).sort()
    expect(await columns('objectos_auth_organization')).toEqual(
      ['created_at', 'id', 'logo', 'metadata', 'name', 'slug'].sort(),
    )
    expect(await columns('objectos_auth_member')).toEqual(
      ['created_at', 'id', 'organization_id', 'role', 'user_id'].sort(),
    )
    expect(await columns('objectos_auth_invitation')).toEqual(
      [
        'created_at',
        'email',
        'expires_at',
        'id',
        'inviter_id',
        'organization_id',
        'role',
        'status',
      ].sort(),
    )
    expect(await knex.schema.hasColumn('objectos_auth_session', 'active_organization_id')).toBe(
      true,
    )
    const organization = await adapter.create<Record<string, unknown>, { id: string }>({
      model: 'organization',
      data: { name: 'Acme', slug: 'acme', createdAt: new Date() },
    })
    const user = await newUser('member@example.com')
    await adapter.create({
      model: 'member',
      data: {
        organizationId: organization.id,
        userId: user.id,
        role: 'owner',
        createdAt: new Date(),
      },
    })
    expect(await knex('objectos_auth_member').where({ user_id: user.id })).toEqual([
      expect.objectContaining({ organization_id: organization.id, role: 'owner' }),
    ])
  })

  it('creates the auth tables once, and adds a column a later version needs', async () => {
    const { db, registry } = app()
    const holder = createRegistryHolder(registry, createHookBus())
    const options = authOptions({
      db,
      secret: 'x'.repeat(40),
      registry: holder,
      throttle: throttleSettings(),
      secureCookies: false,
      signUp: true,
    })
    const tables = getAuthTables(options)
    await ensureAuthTables(db, tables, new Set(['sys_user']))
    expect(await db.knex.schema.hasTable('objectos_auth_session')).toBe(true)
    expect(await db.knex.schema.hasTable('user')).toBe(false)
    const verification = tables.verification
    if (verification === undefined) throw new Error('no verification model')
    const grown = {
      ...tables,
      verification: {
        ...verification,
        fields: {
          ...verification.fields,
          attempts: { type: 'number' as const, fieldName: 'attempts' },
        },
      },
    }
    await ensureAuthTables(db, grown, new Set(['sys_user']))
    expect(await db.knex.schema.hasColumn('objectos_auth_verification', 'attempts')).toBe(true)
  })
})
