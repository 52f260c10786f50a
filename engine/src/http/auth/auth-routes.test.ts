import { describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { authRoutes } from './auth-route-table.js'
import { cookiesOf, newEmail, useAuthServer } from './testing/auth-server.js'

const password = 'correct horse battery staple'

describe.each(dialects)('the auth routes on %s', (dialect) => {
  const served = useAuthServer(dialect)

  it('signs up, signs in and out through HTTP, and the session follows', async () => {
    const email = newEmail('ann')
    const signUp = await served().post(
      '/sign-up/email',
      { email, password, name: 'Ann' },
      { address: '127.0.0.10' },
    )
    expect(signUp.statusCode).toBe(200)
    expect(signUp.json()).toMatchObject({ user: { email, name: 'Ann', emailVerified: false } })

    const signIn = await served().post(
      '/sign-in/email',
      { email, password },
      { address: '127.0.0.10' },
    )
    expect(signIn.statusCode).toBe(200)
    const cookie = cookiesOf(signIn)
    expect(cookie).toMatch(/^better-auth\.session_token=/)

    const session = await served().get('/get-session', { cookie })
    expect(session.json()).toMatchObject({ user: { email, isAdmin: false, active: true } })

    const out = await served().post('/sign-out', {}, { cookie })
    expect(out.statusCode).toBe(200)
    // The cookie is cleared, and the old value no longer opens a session.
    expect(String(out.headers['set-cookie'])).toMatch(/better-auth\.session_token=;.*Max-Age=0/)
    const after = await served().get('/get-session', { cookie })
    expect(after.json()).toBeNull()
  })

  it('sets the session cookie httpOnly, SameSite=Lax, path /, not Secure over plain http', async () => {
    const email = newEmail()
    await served().signUp(email, password, '127.0.0.11')
    const res = await served().post(
      '/sign-in/email',
      { email, password },
      { address: '127.0.0.11' },
    )
    const line = [res.headers['set-cookie']].flat().find((c) => c?.includes('session_token'))
    expect(line).toBeDefined()
    expect(line).toMatch(/; HttpOnly/i)
    expect(line).toMatch(/; SameSite=Lax/i)
    expect(line).toMatch(/; Path=\//i)
    expect(line).not.toMatch(/; Secure/i)
  })

  it('answers a wrong password and an unknown email alike: 401, same code, same title', async () => {
    const email = newEmail()
    await served().signUp(email, password, '127.0.0.12')
    const wrong = await served().post(
      '/sign-in/email',
      { email, password: 'not the password at all' },
      { address: '127.0.0.12' },
    )
    const unknown = await served().post(
      '/sign-in/email',
      { email: newEmail('nobody'), password },
      { address: '127.0.0.12' },
    )
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(res.headers['set-cookie']).toBeUndefined()
    }
    expect(wrong.json()).toEqual(unknown.json())
    expect(wrong.json()).toMatchObject({ code: 'OOS_AUTH_INVALID_CREDENTIALS', status: 401 })
  })

  it('does not honour a session id set by the client, and gives every sign-in a new session', async () => {
    const email = newEmail()
    const planted = 'better-auth.session_token=attacker-chosen-value.c2lnbmF0dXJl'
    expect((await served().get('/get-session', { cookie: planted })).json()).toBeNull()
    await served().signUp(email, password, '127.0.0.13')
    // A victim signs in with a cookie the attacker planted: their own valid session, even.
    const attacker = newEmail('mallory')
    const attackerCookie = await served().signUp(attacker, password, '127.0.0.13')
    const signIn = await served().post(
      '/sign-in/email',
      { email, password },
      { cookie: attackerCookie, address: '127.0.0.13' },
    )
    expect(signIn.statusCode).toBe(200)
    const issued = cookiesOf(signIn)
    expect(issued).not.toBe(attackerCookie)
    expect((await served().get('/get-session', { cookie: issued })).json()).toMatchObject({
      user: { email },
    })
    // The planted cookie still belongs to the attacker's session, not to the victim.
    expect((await served().get('/get-session', { cookie: attackerCookie })).json()).toMatchObject({
      user: { email: attacker },
    })
    const again = cookiesOf(
      await served().post('/sign-in/email', { email, password }, { address: '127.0.0.13' }),
    )
    expect(again).not.toBe(issued)
  })

  it('refuses passwords shorter than 12 characters and never lets sign-up set admin fields', async () => {
    const short = await served().post(
      '/sign-up/email',
      { email: newEmail(), password: 'elevenchars', name: 'Short' },
      { address: '127.0.0.14' },
    )
    expect(short.statusCode).toBe(400)
    expect(short.json()).toMatchObject({
      code: 'OOS_AUTH_BAD_REQUEST',
      reason: 'PASSWORD_TOO_SHORT',
    })

    const email = newEmail('sneaky')
    const sneaky = await served().post(
      '/sign-up/email',
      { email, password, name: 'Sneaky', isAdmin: true, is_admin: true, active: true },
      { address: '127.0.0.14' },
    )
    expect(sneaky.statusCode).toBe(400)
    expect(await served().identity.findUserByEmail(email)).toBeUndefined()
    const cookie = await served().signUp(email, password, '127.0.0.14')
    const update = await served().post('/update-user', { isAdmin: true, active: true }, { cookie })
    expect(update.statusCode).toBe(400)
    expect((await served().identity.findUserByEmail(email))?.isAdmin).toBe(false)
  })

  it('stores users in sys_user with the engine columns, and passwords only hashed, elsewhere', async () => {
    const email = newEmail('cols')
    await served().signUp(email, password, '127.0.0.15')
    const { knex } = served().app.db
    const user = (await knex('sys_user').where({ email }).first()) as Record<string, unknown>
    expect(user).toMatchObject({ version: 1, owner_id: user.id, name: 'Test' })
    expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const record = await served().app.records.get('sys_user', String(user.id))
    expect(record).toMatchObject({ is_admin: false, active: true, email_verified: false })
    expect(JSON.stringify(user)).not.toContain(password)
    const account = (await knex('objectos_auth_account').where({ user_id: user.id }).first()) as {
      password: string
    }
    expect(account.password).not.toContain(password)
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/)
  })

  it('refuses a cookie-carrying request from a foreign origin (CSRF)', async () => {
    const email = newEmail()
    const cookie = await served().signUp(email, password, '127.0.0.16')
    const res = await served().post(
      '/sign-out',
      {},
      { cookie, headers: { origin: 'https://evil.example' } },
    )
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'OOS_AUTH_FORBIDDEN' })
    expect((await served().get('/get-session', { cookie })).json()).toMatchObject({
      user: { email },
    })
  })

  it('forwards every listed route to an endpoint better-auth has', async () => {
    for (const route of authRoutes) {
      const res =
        route.method === 'GET'
          ? await served().get(route.path, { address: '127.0.0.18' })
          : await served().post(route.path, {}, { address: '127.0.0.18' })
      expect(res.statusCode, route.path).not.toBe(404)
      expect(res.statusCode, route.path).toBeLessThan(500)
    }
  })

  it('serves only the listed auth routes', async () => {
    const res = await served().post('/delete-user', {})
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'OOS_HTTP_NOT_FOUND' })
    expect((await served().get('/ok')).json()).toEqual({ ok: true })
  })

  it('lets an inactive user neither sign in nor keep a session', async () => {
    const email = newEmail('inactive')
    const cookie = await served().signUp(email, password, '127.0.0.17')
    const user = await served().identity.findUserByEmail(email)
    await served().app.records.update('sys_user', user?.id ?? '', { active: false })
    // Deactivating ended the session the user had.
    expect((await served().get('/get-session', { cookie })).json()).toBeNull()
    const res = await served().post(
      '/sign-in/email',
      { email, password },
      { address: '127.0.0.17' },
    )
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'OOS_AUTH_USER_INACTIVE' })
    expect(res.headers['set-cookie']).toBeUndefined()
  })
})

describe('the session cookie in production', () => {
  const served = useAuthServer('sqlite', { env: { NODE_ENV: 'production' } })

  it('is Secure, with the __Secure- prefix, and still httpOnly and SameSite=Lax', async () => {
    const email = newEmail()
    await served().signUp(email, password, '127.0.0.19')
    const res = await served().post(
      '/sign-in/email',
      { email, password },
      { address: '127.0.0.19' },
    )
    const line = [res.headers['set-cookie']].flat().find((c) => c?.includes('session_token'))
    expect(line).toMatch(/^__Secure-better-auth\.session_token=/)
    expect(line).toMatch(/; Secure/i)
    expect(line).toMatch(/; HttpOnly/i)
    expect(line).toMatch(/; SameSite=Lax/i)
  })
})
