/**
 * What `objectos user create` and `objectos user assign` leave in the audit trail, on every
 * dialect: the account made by an operator (an auth event with no actor), then the administrator
 * flag and the permission sets, written through the record service with the `cli` door.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli, type CliIo } from '@objectos/cli'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp } from '../../boot/open-app.js'
import { userCommand } from '../../cli/commands/user-command.js'
import type { Database } from '../../data/connection/database.js'
import { dialects, openTestDatabase, postgresTestUrl } from '../../testing/test-database.js'

const crm = fileURLToPath(new URL('../../../../examples/crm', import.meta.url))
const password = 'correct horse battery staple'

describe.each(dialects)('the audit trail of objectos user on %s', (dialect) => {
  let root: string
  let databaseUrl: string
  let postgres: Database | undefined
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'objectos-audit-cli-'))
    databaseUrl = `sqlite:${join(root, 'app.sqlite')}`
    if (dialect === 'postgres') {
      // A schema of the test's own, named to the CLI through libpq's `options` parameter.
      postgres = await openTestDatabase('postgres')
      const { rows } = (await postgres.knex.raw('select current_schema() as s')) as {
        rows: { s: string }[]
      }
      const options = encodeURIComponent(`-c search_path=${rows[0]?.s}`)
      databaseUrl = `${postgresTestUrl}?options=${options}`
    }
  })
  afterEach(async () => {
    await postgres?.close()
    await rm(root, { recursive: true, force: true })
  })

  async function run(...argv: string[]) {
    let err = ''
    const io: CliIo = {
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => (err += chunk) },
      cwd: root,
      env: { DATABASE_URL: databaseUrl },
    }
    const code = await runCli(argv, io, [userCommand])
    expect(err).toBe('')
    return code
  }

  it('records the operator-made account, its administrator flag and its permission sets', async () => {
    const email = 'operator-made@example.com'
    expect(
      await run('user', 'create', crm, '--email', email, '--password', password, '--admin'),
    ).toBe(0)
    expect(
      await run('user', 'assign', crm, '--email', email, '--permission-set', 'sales_rep'),
    ).toBe(0)

    const app = await openApp({ dir: crm, databaseUrl, identity: { env: {} } })
    try {
      const { records: users } = await app.records.find('sys_user', { filter: { email } })
      const userId = String(users[0]?.id)
      const { records: events } = await app.records.find('sys_audit_event', {
        sort: ['action', 'object_name'],
      })
      expect(
        events.map((e) => [e.action, e.door, e.actor, e.object_name, e.changes ?? e.detail]),
      ).toEqual([
        [
          'create',
          'cli',
          null,
          'sys_permission_assignment',
          expect.objectContaining({
            assignee: { before: null, after: userId },
            permission_set: { before: null, after: 'sales_rep' },
          }),
        ],
        [
          'create',
          'auth',
          null,
          'sys_user',
          expect.objectContaining({ email: { before: null, after: email } }),
        ],
        ['sign_up', 'auth', null, 'sys_user', { method: 'operator' }],
        [
          'update',
          'cli',
          null,
          'sys_user',
          {
            email_verified: { before: false, after: true },
            is_admin: { before: false, after: true },
          },
        ],
      ])
      expect(events.map((e) => e.record_id)).toEqual([expect.any(String), userId, userId, userId])
    } finally {
      await app.close()
    }
  })
})
