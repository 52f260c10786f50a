import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli, type CliIo } from '@objectos/cli'
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp } from '../../boot/open-app.js'
import { httpPlugin } from '../../plugins/http/http-plugin.js'
import { dialects, openTestDatabase, postgresTestUrl } from '../../testing/test-database.js'
import { userCommand } from './user-command.js'

const crm = fileURLToPath(new URL('../../../../examples/crm', import.meta.url))
const password = 'correct horse battery staple'

let root: string
let databaseUrl: string

function fakeIo(env: Record<string, string> = {}) {
  let out = ''
  let err = ''
  const io: CliIo = {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    cwd: root,
    env: { DATABASE_URL: databaseUrl, ...env },
  }
  return { io, out: () => out, err: () => err }
}

async function run(...argv: string[]) {
  const cli = fakeIo()
  const code = await runCli(argv, cli.io, [userCommand])
  return { code, out: cli.out(), err: cli.err() }
}

/** Signs in through the app's HTTP routes; returns the status. */
async function signIn(email: string, pass: string): Promise<number> {
  const app = await openApp({
    dir: crm,
    databaseUrl,
    identity: { env: {} },
    plugins: [httpPlugin()],
  })
  try {
    const server = app.kernel.services.get<FastifyInstance>('http')
    const res = await server.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/email',
      payload: { email, password: pass },
    })
    return res.statusCode
  } finally {
    await app.close()
  }
}

