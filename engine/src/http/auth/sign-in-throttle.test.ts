// Sign-in throttling as two API processes on one database see it: the app's own server and a
// second server with its own identity instance (its own better-auth, its own memory) share the
// counts only through the database — so a limit reached through one holds on the other.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIdentity } from '../../identity/create-identity.js'
import type { ThrottleSettings } from '../../identity/throttle-settings.js'
import { dialects } from '../../testing/test-database.js'
import { buildServer } from '../build-server.js'
import {
  auth,
  closeAuthServer,
  newEmail,
  openAuthServer,
  type AuthServer,
} from './testing/auth-server.js'

const password = 'correct horse battery staple'

function useTwoServers(dialect: (typeof dialects)[number], throttle: Partial<ThrottleSettings>) {
  let served: AuthServer | undefined
  let second: FastifyInstance | undefined
  beforeAll(async () => {
    served = await openAuthServer(dialect, { throttle })
    const { app } = served
    const identity = await createIdentity(app.db, {
      registry: app.kernel.registry,
      env: {},
      throttle,
    })
    second = buildServer({
      records: app.records,
      db: app.db,
      registry: app.kernel.registry,
      identity,
    })
  })
  afterAll(async () => {
    await second?.close()
    if (served !== undefined) await closeAuthServer(served, dialect)
  })
  return (n: number) => {
    if (served === undefined || second === undefined) throw new Error('not open yet')
    const server = n % 2 === 0 ? served.server : second
    return {
      served,
      signIn: (email: string, pass: string, address: string) =>
        server.inject({
          method: 'POST',
          url: `${auth}/sign-in/email`,
          remoteAddress: address,
          payload: { email, password: pass },
        }),
    }
  }
}

describe.each(dialects)('sign-in throttling per account on %s', (dialect) => {
  const on = useTwoServers(dialect, {
    accountFailures: 5,
    signInPerAddress: { window: 60, max: 1000 },
  })

  it('locks an account after 5 failures, on every server, even for the right password', async () => {
    const email = newEmail('victim')
    await on(0).served.signUp(email, password, '127.0.1.1')
    for (let n = 0; n < 5; n += 1) {
      // From different addresses and servers: the count is the account's.
      const res = await on(n).signIn(email, 'wrong password guess', `127.0.1.${10 + n}`)
      expect(res.statusCode, `attempt ${n + 1}`).toBe(401)
    }
    for (const n of [0, 1]) {
      const locked = await on(n).signIn(email, password, '127.0.1.30')
      expect(locked.statusCode).toBe(429)
      expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(locked.json()).toMatchObject({ code: 'OOS_AUTH_TOO_MANY_ATTEMPTS', status: 429 })
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0)
      expect(locked.headers['set-cookie']).toBeUndefined()
    }
    // Another account is not affected.
    const other = newEmail('bystander')
    await on(0).served.signUp(other, password, '127.0.1.2')
    expect((await on(1).signIn(other, password, '127.0.1.30')).statusCode).toBe(200)
  })

  it('locks unknown emails the same way, so the lock reveals no account', async () => {
    const ghost = newEmail('ghost')
    for (let n = 0; n < 5; n += 1) {
      expect((await on(n).signIn(ghost, 'whatever password', '127.0.1.40')).statusCode).toBe(401)
    }
    expect((await on(0).signIn(ghost, 'whatever password', '127.0.1.40')).json()).toMatchObject({
      code: 'OOS_AUTH_TOO_MANY_ATTEMPTS',
    })
  })

  it('clears the count on a successful sign-in', async () => {
    const email = newEmail('forgetful')
    await on(0).served.signUp(email, password, '127.0.1.3')
    for (let round = 0; round < 2; round += 1) {
      for (let n = 0; n < 4; n += 1) {
        expect((await on(n).signIn(email, 'wrong password guess', '127.0.1.50')).statusCode).toBe(
          401,
        )
      }
      expect((await on(round).signIn(email, password, '127.0.1.50')).statusCode).toBe(200)
    }
  })
})

describe.each(dialects)('sign-in throttling per client address on %s', (dialect) => {
  const on = useTwoServers(dialect, {
    accountFailures: 1000,
    signInPerAddress: { window: 60, max: 3 },
  })

  it('answers 429 after 3 sign-in requests from one address, counted across servers', async () => {
    const email = newEmail('busy')
    await on(0).served.signUp(email, password, '127.0.2.1')
    for (let n = 0; n < 3; n += 1) {
      expect((await on(n).signIn(email, password, '127.0.2.9')).statusCode).toBe(200)
    }
    for (const n of [0, 1]) {
      const limited = await on(n).signIn(email, password, '127.0.2.9')
      expect(limited.statusCode).toBe(429)
      expect(limited.json()).toMatchObject({ code: 'OOS_AUTH_RATE_LIMITED' })
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    }
    // Another address is counted apart.
    expect((await on(1).signIn(email, password, '127.0.2.10')).statusCode).toBe(200)
  })

  it('takes the address from the connection, not from a header the client sends', async () => {
    const email = newEmail('spoofer')
    await on(0).served.signUp(email, password, '127.0.2.2')
    const statuses: number[] = []
    for (let n = 0; n < 4; n += 1) {
      const res = await on(0).served.server.inject({
        method: 'POST',
        url: `${auth}/sign-in/email`,
        remoteAddress: '127.0.2.20',
        headers: { 'x-forwarded-for': `127.0.3.${n}`, 'x-objectos-client-address': `127.0.4.${n}` },
        payload: { email, password },
      })
      statuses.push(res.statusCode)
    }
    expect(statuses).toEqual([200, 200, 200, 429])
  })
})
