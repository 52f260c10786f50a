import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp } from '../../boot/open-app.js'
import type { Identity } from '../../identity/create-identity.js'
import { dialects, postgresTestUrl } from '../../testing/test-database.js'
import { closeAuthServer, newEmail, openAuthServer } from '../../http/auth/testing/auth-server.js'

const password = 'correct horse battery staple'

describe('the first administrator from OBJECTOS_ADMIN_*', () => {
  let root: string
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'objectos-bootstrap-'))
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  async function start(env: Record<string, string>, bootstrap = true) {
    const lines: string[] = []
    const app = await openApp({
      dir: 'examples/crm',
      databaseUrl: `sqlite:${join(root, 'app.sqlite')}`,
      identity: { env, bootstrap, log: (line) => lines.push(line) },
    })
    const { records } = await app.records.find('sys_user', { filter: { is_admin: true } })
    await app.close()
    return { lines, admins: records.map((r) => r.email) }
  }

  const env = { OBJECTOS_ADMIN_EMAIL: 'Root@Example.com', OBJECTOS_ADMIN_PASSWORD: password }

  it('creates it once when there is no administrator, and never logs the password', async () => {
    const first = await start(env)
    expect(first.admins).toEqual(['root@example.com'])
    expect(first.lines).toEqual([
      'created the administrator root@example.com (from OBJECTOS_ADMIN_EMAIL)',
    ])
    const second = await start(env)
    expect(second).toEqual({ lines: [], admins: ['root@example.com'] })
    expect(JSON.stringify([first, second])).not.toContain(password)
  })

  it('does nothing without the bootstrap flag, and says so when a variable is missing', async () => {
    expect(await start(env, false)).toEqual({ lines: [], admins: [] })
    const half = await start({ OBJECTOS_ADMIN_EMAIL: 'root@example.com' })
    expect(half.admins).toEqual([])
    expect(half.lines[0]).toMatch(/must be set together/)
  })

  it('refuses to start with a password that is too short', async () => {
    await expect(start({ ...env, OBJECTOS_ADMIN_PASSWORD: 'short' })).rejects.toThrow(
      /at least 12 characters/,
    )
  })
})

describe.each(dialects)('what goes with a user on %s', (dialect) => {
  it('deleting a user removes their sessions, password and API keys', async () => {
    const served = await openAuthServer(dialect)
    try {
      const email = newEmail('leaver')
      const cookie = await served.signUp(email, password, '127.0.5.1')
      expect((await served.post('/api-key/create', { name: 'k' }, { cookie })).statusCode).toBe(200)
      const user = await served.identity.findUserByEmail(email)
      const { knex } = served.app.db
      const count = async (table: string) =>
        Number(
          (
            (await knex(table).where({ user_id: user?.id }).count({ n: '*' }).first()) as {
              n: number
            }
          ).n,
        )
      expect(await count('objectos_auth_session')).toBe(1)
      await served.app.records.delete('sys_user', user?.id ?? '')
      for (const table of [
        'objectos_auth_session',
        'objectos_auth_account',
        'objectos_auth_api_key',
      ]) {
        expect(await count(table), table).toBe(0)
      }
      expect((await served.get('/get-session', { cookie })).json()).toBeNull()
    } finally {
      await closeAuthServer(served, dialect)
    }
  })
})

describe.skipIf(!dialects.includes('postgres'))('the identity service on PostgreSQL', () => {
  it('is one secret for two apps on the same schema', async () => {
    const schema = `idp_${Date.now().toString(36)}`
    const open = () =>
      openApp({ dir: 'examples/crm', databaseUrl: postgresTestUrl, schema, identity: { env: {} } })
    const [a, b] = [await open(), await open()]
    try {
      const email = newEmail()
      await a.kernel.services.get<Identity>('identity').createUser({ email, password })
      expect(
        await b.kernel.services.get<Identity>('identity').findUserByEmail(email),
      ).toMatchObject({
        email,
      })
      const secrets = await a.db.knex('objectos_settings').select('value')
      expect(secrets).toHaveLength(1)
    } finally {
      await a.db.knex.raw('drop schema if exists ?? cascade', [schema])
      await a.close()
      await b.close()
    }
  })
})
