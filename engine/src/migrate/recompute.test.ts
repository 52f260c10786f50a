import { describe, expect, it } from 'vitest'
import { dialects, useTestDatabase } from '../testing/test-database.js'
import { compileTestApp } from '../testing/test-app.js'
import { createRecord } from '../data/write/create-record.js'
import { createHookBus } from '../runtime/hook-bus.js'
import { ensureSystemTables } from '../data/schema/system-tables.js'
import type { Registry } from '../registry/registry.js'
import { migrate, planMigration, renderPlan } from './index.js'

const account = (extra: string) => `
fields:
  name: { type: text }
${extra}`
const deal = `
fields:
  account: { type: master_detail, reference: account }
  amount: { type: number }
  qty: { type: number }
`

describe.each(dialects)('recomputing stored computed fields on %s', (dialect) => {
  const db = useTestDatabase(dialect)

  async function rows(table: string): Promise<Record<string, unknown>[]> {
    return (await db().knex(table).select('*').orderBy('id')) as Record<string, unknown>[]
  }

  async function create(registry: Registry, object: string, input: Record<string, unknown>) {
    return createRecord({ db: db(), registry, hooks: createHookBus() }, object, input, {})
  }

  it('recomputes a formula or summary added to, or changed on, a table with rows', async () => {
    const v1 = await compileTestApp({ account: account(''), deal })
    await ensureSystemTables(db())
    await migrate(db(), v1)
    const acme = await create(v1, 'account', { name: 'Acme' })
    await create(v1, 'deal', { account: acme.id, amount: 10, qty: 2 })
    await create(v1, 'deal', { account: acme.id, amount: 5, qty: 1 })

    // Add a summary on account and a formula on deal: both tables already have rows.
    const v2 = await compileTestApp({
      account: account(
        '  total: { type: summary, summaryOperations: { object: deal, field: amount, function: sum } }',
      ),
      deal: `${deal}  value: { type: formula, returnType: number, expression: record.amount * record.qty }\n`,
    })
    const plan = await planMigration(db(), v2)
    expect(renderPlan(plan)).toContain('= recompute account.total (definition added)')
    expect(renderPlan(plan)).toContain('= recompute deal.value (definition added)')
    await migrate(db(), v2)
    expect((await rows('account'))[0]?.total).toBe(15)
    expect((await rows('deal')).map((r) => r.value)).toEqual([20, 5])
    expect((await planMigration(db(), v2)).steps).toEqual([])

    // Change the formula: only it is recomputed.
    const v3 = await compileTestApp({
      account: account(
        '  total: { type: summary, summaryOperations: { object: deal, field: amount, function: sum } }',
      ),
      deal: `${deal}  value: { type: formula, returnType: number, expression: record.amount * record.qty * 10.0 }\n`,
    })
    const changed = await planMigration(db(), v3)
    expect(changed.steps.map((s) => s.description)).toEqual([
      'recompute deal.value (definition changed)',
    ])
    await migrate(db(), v3)
    expect((await rows('deal')).map((r) => r.value)).toEqual([200, 50])
  })
})
