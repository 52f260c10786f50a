import type { FastifyRequest } from 'fastify'
import { describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { authenticate } from './authenticate.js'
import { newEmail, useAuthServer, type AuthServer } from './testing/auth-server.js'

const password = 'correct horse battery staple'

/** A request to the served app with these headers, as a route handler would see it. */
function requestTo(served: AuthServer, headers: Record<string, string>): FastifyRequest {
  return { headers, server: served.server } as unknown as FastifyRequest
}

describe.each(dialects)('authenticate() and API keys on %s', (dialect) => {
  const served = useAuthServer(dialect)

  async function userWithKey(address: string, body: Record<string, unknown> = { name: 'ci' }) {
    const email = newEmail('integrator')
    const cookie = await served().signUp(email, password, address)
    const created = await served().post('/api-key/create', body, { cookie })
    expect(created.statusCode).toBe(200)
    const key = created.json<{ id: string; key: string; start: string }>()
    const user = await served().identity.findUserByEmail(email)
    return { cookie, key, userId: user?.id ?? '' }
  }

  it('knows a session cookie, and nobody without one or with a made-up one', async () => {
    const email = newEmail()
    const cookie = await served().signUp(email, password, '127.0.0.20')
    const user = await served().identity.findUserByEmail(email)
    expect(await authenticate(requestTo(served(), { cookie }))).toEqual({
      userId: user?.id,
      via: 'session',
    })
    expect(await authenticate(requestTo(served(), {}))).toBeUndefined()
    const forged = 'better-auth.session_token=forged.c2lnbmF0dXJl'
    expect(await authenticate(requestTo(served(), { cookie: forged }))).toBeUndefined()
  })

  it('creates a key shown once, stored hashed, listed by its start only, and usable as Bearer', async () => {
    const { cookie, key, userId } = await userWithKey('127.0.0.21')
    expect(key.key).toMatch(/^oos_[A-Za-z0-9_-]{43}$/)
    expect(key.key.startsWith(key.start)).toBe(true)

    const list = await served().get('/api-key/list', { cookie })
    expect(list.json()).toEqual([
      expect.objectContaining({ id: key.id, name: 'ci', start: key.start }),
    ])
    expect(list.body).not.toContain(key.key)
    const rows = await served().app.db.knex('objectos_auth_api_key').select()
    expect(JSON.stringify(rows)).not.toContain(key.key)

    const bearer = { authorization: `Bearer ${key.key}` }
    expect(await authenticate(requestTo(served(), bearer))).toEqual({ userId, via: 'api_key' })
    // A wrong key is nobody, and does not fall back to the cookie.
    const wrong = { authorization: `Bearer ${key.key.slice(0, -2)}xx`, cookie }
    expect(await authenticate(requestTo(served(), wrong))).toBeUndefined()
  })

  it('authenticates nobody with a revoked key; only its owner can revoke it', async () => {
    const owner = await userWithKey('127.0.0.22')
    const other = await userWithKey('127.0.0.22')
    const theirs = await served().post(
      '/api-key/revoke',
      { id: owner.key.id },
      { cookie: other.cookie },
    )
    expect(theirs.statusCode).toBe(404)
    expect(theirs.json()).toMatchObject({ code: 'OOS_AUTH_NOT_FOUND' })
    const bearer = { authorization: `Bearer ${owner.key.key}` }
    expect(await authenticate(requestTo(served(), bearer))).toMatchObject({ via: 'api_key' })

    const revoked = await served().post(
      '/api-key/revoke',
      { id: owner.key.id },
      { cookie: owner.cookie },
    )
    expect(revoked.statusCode).toBe(200)
    expect(await authenticate(requestTo(served(), bearer))).toBeUndefined()
  })

  it('authenticates nobody with an expired key', async () => {
    const { key } = await userWithKey('127.0.0.23', { name: 'short-lived', expiresIn: 60 })
    const bearer = { authorization: `Bearer ${key.key}` }
    expect(await authenticate(requestTo(served(), bearer))).toMatchObject({ via: 'api_key' })
    await served()
      .app.db.knex('objectos_auth_api_key')
      .where({ id: key.id })
      .update({ expires_at: new Date(Date.now() - 1000).toISOString() })
    expect(await authenticate(requestTo(served(), bearer))).toBeUndefined()
  })

  it('authenticates nobody as an inactive user, by key or by session', async () => {
    const { cookie, key, userId } = await userWithKey('127.0.0.24')
    await served().app.db.knex('sys_user').where({ id: userId }).update({ active: false })
    expect(await authenticate(requestTo(served(), { cookie }))).toBeUndefined()
    const bearer = { authorization: `Bearer ${key.key}` }
    expect(await authenticate(requestTo(served(), bearer))).toBeUndefined()
  })

  it('needs a session to create a key', async () => {
    const res = await served().post('/api-key/create', { name: 'anonymous' })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'OOS_AUTH_SESSION_REQUIRED' })
  })
})
