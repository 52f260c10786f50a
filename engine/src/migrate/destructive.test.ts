import { DestructivePlan, MigrationFailed, PlanOutdated } from '@objectos/errors'
import { describe, expect, it } from 'vitest'
import { dialects } from '../testing/test-database.js'
import { applyPlan, migrate, migrateOnStart } from './apply-plan.js'
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

const lead = 'fields:\n  name: { type: text }\n  fax: { type: text }\n'
const leadWithoutFax = 'fields:\n  name: { type: text }\n'

describe.each(dialects)('destructive steps on %s', (dialect) => {
  it('refuses to drop a column without allowDestructive, and drops it with', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(db, await app({ lead }))
      await insertRows(db, 'lead', [
        { name: 'Ada', fax: '1' },
        { name: 'Bob', fax: null },
      ])
      const plan = await planMigration(db, await app({ lead: leadWithoutFax }))
      expect(renderPlan(plan)).toBe('- drop column lead.fax (1 value)  [destructive]\n')

      const error = await applyPlan(db, plan).catch((e: unknown) => e)
      expect(DestructivePlan.is(error)).toBe(true)
      expect((error as InstanceType<typeof Error> & { errors: unknown[] }).errors).toEqual([
        { field: 'lead.fax', code: 'drop_column', message: 'drop column lead.fax (1 value)' },
      ])
      expect(Object.keys(await liveColumns(db, 'lead'))).toContain('fax')
      expect(await historyCount(db)).toBe(1)

      await applyPlan(db, plan, { allowDestructive: true })
      expect(Object.keys(await liveColumns(db, 'lead'))).not.toContain('fax')
      expect(await columnValues(db, 'lead', 'name')).toEqual(['Ada', 'Bob'])
      expect(await historyCount(db)).toBe(2)
    })
  })

  it('drops an indexed column', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(
        db,
        await app({
          lead: 'fields:\n  name: { type: text }\n  fax: { type: text, unique: true }\n',
        }),
      )
      const plan = await planMigration(db, await app({ lead: leadWithoutFax }))
      expect(plan.steps.map((s) => s.kind)).toEqual(['drop_index', 'drop_column'])
      await applyPlan(db, plan, { allowDestructive: true })
      expect((await liveTable(db, 'lead'))?.indexes).toEqual([])
    })
  })

  it('refuses to drop a table ObjectOS created without allowDestructive, and drops it with', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(db, await app({ lead, memo: leadWithoutFax }))
      await insertRows(db, 'memo', [{ name: 'x' }, { name: 'y' }])
      const plan = await planMigration(db, await app({ lead }))
      expect(renderPlan(plan)).toBe('- drop table memo (2 rows)  [destructive]\n')
      await expect(applyPlan(db, plan)).rejects.toSatisfy(DestructivePlan.is)
      expect(await liveTable(db, 'memo')).toBeDefined()
      await applyPlan(db, plan, { allowDestructive: true })
      expect(await liveTable(db, 'memo')).toBeUndefined()
      expect((await planMigration(db, await app({ lead }))).steps).toEqual([])
    })
  })

  it('never drops a table or an index ObjectOS did not create', async () => {
    await withDatabase(dialect, async (db) => {
      await db.knex.schema.createTable('legacy', (t) => {
        t.text('id').primary()
        t.text('name')
      })
      await db.knex('legacy').insert({ id: '1', name: 'kept' })
      // Adopted: declaring it adds the missing columns, nothing else.
      const adopted = await migrate(db, await app({ legacy: leadWithoutFax, lead }))
      expect(adopted.steps.filter((s) => s.table === 'legacy').map((s) => s.kind)).toEqual(
        Array(6).fill('add_column'),
      )
      await db.knex.raw('create index legacy_by_hand on lead (name)')
      // Removed from the metadata: it stays, and so does the hand-made index on a managed table.
      const plan = await planMigration(db, await app({ lead }))
      expect(plan.steps).toEqual([])
      await migrate(db, await app({ lead }), { allowDestructive: true })
      expect(await columnValues(db, 'legacy', 'name')).toEqual(['kept'])
      expect((await liveTable(db, 'lead'))?.indexes.map((i) => i.name)).toEqual(['legacy_by_hand'])
    })
  })

  it('adds and drops indexes', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(db, await app({ lead }))
      const unique = await app({
        lead: 'fields:\n  name: { type: text }\n  fax: { type: text, unique: true }\n',
      })
      const add = await planMigration(db, unique)
      expect(renderPlan(add)).toBe('+ add unique index lead_fax_unique on lead (fax)\n')
      await applyPlan(db, add)
      expect((await liveTable(db, 'lead'))?.indexes).toEqual([
        { name: 'lead_fax_unique', columns: ['fax'], unique: true },
      ])
      const drop = await planMigration(db, await app({ lead }))
      expect(renderPlan(drop)).toBe('- drop index lead_fax_unique on lead\n')
      await applyPlan(db, drop)
      expect((await liveTable(db, 'lead'))?.indexes).toEqual([])
    })
  })

  it('takes over tables made with the knex schema builder, unique constraints included', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(db, await app({ shop: 'fields:\n  a: { type: text }\n  b: { type: text }\n' }))
      await db.knex.schema.alterTable('shop', (t) => t.unique(['a'], { indexName: 'shop_pair' }))
      const declared = await app({
        shop: [
          'fields:\n  a: { type: text }\n  b: { type: text }',
          'indexes:\n  - { name: shop_pair, fields: [a, b], unique: global }\n',
        ].join('\n'),
      })
      const plan = await planMigration(db, declared)
      expect(renderPlan(plan)).toBe(
        '- drop index shop_pair on shop\n+ add unique index shop_pair on shop (a, b)\n',
      )
      await applyPlan(db, plan)
      expect((await liveTable(db, 'shop'))?.indexes).toEqual([
        { name: 'shop_pair', columns: ['a', 'b'], unique: true },
      ])
      expect((await planMigration(db, declared)).steps).toEqual([])
    })
  })

  it('rolls back every step when one fails', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(db, await app({ lead }))
      await insertRows(db, 'lead', [{ fax: 'same' }, { fax: 'same' }])
      const next = await app({
        lead: 'fields:\n  name: { type: text }\n  fax: { type: text, unique: true }\n  email: { type: email }\n',
        extra: leadWithoutFax,
      })
      const plan = await planMigration(db, next)
      expect(plan.steps.map((s) => s.kind)).toEqual(['create_table', 'add_column', 'add_index'])
      const error = await applyPlan(db, plan).catch((e: unknown) => e)
      expect(MigrationFailed.is(error)).toBe(true)
      expect((error as Error).message).toContain('add unique index lead_fax_unique on lead (fax)')
      expect(await liveTable(db, 'extra')).toBeUndefined()
      expect(Object.keys(await liveColumns(db, 'lead'))).not.toContain('email')
      expect(await historyCount(db)).toBe(1)
      expect(await planMigration(db, next)).toEqual(plan)
    })
  })

  it('refuses a plan made before the database changed', async () => {
    await withDatabase(dialect, async (db) => {
      const stale = await planMigration(db, await app({ lead }))
      await migrate(db, await app({ lead }))
      await expect(applyPlan(db, stale)).rejects.toSatisfy(PlanOutdated.is)
      expect(await historyCount(db)).toBe(1)
    })
  })

  it('migrateOnStart applies safe plans and refuses destructive ones, naming the steps', async () => {
    await withDatabase(dialect, async (db) => {
      const first = await migrateOnStart(db, await app({ lead }))
      expect(first.steps.map((s) => s.kind)).toEqual(['create_table'])
      const error = await migrateOnStart(
        db,
        await app({ lead: `${leadWithoutFax}  email: { type: email }\n` }),
      ).catch((e: unknown) => e)
      expect(DestructivePlan.is(error)).toBe(true)
      expect((error as Error).message).toContain('run "objectos apply --allow-destructive"')
      expect((error as { errors: { message: string }[] }).errors.map((e) => e.message)).toEqual([
        'drop column lead.fax (0 values)',
      ])
      // Refused as a whole: the safe step of the same plan did not run either.
      expect(Object.keys(await liveColumns(db, 'lead'))).not.toContain('email')
    })
  })
})
