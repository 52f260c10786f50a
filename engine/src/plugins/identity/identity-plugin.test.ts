import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InvalidSetting, PluginFailed } from '@objectos/errors'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp } from '../../boot/open-app.js'
import { serveCommand } from '../../cli/commands/serve-command.js'
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
    // The bootstrapped administrator's address counts as verified: the operator set it.
    const { records } = await app.records.find('sys_user', {
      filter: { is_admin: true, email_verified: true },
    })
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

describe('mail settings at start', () => {
  const smtp = {
    OBJECTOS_SMTP_URL: 'smtp://mailer:s3cret-pass@mail.example.com:587',
    OBJECTOS_MAIL_FROM: 'ObjectOS <noreply@example.com>',
    OBJECTOS_BASE_URL: 'http://localhost',
  }

  /** Why openApp refused to start with this environment (the InvalidSetting behind it). */
  async function refusal(env: Record<string, string>): Promise<Error> {
    const opened = openApp({ dir: 'examples/crm', databaseUrl: ':memory:', identity: { env } })
    const error = await opened.then(
      async (app) => {
        await app.close()
        throw new Error('the app started')
      },
      (failed: unknown) => failed,
    )
    expect(PluginFailed.is(error)).toBe(true)
    const cause = (error as { cause?: unknown }).cause
    expect(InvalidSetting.is(cause)).toBe(true)
    return cause as Error
  }

  it('refuses a malformed OBJECTOS_SMTP_URL, naming it and never repeating the password', async () => {
    const error = await refusal({
      ...smtp,
      OBJECTOS_SMTP_URL: 'https://mailer:s3cret-pass@mail.example.com',
    })
    expect(error.message).toMatch(/^check the setting OBJECTOS_SMTP_URL: it must start with smtp/)
    expect(error.message).not.toContain('s3cret')
  })

  it('refuses SMTP without a sender address or without the public URL', async () => {
    expect((await refusal({ ...smtp, OBJECTOS_MAIL_FROM: '' })).message).toMatch(
      /^check the setting OBJECTOS_MAIL_FROM: it is required with OBJECTOS_SMTP_URL/,
    )
    expect((await refusal({ ...smtp, OBJECTOS_BASE_URL: '' })).message).toMatch(
      /^check the setting OBJECTOS_SMTP_URL: it needs OBJECTOS_BASE_URL too/,
    )
  })

  it('refuses OBJECTOS_REQUIRE_EMAIL_VERIFICATION without SMTP, or with a value not true or false', async () => {
    expect((await refusal({ OBJECTOS_REQUIRE_EMAIL_VERIFICATION: 'true' })).message).toMatch(
      /^check the setting OBJECTOS_REQUIRE_EMAIL_VERIFICATION: it needs OBJECTOS_SMTP_URL/,
    )
    expect(
      (await refusal({ ...smtp, OBJECTOS_REQUIRE_EMAIL_VERIFICATION: 'yes' })).message,
    ).toMatch(/^check the setting OBJECTOS_REQUIRE_EMAIL_VERIFICATION: it must be true or false/)
  })

  it('keeps the mail flows off without OBJECTOS_SMTP_URL', async () => {
    const served = await openAuthServer('sqlite', {
      env: { OBJECTOS_BASE_URL: 'http://localhost', OBJECTOS_REQUIRE_EMAIL_VERIFICATION: 'false' },
    })
    try {
      const email = newEmail('no-mail')
      await served.signUp(email, password, '127.0.5.2')
      const asked = await served.post(
        '/request-password-reset',
        { email, redirectTo: '/reset' },
        { address: '127.0.5.2' },
      )
      expect(asked.statusCode).toBe(400)
      expect(asked.json()).toMatchObject({ reason: 'RESET_PASSWORD_DISABLED' })
      // Sign-in does not wait for a verification nobody could mail.
      expect(await served.signIn(email, password, '127.0.5.2')).toMatch(/session_token=/)
    } finally {
      await closeAuthServer(served, 'sqlite')
    }
  })

  it('stops objectos serve with the variable named and exit code 1', async () => {
    let stderr = ''
    const code = await serveCommand.run(
      { options: {}, positionals: ['examples/crm'] },
      {
        stdout: { write: () => true },
        stderr: { write: (chunk: string) => (stderr += chunk) },
        cwd: process.cwd(),
        env: {
          ...smtp,
          DATABASE_URL: ':memory:',
          PORT: '0',
          OBJECTOS_SMTP_URL: 'smtp//mailer:s3cret-pass@mail.example.com',
        },
      },
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(
      /^objectos serve: plugin "identity" failed to init: check the setting OBJECTOS_SMTP_URL: it is not a URL/,
    )
    expect(stderr).not.toContain('s3cret')
  })
})
