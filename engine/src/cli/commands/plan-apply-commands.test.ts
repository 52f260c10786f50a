import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { runCli, type CliIo } from '@objectos/cli'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../data/connection/open-database.js'
import { readHistory } from '../../migrate/migration-history.js'
import { dialects, openTestDatabase, postgresTestUrl } from '../../testing/test-database.js'
import { applyCommand } from './apply-command.js'
import { planCommand } from './plan-command.js'

const commands = [planCommand, applyCommand]

function fakeIo(cwd: string, env: Record<string, string> = {}) {
  let out = ''
  let err = ''
  const io: CliIo = {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    cwd,
    env,
  }
  return { io, out: () => out, err: () => err }
}

const lead = (extra = '') =>
  `name: lead\nfields:\n  name: { type: text }\n  fax: { type: text }\n${extra}`

let root: string
let appDir: string

async function writeApp(objects: Record<string, string>): Promise<void> {
  await rm(join(appDir, 'objects'), { recursive: true, force: true })
  await mkdir(join(appDir, 'objects'), { recursive: true })
  await writeFile(join(appDir, 'objectos.yaml'), 'name: crm\n')
  for (const [name, body] of Object.entries(objects)) {
    await writeFile(join(appDir, 'objects', `${name}.object.yaml`), body)
  }
}

