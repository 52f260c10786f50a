import { describe, expect, it } from 'vitest'
import type { Dialect } from '../../data/connection/database.js'
import { decodeRow } from '../../data/values/row-codec.js'
import { recordingEmailSender } from '../../identity/email-sender.js'
import { dialects } from '../../testing/test-database.js'
import {
  cookiesOf,
  newEmail,
  useAuthServer,
  type AuthServer,
} from '../../http/auth/testing/auth-server.js'
import { totpCode } from './testing/totp.js'

const password = 'correct horse battery staple'

/** Record writes the identity layer makes to `sys_user` (the rest are its events). */
const rowWrites = ['create', 'update', 'delete']

/**
 * The auth events about a user (or, with `null`, about no known user), by action; with `writes`,
 * the `sys_user` row writes of the identity layer instead.
 */
function authEventsOf(served: () => AuthServer, writes = false) {
  return async (userId: string | null) => {
    const { app } = served()
    const node = app.registry().object('sys_audit_event')
    const rows = (await app.db
      .knex(node.table)
      .where({ door: 'auth' })
      .andWhere((q) =>
        writes ? q.whereIn('action', rowWrites) : q.whereNotIn('action', rowWrites),
      )
      .andWhere((q) => (userId === null ? q.whereNull('record_id') : q.where('record_id', userId)))
      .orderBy('action')) as Record<string, unknown>[]
    return rows.map((row) => decodeRow(node, row, app.db.dialect))
  }
}

async function userIdOf(served: () => AuthServer, email: string): Promise<string> {
  const user = await served().identity.findUserByEmail(email)
  if (user === undefined) throw new Error(`no user ${email}`)
  return user.id
}

