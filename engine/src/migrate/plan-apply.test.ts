import { describe, expect, it } from 'vitest'
import { sqlTypeName } from '../data/schema/column-type.js'
import { dialects } from '../testing/test-database.js'
import { applyPlan, migrate } from './apply-plan.js'
import { readHistory, readManaged } from './migration-history.js'
import { planMigration } from './plan-migration.js'
import { renderPlan } from './render-plan.js'
import {
  app,
  columnValues,
  historyCount,
  insertRows,
  liveColumns,
  liveTable,
  withDatabase,
} from './testing/migration-fixtures.js'

const account = 'fields:\n  name: { type: text, required: true }\n  revenue: { type: number }\n'

describe.each(dialects)('plan and apply on %s', (dialect) => {
  it('creates a table with every column typed as sqlTypeName spells it', async () => {
    await withDatabase(dialect, async (db) => {
      const registry = await app({ account })
      const plan = await planMigration(db, registry)
      expect(plan.steps.map((s) => s.kind)).toEqual(['create_table'])
      expect(renderPlan(plan)).toBe('+ create table account (9 columns)\n')
      await applyPlan(db, plan)
      const columns = await liveColumns(db, 'account')
      expect(columns.revenue).toBe(sqlTypeName({ kind: 'double' }, dialect))
      expect(columns.created_at).toBe(sqlTypeName({ kind: 'datetime' }, dialect))
      expect(Object.keys(columns)).toEqual([
        'id',
        'created_at',
        'updated_at',
        'created_by',
        'updated_by',
        'owner_id',
        'version',
        'name',
        'revenue',
      ])
      const live = await liveTable(db, 'account')
      expect(live?.columns.find((c) => c.name === 'id')).toMatchObject({
        primaryKey: true,
        nullable: false,
      })
      expect((await readManaged(db.knex)).tables).toEqual(new Set(['account']))
    })
  })

  it('records the applied plan, and a second plan + apply is a no-op', async () => {
    await withDatabase(dialect, async (db) => {
      const registry = await app({
        account,
        contact: 'fields:\n  email: { type: email, unique: true }\n',
      })
      const first = await migrate(db, registry)
      expect(first.steps).toHaveLength(2)
      const history = await readHistory(db.knex)
      expect(history).toHaveLength(1)
      expect(history[0]?.steps).toEqual(JSON.parse(JSON.stringify(first.steps)))
      expect(Date.parse(history[0]?.appliedAt ?? '')).not.toBeNaN()

      const second = await planMigration(db, registry)
      expect(second.steps).toEqual([])
      expect(renderPlan(second)).toBe('No changes.\n')
      await applyPlan(db, second)
      await migrate(db, registry)
      expect(await historyCount(db)).toBe(1)
    })
  })

  it('adds a column and keeps the rows', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(db, await app({ account }))
      await insertRows(db, 'account', [{ name: 'Acme' }, { name: 'Bolt' }])
      const next = await app({ account: `${account}  phone: { type: phone }\n` })
      const plan = await planMigration(db, next)
      expect(renderPlan(plan)).toBe('+ add column account.phone text\n')
      expect(plan.steps[0]).toMatchObject({ kind: 'add_column', object: 'account', field: 'phone' })
      await applyPlan(db, plan)
      expect(await columnValues(db, 'account', 'name')).toEqual(['Acme', 'Bolt'])
      expect(await columnValues(db, 'account', 'phone')).toEqual([null, null])
      expect((await planMigration(db, next)).steps).toEqual([])
    })
  })

  it('orders steps deterministically: by kind, then table, then column', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(
        db,
        await app({ b: 'fields:\n  x: { type: text }\n', a: 'fields:\n  x: { type: text }\n' }),
      )
      const next = await app({
        b: 'fields:\n  x: { type: text }\n  z: { type: text }\n  y: { type: text, unique: true }\n',
        a: 'fields:\n  x: { type: text }\n  w: { type: number }\n',
        c: 'fields:\n  x: { type: text }\n',
      })
      const plan = await planMigration(db, next)
      expect(plan.steps.map((s) => s.description)).toEqual([
        'create table c (8 columns)',
        'add column a.w ' + sqlTypeName({ kind: 'double' }, dialect),
        'add column b.y text',
        'add column b.z text',
        'add unique index b_y_unique on b (y)',
      ])
      expect(await planMigration(db, next)).toEqual(plan)
    })
  })
})