async function run(...argv: string[]) {
  const cli = fakeIo(root)
  const code = await runCli(argv, cli.io, commands)
  return { code, out: cli.out(), err: cli.err() }
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'objectos-migrate-'))
  appDir = join(root, 'app')
  await mkdir(appDir)
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('objectos plan and apply', () => {
  it('plans, applies into the app folder SQLite file, then finds nothing to do', async () => {
    await writeApp({ lead: lead() })
    const plan = await run('plan', 'app')
    expect(plan).toEqual({
      code: 0,
      out: [
        'Database: app/.objectos/data.sqlite (sqlite)',
        '+ create table lead (9 columns)',
        // The platform's own objects come with every app.
        '+ create table sys_audit_event (15 columns, 3 indexes)',
        '+ create table sys_field_history (14 columns, 3 indexes)',
        '+ create table sys_permission_assignment (10 columns, 3 indexes)',
        '+ create table sys_record_share (11 columns, 3 indexes)',
        '+ create table sys_user (14 columns, 2 indexes)',
        '+ create table sys_user_position (9 columns, 2 indexes)',
        '7 changes, 0 destructive. Run "objectos apply app" to apply.',
        '',
      ].join('\n'),
      err: '',
    })

    const apply = await run('apply', 'app')
    expect(apply.code).toBe(0)
    expect(apply.out).toContain('+ create table lead (9 columns)\n')
    expect(apply.out).toContain('✔ Applied 7 changes.\n')

    const again = await run('apply', 'app')
    expect(again).toEqual({
      code: 0,
      out: 'Database: app/.objectos/data.sqlite (sqlite)\nNo changes.\n',
      err: '',
    })
    const db = await openDatabase({ appDir })
    try {
      expect(await readHistory(db.knex)).toHaveLength(1)
    } finally {
      await db.close()
    }
  })

  it('refuses destructive steps and names the command that applies them', async () => {
    await writeApp({ lead: lead() })
    expect((await run('apply', 'app')).code).toBe(0)
    await writeApp({
      lead: 'name: lead\nfields:\n  name: { type: text }\n  email: { type: email }\n',
    })

    const plan = await run('plan', 'app')
    expect(plan.code).toBe(0)
    expect(plan.out).toContain('- drop column lead.fax (0 values)  [destructive]\n')
    expect(plan.out).toContain(
      '2 changes, 1 destructive. Run "objectos apply app --allow-destructive" to apply.',
    )

    const refused = await run('apply', 'app')
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('+ add column lead.email text\n- drop column lead.fax')
    expect(refused.err).toBe(
      'objectos apply: refused: 1 step above would delete data (marked [destructive]); nothing ' +
        'was changed. Review the plan, then run "objectos apply app --allow-destructive".\n',
    )
    expect((await run('plan', 'app')).out).toContain('+ add column lead.email text')

    const allowed = await run('apply', 'app', '--allow-destructive')
    expect(allowed.code).toBe(0)
    expect(allowed.out).toContain('✔ Applied 2 changes.')
    expect((await run('plan', 'app')).out).toContain('No changes.')
  })

  it('prints the metadata errors like validate and exits 1', async () => {
    await writeApp({ lead: 'name: lead\nfields:\n  name: { type: txt }\n' })
    for (const command of ['plan', 'apply']) {
      const result = await run(command, 'app')
      expect(result.code).toBe(1)
      expect(result.out).toMatch(/^app\/objects\/lead\.object\.yaml:3:\d+ {2}error {2}OOS_/m)
      expect(result.out).toMatch(/✖ 1 error in 1 file\n$/)
      expect(result.err).toBe(`objectos ${command}: fix the metadata errors above first\n`)
    }
  })

  it('exits 2 on a missing folder and an unknown flag', async () => {
    expect(await run('plan', 'nowhere')).toMatchObject({ code: 2 })
    const unknown = await run('apply', 'app', '--force')
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('unknown option "--force"')
  })

  it('uses DATABASE_URL, and reports a database it cannot open', async () => {
    await writeApp({ lead: lead() })
    const file = join(root, 'elsewhere.sqlite')
    const cli = fakeIo(root, { DATABASE_URL: `sqlite:${file}` })
    expect(await runCli(['apply', 'app'], cli.io, commands)).toBe(0)
    expect(cli.out()).toContain(`Database: ${relative(root, file)} (sqlite)`)

    const down = fakeIo(root, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
    await expect(runCli(['plan', 'app'], down.io, commands)).resolves.toBe(1)
    expect(down.err()).toMatch(/^objectos plan: cannot open the database 127\.0\.0\.1:1\/none/)
  })

  it('reports a failing step and leaves the database unchanged', async () => {
    await writeApp({ lead: lead() })
    expect((await run('apply', 'app')).code).toBe(0)
    const db = await openDatabase({ appDir })
    await db.knex('lead').insert([
      { id: 'a', version: 1, fax: 'same' },
      { id: 'b', version: 1, fax: 'same' },
    ])
    await db.close()
    await writeApp({
      lead: lead('  phone: { type: phone }\n').replace(
        'fax: { type: text }',
        'fax: { type: text, unique: true }',
      ),
    })
    const failed = await run('apply', 'app')
    expect(failed.code).toBe(1)
    expect(failed.err).toMatch(
      /^objectos apply: migration step "add unique index lead_fax_unique on lead \(fax\)" failed: .*\nNothing was changed\.\n$/,
    )
    expect((await run('plan', 'app')).out).toContain('+ add column lead.phone text')
  })
})

describe.skipIf(!dialects.includes('postgres'))('objectos apply on PostgreSQL', () => {
  it('migrates the database DATABASE_URL names', async () => {
    await writeApp({ lead: lead() })
    const db = await openTestDatabase('postgres')
    try {
      const { rows } = (await db.knex.raw('select current_schema() as s')) as {
        rows: { s: string }[]
      }
      // The test's own schema, through libpq's `options` parameter.
      const url = `${postgresTestUrl}?options=${encodeURIComponent(`-c search_path=${rows[0]?.s}`)}`
      const cli = fakeIo(root, { DATABASE_URL: url })
      expect(await runCli(['apply', 'app'], cli.io, commands)).toBe(0)
      const { hostname, port, pathname } = new URL(postgresTestUrl)
      const target = `${hostname}:${port || '5432'}${pathname}`
      expect(cli.out().split('\n')[0]).toBe(`Database: ${target} (postgres)`)
      expect(cli.out()).toContain('✔ Applied 7 changes.')
      expect(await db.knex.schema.hasTable('lead')).toBe(true)
      expect(await readHistory(db.knex)).toHaveLength(1)
    } finally {
      await db.close()
    }
  })
})