describe.each(dialects)('auth events in the audit trail on %s', (dialect: Dialect) => {
  const served = useAuthServer(dialect)
  const authEvents = authEventsOf(served)

  it('records sign-up, sign-in, failed sign-ins and sign-out, with the client address', async () => {
    const email = newEmail('audited')
    const address = '127.0.9.1'
    const cookie = await served().signUp(email, password, address)
    const id = await userIdOf(served, email)
    await served().signIn(email, password, address)
    const wrong = await served().post(
      '/sign-in/email',
      { email, password: 'not the password at all' },
      { address },
    )
    expect(wrong.statusCode).toBe(401)
    const stranger = newEmail('nobody')
    await served().post('/sign-in/email', { email: stranger, password }, { address: '127.0.9.2' })
    expect((await served().post('/sign-out', {}, { cookie, address })).statusCode).toBe(200)

    const events = await authEvents(id)
    expect(events.map((e) => [e.action, e.actor, e.object_name, e.owner_id])).toEqual([
      ['sign_in', id, 'sys_user', id],
      ['sign_in_failed', id, 'sys_user', id],
      ['sign_out', id, 'sys_user', id],
      ['sign_up', id, 'sys_user', id],
    ])
    const byAction = Object.fromEntries(events.map((e) => [e.action, e.detail]))
    expect(byAction.sign_in).toMatchObject({ address, method: 'password' })
    expect(byAction.sign_in_failed).toMatchObject({
      address,
      method: 'password',
      reason: 'INVALID_EMAIL_OR_PASSWORD',
      email,
    })
    expect(byAction.sign_out).toMatchObject({ address })

    // An email that belongs to nobody is not kept: it may be a password typed in the wrong box.
    const anonymous = (await authEvents(null)).filter(
      (e) => (e.detail as { address?: string }).address === '127.0.9.2',
    )
    expect(anonymous.map((e) => [e.action, e.actor, e.changes])).toEqual([
      ['sign_in_failed', null, null],
    ])
    expect(JSON.stringify(anonymous)).not.toContain(stranger)
    expect(JSON.stringify([...events, ...anonymous])).not.toContain(password)
  })

  it('records API keys made and revoked, never the key', async () => {
    const email = newEmail('integrator')
    const cookie = await served().signUp(email, password, '127.0.9.3')
    const id = await userIdOf(served, email)
    const made = await served().post('/api-key/create', { name: 'ci' }, { cookie })
    expect(made.statusCode).toBe(200)
    const { id: keyId, key } = made.json<{ id: string; key: string }>()
    const revoked = await served().post('/api-key/revoke', { id: keyId }, { cookie })
    expect(revoked.statusCode).toBe(200)

    const events = (await authEvents(id)).filter((e) => String(e.action).startsWith('api_key'))
    expect(events.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['api_key_created', id, expect.objectContaining({ key_id: keyId, name: 'ci' })],
      ['api_key_revoked', id, expect.objectContaining({ key_id: keyId })],
    ])
    expect(JSON.stringify(events)).not.toContain(key)
  })

  it('records two-factor turned on and off, and a sign-in only once the code completes it', async () => {
    const email = newEmail('second-factor')
    const address = '127.0.9.4'
    const cookie = await served().signUp(email, password, address)
    const id = await userIdOf(served, email)
    const enabled = await served().post('/two-factor/enable', { password }, { cookie })
    const { totpURI } = enabled.json<{ totpURI: string }>()
    const confirmed = await served().post(
      '/two-factor/verify-totp',
      { code: totpCode(totpURI) },
      { cookie },
    )
    expect(confirmed.statusCode).toBe(200)
    // Turning it on replaces the session.
    const session = cookiesOf(confirmed)
    expect(session).toMatch(/session_token=/)
    const actions = async () => (await authEvents(id)).map((e) => e.action)
    expect(await actions()).toEqual(['sign_up', 'two_factor_enabled'])

    const first = await served().post('/sign-in/email', { email, password }, { address })
    expect(first.json()).toMatchObject({ twoFactorRedirect: true })
    const pending = cookiesOf(first)
    expect(await actions()).toEqual(['sign_up', 'two_factor_enabled'])
    const wrong = await served().post(
      '/two-factor/verify-totp',
      { code: totpCode(totpURI, Date.now() + 10 * 60_000) },
      { cookie: pending, address },
    )
    expect(wrong.statusCode).toBe(401)
    const verified = await served().post(
      '/two-factor/verify-totp',
      { code: totpCode(totpURI) },
      { cookie: pending, address },
    )
    expect(verified.statusCode).toBe(200)
    const disabled = await served().post('/two-factor/disable', { password }, { cookie: session })
    expect(disabled.statusCode).toBe(200)

    const events = await authEvents(id)
    expect(events.map((e) => e.action)).toEqual([
      'sign_in',
      'sign_up',
      'two_factor_disabled',
      'two_factor_enabled',
    ])
    expect(events[0]?.detail).toMatchObject({ method: 'totp', address })
    // The wrong code names no account: the pending sign-in is not a session yet.
    const failures = (await authEvents(null)).filter(
      (e) => (e.detail as { address?: string }).address === address,
    )
    expect(failures.map((e) => [e.action, (e.detail as { method?: string }).method])).toEqual([
      ['sign_in_failed', 'totp'],
    ])
  })

  it('records the user rows the identity layer writes: sign-up, profile and verification changes', async () => {
    const writes = authEventsOf(served, true)
    const email = newEmail('profiled')
    const cookie = await served().signUp(email, password, '127.0.9.7')
    const id = await userIdOf(served, email)
    const renamed = await served().post('/update-user', { name: 'New Name' }, { cookie })
    expect(renamed.statusCode).toBe(200)
    const rows = await writes(id)
    expect(rows.map((e) => [e.action, e.actor, e.object_name, e.owner_id])).toEqual([
      ['create', null, 'sys_user', null],
      ['update', id, 'sys_user', id],
    ])
    const [created, updated] = rows
    expect(created?.changes).toMatchObject({ email: { before: null, after: email } })
    expect(updated?.changes).toMatchObject({ name: { after: 'New Name' } })
    expect(JSON.stringify(rows)).not.toContain(password)
  })

  it('records a user an operator made, with no actor', async () => {
    const email = newEmail('provisioned')
    const user = await served().identity.createUser({ email, password })
    const events = await authEvents(user.id)
    expect(events.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['sign_up', null, { method: 'operator' }],
    ])
  })
})

