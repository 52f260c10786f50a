// OBJECTOS_TRUST_PROXY: the values it takes, and the client address the sign-in throttle counts
// with and without it — two clients behind a trusted proxy are counted apart, and an
// X-Forwarded-For header from anyone else changes nothing.
import { randomBytes } from 'node:crypto'
import { InvalidSetting } from '@objectos/errors'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../boot/open-app.js'
import { serveCommand } from '../cli/commands/serve-command.js'
import type { Identity } from '../identity/create-identity.js'
import { dialects, postgresTestUrl } from '../testing/test-database.js'
import { buildServer } from './build-server.js'
import { trustProxySetting, type TrustProxy } from './trust-proxy-setting.js'

const password = 'correct horse battery staple'
const setting = (value: string) => trustProxySetting({ OBJECTOS_TRUST_PROXY: value })

describe('OBJECTOS_TRUST_PROXY', () => {
  it('trusts no proxy when unset, empty or false', () => {
    expect(trustProxySetting({})).toBe(false)
    expect(setting(' ')).toBe(false)
    expect(setting('false')).toBe(false)
  })

  it('takes true, a hop count, or a list of addresses, CIDR ranges and named ranges', () => {
    expect(setting('true')).toBe(true)
    expect(setting(' 10.0.0.5 , 10.0.0.0/8,fd00::/8, ::1, loopback ')).toEqual([
      '10.0.0.5',
      '10.0.0.0/8',
      'fd00::/8',
      '::1',
      'loopback',
    ])
    const hops = setting('2')
    expect(typeof hops).toBe('function')
    const trusts = hops as (address: string, hop: number) => boolean
    expect([0, 1, 2].map((hop) => trusts('192.0.2.1', hop))).toEqual([true, true, false])
  })

  it.each([
    'yes',
    '0',
    '-1',
    '1.5',
    'proxy.example.com',
    '10.0.0.300',
    '10.0.0.0/33',
    'fd00::/129',
    '10.0.0.0/8/1',
    '10.0.0.1,',
    '10.0.0.0/255.0.0.0',
  ])('refuses "%s", naming the variable', (value) => {
    let error: unknown
    try {
      setting(value)
    } catch (thrown) {
      error = thrown
    }
    expect(InvalidSetting.is(error)).toBe(true)
    expect((error as Error).message).toMatch(
      /^check the setting OBJECTOS_TRUST_PROXY: ".*" is not true, a hop count or a comma-separated list/,
    )
  })

  it('stops objectos serve with the variable named and exit code 1', async () => {
    let stderr = ''
    const code = await serveCommand.run(
      { options: {}, positionals: ['examples/crm'] },
      {
        stdout: { write: () => true },
        stderr: { write: (chunk: string) => (stderr += chunk) },
        cwd: process.cwd(),
        env: { DATABASE_URL: ':memory:', PORT: '0', OBJECTOS_TRUST_PROXY: 'the load balancer' },
      },
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(
      /^objectos serve: check the setting OBJECTOS_TRUST_PROXY: "the load balancer" is not/,
    )
  })
})

describe.each(dialects)('the client address behind a proxy on %s', (dialect) => {
  const schema = `proxy_${randomBytes(4).toString('hex')}`
  let app: App
  const servers: FastifyInstance[] = []
  beforeAll(async () => {
    app = await openApp({
      dir: 'examples/crm',
      ...(dialect === 'sqlite'
        ? { databaseUrl: ':memory:' }
        : { databaseUrl: postgresTestUrl, schema }),
      identity: { env: {}, throttle: { signInPerAddress: { window: 60, max: 3 } } },
    })
  })
  afterAll(async () => {
    for (const server of servers) await server.close()
    if (dialect === 'postgres') await app.db.knex.raw('drop schema if exists ?? cascade', [schema])
    await app.close()
  })

  /** A server of the app with this trust setting; sign-in from a peer with X-Forwarded-For. */
  async function serve(trustProxy: TrustProxy) {
    const identity = app.kernel.services.get<Identity>('identity')
    const server = buildServer({
      records: app.records,
      db: app.db,
      registry: app.kernel.registry,
      identity,
      trustProxy,
    })
    servers.push(server)
    const email = `proxy-${randomBytes(4).toString('hex')}@example.com`
    await identity.createUser({ email, password })
    return async (peer: string, forwardedFor?: string) => {
      const res = await server.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in/email',
        remoteAddress: peer,
        headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
        payload: { email, password },
      })
      return res.statusCode
    }
  }

  const sessionsFrom = async (address: string) =>
    Number(
      (
        (await app.db
          .knex('objectos_auth_session')
          .where({ ip_address: address })
          .count({ n: '*' })
          .first()) as { n: number | string }
      ).n,
    )

  it('counts two clients behind a trusted proxy apart, by the address the proxy reports', async () => {
    const signIn = await serve(setting('10.0.1.1'))
    const first = [1, 2, 3, 4].map(() => '198.51.100.11')
    const statuses: number[] = []
    for (const client of first) statuses.push(await signIn('10.0.1.1', client))
    expect(statuses).toEqual([200, 200, 200, 429])
    expect(await signIn('10.0.1.1', '198.51.100.12')).toBe(200)
    // The session records the client, not the proxy.
    expect(await sessionsFrom('198.51.100.12')).toBe(1)
    expect(await sessionsFrom('10.0.1.1')).toBe(0)
  })

  it('takes the address the trusted proxy appended, not one the client put before it', async () => {
    const signIn = await serve(setting('10.0.2.0/24'))
    const statuses: number[] = []
    for (const forged of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4']) {
      statuses.push(await signIn('10.0.2.7', `${forged}, 198.51.100.21`))
    }
    expect(statuses).toEqual([200, 200, 200, 429])
    expect(await sessionsFrom('198.51.100.21')).toBe(3)
    expect(await sessionsFrom('192.0.2.1')).toBe(0)
  })

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const signIn = await serve(setting('10.0.3.1'))
    const statuses: number[] = []
    for (const forged of ['192.0.2.11', '192.0.2.12', '192.0.2.13', '192.0.2.14']) {
      statuses.push(await signIn('203.0.113.31', forged))
    }
    expect(statuses).toEqual([200, 200, 200, 429])
    expect(await sessionsFrom('203.0.113.31')).toBe(3)
  })

  it('without the setting, counts everyone behind a proxy as the proxy and ignores the header', async () => {
    const signIn = await serve(trustProxySetting({}))
    const statuses: number[] = []
    for (const client of ['198.51.100.41', '198.51.100.42', '198.51.100.43', '198.51.100.44']) {
      statuses.push(await signIn('10.0.4.1', client))
    }
    expect(statuses).toEqual([200, 200, 200, 429])
    expect(await sessionsFrom('10.0.4.1')).toBe(3)
    expect(await sessionsFrom('198.51.100.41')).toBe(0)
  })

  it('with a hop count, takes the address that many hops out; with true, the leftmost', async () => {
    const oneHop = await serve(setting('1'))
    expect(await oneHop('10.0.5.1', '192.0.2.51, 198.51.100.51')).toBe(200)
    expect(await sessionsFrom('198.51.100.51')).toBe(1)
    const all = await serve(setting('true'))
    expect(await all('10.0.5.2', '198.51.100.52, 10.0.5.9')).toBe(200)
    expect(await sessionsFrom('198.51.100.52')).toBe(1)
  })
})