async function userState(email: string) {
  const app = await openApp({ dir: crm, databaseUrl, identity: { env: {} } })
  try {
    const { records } = await app.records.find('sys_user', { filter: { email } })
    const user = records[0]
    if (user === undefined) return undefined
    const sets = await app.records.find('sys_permission_assignment', {
      filter: { assignee: String(user.id) },
      sort: ['permission_set'],
    })
    const positions = await app.records.find('sys_user_position', {
      filter: { holder: String(user.id) },
      sort: ['position'],
    })
    const held = positions.records.map((r) => r.position)
    return {
      admin: user.is_admin,
      sets: sets.records.map((r) => r.permission_set),
      ...(held.length === 0 ? {} : { positions: held }),
    }
  } finally {
    await app.close()
  }
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'objectos-user-'))
  databaseUrl = `sqlite:${join(root, 'app.sqlite')}`
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('objectos user create and assign', () => {
  it('creates an administrator with permission sets who can sign in', async () => {
    const created = await run(
      'user',
      'create',
      crm,
      '--email',
      'Ann@Example.com',
      '--password',
      password,
      '--name',
      'Ann',
      '--admin',
      '--permission-set',
      'sales_rep,sales_manager',
    )
    expect(created.err).toBe('')
    expect(created.code).toBe(0)
    expect(created.out).toMatch(/^✔ Created user ann@example\.com \(Ann, id [0-9a-f-]{36}\)\n/)
    expect(created.out).toContain('  administrator\n')
    expect(created.out).not.toContain(password)
    expect(await userState('ann@example.com')).toEqual({
      admin: true,
      sets: ['sales_manager', 'sales_rep'],
    })
    expect(await signIn('ann@example.com', password)).toBe(200)
    expect(await signIn('ann@example.com', 'not the password at all')).toBe(401)
  })

  it('assigns a permission set once, and says so the second time', async () => {
    expect(
      (await run('user', 'create', crm, '--email', 'bob@example.com', '--password', password)).code,
    ).toBe(0)
    expect(await userState('bob@example.com')).toEqual({ admin: false, sets: [] })
    const first = await run(
      'user',
      'assign',
      crm,
      '--email',
      'bob@example.com',
      '--permission-set',
      'sales_rep',
    )
    expect(first).toEqual({
      code: 0,
      out: '✔ bob@example.com now has the permission set sales_rep\n',
      err: '',
    })
    const again = await run(
      'user',
      'assign',
      crm,
      '--email',
      'BOB@example.com',
      '--permission-set',
      'sales_rep',
    )
    expect(again.code).toBe(0)
    expect(again.out).toContain('already has the permission set sales_rep; nothing changed')
    expect(await userState('bob@example.com')).toEqual({ admin: false, sets: ['sales_rep'] })
  })

  it('gives a user positions, once, and refuses an unknown one', async () => {
    const created = await run(
      'user',
      'create',
      crm,
      '--email',
      'pia@example.com',
      '--password',
      password,
      '--position',
      'sales_rep',
    )
    expect(created.code).toBe(0)
    expect(created.out).toContain('  position sales_rep\n')
    const assigned = await run(
      'user',
      'assign',
      crm,
      '--email',
      'pia@example.com',
      '--position',
      'sales_manager,sales_rep',
    )
    expect(assigned).toEqual({
      code: 0,
      out:
        '✔ pia@example.com now holds the position sales_manager\n' +
        'pia@example.com already holds the position sales_rep; nothing changed\n',
      err: '',
    })
    expect(await userState('pia@example.com')).toEqual({
      admin: false,
      sets: [],
      positions: ['sales_manager', 'sales_rep'],
    })
    // The operator vouches for the address: it counts as verified.
    const app = await openApp({ dir: crm, databaseUrl, identity: { env: {} } })
    try {
      const { records } = await app.records.find('sys_user', {
        filter: { email: 'pia@example.com' },
      })
      expect(records[0]?.email_verified).toBe(true)
    } finally {
      await app.close()
    }
    const unknown = await run(
      'user',
      'assign',
      crm,
      '--email',
      'pia@example.com',
      '--position',
      'sales_wizard',
    )
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain(
      'unknown position "sales_wizard" (the app defines: sales_manager, sales_rep)',
    )
  })

  it('refuses an unknown permission set as a usage error naming it, before touching the database', async () => {
    const res = await run(
      'user',
      'create',
      crm,
      '--email',
      'cy@example.com',
      '--password',
      password,
      '--permission-set',
      'sales_rep,sales_wizard',
    )
    expect(res.code).toBe(2)
    expect(res.err).toContain('unknown permission set "sales_wizard"')
    expect(res.err).toContain('the app defines: sales_manager, sales_rep')
    expect(await userState('cy@example.com')).toBeUndefined()
  })

  it('exits 1 when the user exists or does not, 2 on bad arguments', async () => {
    expect(
      (await run('user', 'create', crm, '--email', 'dee@example.com', '--password', password)).code,
    ).toBe(0)
    const twice = await run(
      'user',
      'create',
      crm,
      '--email',
      'dee@example.com',
      '--password',
      password,
    )
    expect(twice.code).toBe(1)
    expect(twice.err).toContain('already exists')
    const nobody = await run(
      'user',
      'assign',
      crm,
      '--email',
      'eve@example.com',
      '--permission-set',
      'sales_rep',
    )
    expect(nobody).toMatchObject({
      code: 1,
      err: expect.stringContaining('no user with the email'),
    })

    for (const argv of [
      ['user', 'create', crm, '--password', password],
      ['user', 'create', crm, '--email', 'x@example.com'],
      ['user', 'create', crm, '--email', 'x@example.com', '--password', 'too short'],
      ['user', 'create', crm, '--email', 'not-an-email', '--password', password],
      ['user', 'assign', crm, '--email', 'x@example.com'],
      ['user', 'delete', crm, '--email', 'x@example.com'],
      ['user', 'create', join(root, 'nowhere'), '--email', 'x@example.com', '--password', password],
    ]) {
      const res = await run(...argv)
      expect(res.code, argv.join(' ')).toBe(2)
      expect(res.err, argv.join(' ')).toMatch(
        /^objectos user: .+\nRun "objectos user --help" for usage\.\n$/,
      )
    }
  })

  it('has --help', async () => {
    const res = await run('user', '--help')
    expect(res.code).toBe(0)
    expect(res.out).toContain('objectos user create --email E --password P')
    expect(res.out).toContain('--permission-set')
  })
})

describe.skipIf(!dialects.includes('postgres'))('objectos user on PostgreSQL', () => {
  it('creates and assigns in the database DATABASE_URL names', async () => {
    const db = await openTestDatabase('postgres')
    try {
      const { rows } = (await db.knex.raw('select current_schema() as s')) as {
        rows: { s: string }[]
      }
      databaseUrl = `${postgresTestUrl}?options=${encodeURIComponent(`-c search_path=${rows[0]?.s}`)}`
      expect(
        (await run('user', 'create', crm, '--email', 'pg@example.com', '--password', password))
          .code,
      ).toBe(0)
      const assigned = await run(
        'user',
        'assign',
        crm,
        '--email',
        'pg@example.com',
        '--permission-set',
        'sales_rep',
      )
      expect(assigned.code).toBe(0)
      expect(await userState('pg@example.com')).toEqual({ admin: false, sets: ['sales_rep'] })
      expect(await signIn('pg@example.com', password)).toBe(200)
    } finally {
      await db.close()
    }
  })
})