describe.each(dialects)('password events in the audit trail on %s', (dialect: Dialect) => {
  const mail = recordingEmailSender()
  const served = useAuthServer(dialect, { emailSender: mail, baseURL: 'http://localhost' })
  const authEvents = authEventsOf(served)

  it('records a password changed by its user and one reset through the mailed link', async () => {
    const email = newEmail('forgetful')
    const address = '127.0.9.5'
    const cookie = await served().signUp(email, password, address)
    const id = await userIdOf(served, email)
    const changed = await served().post(
      '/change-password',
      { currentPassword: password, newPassword: 'another long passphrase' },
      { cookie, address },
    )
    expect(changed.statusCode).toBe(200)
    await served().post('/request-password-reset', { email, redirectTo: '/reset' }, { address })
    const link = mail.sent.filter((m) => m.to === email && m.kind === 'reset-password').at(-1)
    const token = new URL(link?.link ?? 'http://x/').pathname.split('/').at(-1) ?? ''
    const reset = await served().post(
      '/reset-password',
      { newPassword: 'a brand new passphrase', token },
      { address },
    )
    expect(reset.statusCode).toBe(200)

    const events = (await authEvents(id)).filter((e) => String(e.action).startsWith('password'))
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ['password_changed', id],
      ['password_reset', id],
    ])
    expect(events[0]?.detail).toMatchObject({ address })
    expect(JSON.stringify(events)).not.toContain(token)
  })
})

/** The auth events a client address caused, oldest first. */
function eventsFrom(served: () => AuthServer) {
  return async (address: string) => {
    const { app } = served()
    const node = app.registry().object('sys_audit_event')
    const rows = (await app.db
      .knex(node.table)
      .where({ door: 'auth' })
      .whereNotIn('action', rowWrites)
      .orderBy('occurred_at')
      .orderBy('id')) as Record<string, unknown>[]
    return rows
      .map((row) => decodeRow(node, row, app.db.dialect))
      .filter((e) => (e.detail as { address?: unknown } | null)?.address === address)
  }
}

const reasonOf = (e: Record<string, unknown>) => (e.detail as { reason?: unknown }).reason

