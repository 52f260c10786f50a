import { randomBytes } from 'node:crypto'
import { DestructivePlan, PluginFailed } from '@objectos/errors'
import { describe, expect, it } from 'vitest'
import { dialects, postgresTestUrl } from '../testing/test-database.js'
import { openApp, type OpenAppOptions } from './open-app.js'

const manifest = { path: 'objectos.yaml', content: 'name: boot_test\n' }
const task = (fields: string) => ({
  path: 'objects/task.object.yaml',
  content: `name: task\nfields:\n${fields}`,
})

describe.each(dialects)('openApp on %s', (dialect) => {
  const database = (): Pick<OpenAppOptions, 'databaseUrl' | 'schema'> =>
    dialect === 'sqlite'
      ? { databaseUrl: `/tmp/objectos-boot-${randomBytes(4).toString('hex')}.sqlite` }
      : { databaseUrl: postgresTestUrl, schema: `boot_${randomBytes(4).toString('hex')}` }

  it('boots the example CRM, creating its tables, and serves records', async () => {
    const app = await openApp({ dir: 'examples/crm', ...database() })
    try {
      const account = await app.records.create('account', { name: 'Acme' })
      await app.records.create('opportunity', {
        name: 'Big deal',
        account: account.id,
        amount: 5000,
        probability: 40,
      })
      const { records } = await app.records.find('opportunity', {
        filter: { 'account.name': { $startsWith: 'ac' } },
        expand: ['account'],
      })
      expect(records).toHaveLength(1)
      expect(records[0]).toMatchObject({
        stage: 'prospecting',
        expected_revenue: 2000,
        account: { name: 'Acme' },
      })
      expect(String(records[0]?.opportunity_number)).toMatch(/^OPP-\d{4}-0001$/)
    } finally {
      await app.close()
    }
  })

  it('applies a non-destructive change on reload and refuses to start over a destructive one', async () => {
    const where = database()
    const first = await openApp({
      files: [manifest, task('  title: { type: text }\n  due: { type: date }\n')],
      ...where,
    })
    await first.records.create('task', { title: 'keep me', due: '2026-01-01' })
    const outcome = await first.reload([
      manifest,
      task('  title: { type: text }\n  due: { type: date }\n  done: { type: boolean }\n'),
    ])
    expect(outcome.ok).toBe(true)
    await first.records.create('task', { title: 'new field', done: true })
    await first.close()

    const refused = await openApp({
      files: [manifest, task('  title: { type: text }\n')],
      ...where,
    }).catch((e: unknown) => e)
    expect(PluginFailed.is(refused)).toBe(true)
    expect((refused as Error).message).toContain('objectos apply --allow-destructive')
    expect(DestructivePlan.is((refused as Error & { cause?: unknown }).cause)).toBe(true)
  })
})