describe.each(dialects)('auth requests refused before their route on %s', (dialect: Dialect) => {
  const served = useAuthServer(dialect, {
    throttle: { accountFailures: 3, signInPerAddress: { window: 60, max: 4 } },
  })
  const from = eventsFrom(served)

  it('records a throttled sign-in once per address and window, however many follow', async () => {
    const email = newEmail('hammered')
    await served().signUp(email, password, '127.0.8.1')
    const address = '127.0.8.2'
    const statuses: number[] = []
    for (let n = 0; n < 7; n += 1) {
      const res = await served().post(
        '/sign-in/email',
        { email: newEmail('guess'), password: `guess number ${n}` },
        { address },
      )
      statuses.push(res.statusCode)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429])
    const events = await from(address)
    expect(events.map((e) => [e.action, reasonOf(e)])).toEqual([
      ['sign_in_failed', 'INVALID_EMAIL_OR_PASSWORD'],
      ['sign_in_failed', 'INVALID_EMAIL_OR_PASSWORD'],
      ['sign_in_failed', 'INVALID_EMAIL_OR_PASSWORD'],
      ['sign_in_failed', 'INVALID_EMAIL_OR_PASSWORD'],
      ['sign_in_failed', 'throttled'],
    ])
    const throttled = events.at(-1)
    expect(throttled?.detail).toEqual({
      address,
      user_agent: 'lightMyRequest',
      method: 'password',
      reason: 'throttled',
    })
    expect([throttled?.actor, throttled?.record_id, throttled?.object_name]).toEqual([
      null,
      null,
      null,
    ])
    expect(JSON.stringify(events)).not.toContain('guess number')
  })

  it('records a sign-in refused for a locked account once per lock, naming the account', async () => {
    const email = newEmail('locked')
    await served().signUp(email, password, '127.0.8.3')
    const user = await served().identity.findUserByEmail(email)
    for (let n = 0; n < 3; n += 1) {
      const res = await served().post(
        '/sign-in/email',
        { email, password: 'not the password' },
        { address: `127.0.8.${10 + n}` },
      )
      expect(res.statusCode).toBe(401)
    }
    // The right password from two more addresses: refused without being checked.
    for (const address of ['127.0.8.20', '127.0.8.21', '127.0.8.20']) {
      const res = await served().post('/sign-in/email', { email, password }, { address })
      expect(res.json()).toMatchObject({ code: 'OOS_AUTH_TOO_MANY_ATTEMPTS' })
    }
    const first = await from('127.0.8.20')
    expect(first.map((e) => [e.action, e.actor, e.record_id, e.object_name, e.detail])).toEqual([
      [
        'sign_in_failed',
        user?.id,
        user?.id,
        'sys_user',
        {
          address: '127.0.8.20',
          user_agent: 'lightMyRequest',
          method: 'password',
          reason: 'locked',
          email,
        },
      ],
    ])
    expect(await from('127.0.8.21')).toEqual([])
    expect(JSON.stringify(first)).not.toContain(password)

    // An unknown email locks alike; its refusal names nobody and keeps no email.
    const ghost = newEmail('ghost')
    for (const address of ['127.0.8.30', '127.0.8.30', '127.0.8.30', '127.0.8.30', '127.0.8.31']) {
      await served().post('/sign-in/email', { email: ghost, password }, { address })
    }
    expect(await from('127.0.8.31')).toEqual([])
    const ghostly = await from('127.0.8.30')
    expect(ghostly.map((e) => [e.action, e.actor, reasonOf(e)])).toEqual([
      ['sign_in_failed', null, 'INVALID_EMAIL_OR_PASSWORD'],
      ['sign_in_failed', null, 'INVALID_EMAIL_OR_PASSWORD'],
      ['sign_in_failed', null, 'INVALID_EMAIL_OR_PASSWORD'],
      ['sign_in_failed', null, 'locked'],
    ])
    expect(JSON.stringify(ghostly)).not.toContain(ghost)
  })

  it('records another auth route refused by the rate limit as request_refused', async () => {
    const address = '127.0.8.40'
    const statuses: number[] = []
    for (let n = 0; n < 6; n += 1) {
      const res = await served().post(
        '/sign-up/email',
        { email: newEmail('bulk'), password, name: 'Bulk' },
        { address },
      )
      statuses.push(res.statusCode)
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429])
    const refused = (await from(address)).filter((e) => e.action === 'request_refused')
    expect(refused.map((e) => e.detail)).toEqual([
      { address, user_agent: 'lightMyRequest', path: '/sign-up/email', reason: 'throttled' },
    ])
  })

  it('records requests refused for a foreign origin', async () => {
    const email = newEmail('targeted')
    const cookie = await served().signUp(email, password, '127.0.8.50')
    const user = await served().identity.findUserByEmail(email)
    const evil = { origin: 'https://evil.example' }
    const address = '127.0.8.51'
    // Without a cookie the sign-in route checks the origin itself, and its failure is recorded
    // once, as any failed sign-in; with one, the check refuses it before the route.
    const plain = await served().post(
      '/sign-in/email',
      { email, password },
      { address, headers: evil },
    )
    expect(plain.statusCode).toBe(403)
    const carried = await served().post(
      '/sign-in/email',
      { email, password },
      { cookie, address, headers: evil },
    )
    expect(carried.statusCode).toBe(403)
    const signOut = await served().post('/sign-out', {}, { cookie, address, headers: evil })
    expect(signOut.statusCode).toBe(403)
    const events = await from(address)
    expect(events.map((e) => [e.action, e.actor, e.detail])).toEqual([
      [
        'sign_in_failed',
        user?.id,
        {
          address,
          user_agent: 'lightMyRequest',
          method: 'password',
          reason: 'INVALID_ORIGIN',
          email,
        },
      ],
      [
        'sign_in_failed',
        user?.id,
        {
          address,
          user_agent: 'lightMyRequest',
          method: 'password',
          reason: 'foreign_origin',
          email,
        },
      ],
      [
        'request_refused',
        null,
        { address, user_agent: 'lightMyRequest', path: '/sign-out', reason: 'foreign_origin' },
      ],
    ])
  })
})
