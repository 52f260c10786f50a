import { describe, expect, it } from 'vitest'
import { sqlTypeName } from '../data/schema/column-type.js'
import { dialects } from '../testing/test-database.js'
import { applyPlan, migrate } from './apply-plan.js'
import { readManaged } from './migration-history.js'
import { planMigration } from './plan-migration.js'
import { renderPlan } from './render-plan.js'
import {
  app,
  columnValues,
  insertRows,
  liveColumns,
  liveTable,
  withDatabase,
} from './testing/migration-fixtures.js'

describe.each(dialects)('declared renames on %s', (dialect) => {
  it('renames a column and keeps its data', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(
        db,
        await app({ lead: 'fields:\n  name: { type: text }\n  fax: { type: text }\n' }),
      )
      await insertRows(db, 'lead', [
        { name: 'Ada', fax: '555-1' },
        { name: 'Bob', fax: '555-2' },
      ])
      const next = await app({
        lead: 'fields:\n  name: { type: text }\n  fax_number: { type: text, renamedFrom: fax }\n',
      })
      const plan = await planMigration(db, next)
      expect(plan.steps).toEqual([
        expect.objectContaining({
          kind: 'rename_column',
          object: 'lead',
          field: 'fax_number',
          from: 'fax',
          column: 'fax_number',
          destructive: false,
        }),
      ])
      expect(renderPlan(plan)).toBe('> rename column lead.fax → lead.fax_number\n')
      await applyPlan(db, plan)
      expect(await columnValues(db, 'lead', 'fax_number')).toEqual(['555-1', '555-2'])
      expect(Object.keys(await liveColumns(db, 'lead'))).not.toContain('fax')
      // Done once: the old name is gone and the new one exists, so nothing is left to do.
      expect((await planMigration(db, next)).steps).toEqual([])
    })
  })

  it('renames and converts a column in one plan, rename first', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(db, await app({ lead: 'fields:\n  score: { type: text }\n' }))
      await insertRows(db, 'lead', [{ score: '42' }])
      const next = await app({ lead: 'fields:\n  rating: { type: number, renamedFrom: score }\n' })
      const plan = await planMigration(db, next)
      expect(plan.steps.map((s) => s.kind)).toEqual(['rename_column', 'alter_column_type'])
      await applyPlan(db, plan)
      expect(await columnValues(db, 'lead', 'rating')).toEqual([42])
      expect((await liveColumns(db, 'lead')).rating).toBe(sqlTypeName({ kind: 'double' }, dialect))
    })
  })

  it('renames a table with its rows, and its new name stays managed', async () => {
    await withDatabase(dialect, async (db) => {
      const body =
        'fields:\n  name: { type: text }\n  account: { type: lookup, reference: account }\n'
      await migrate(db, await app({ opp: body, account: 'fields:\n  name: { type: text }\n' }))
      await insertRows(db, 'opp', [{ name: 'Big deal' }])
      const next = await app({
        deal: `renamedFrom: opp\n${body}`,
        account: 'fields:\n  name: { type: text }\n',
      })
      const plan = await planMigration(db, next)
      expect(renderPlan(plan)).toBe(
        [
          '> rename table opp → deal',
          '- drop index opp_account_idx on deal',
          '+ add index deal_account_idx on deal (account)',
          '',
        ].join('\n'),
      )
      await applyPlan(db, plan)
      expect(await liveTable(db, 'opp')).toBeUndefined()
      expect(await columnValues(db, 'deal', 'name')).toEqual(['Big deal'])
      expect((await readManaged(db.knex)).tables).toEqual(new Set(['account', 'deal']))
      expect((await planMigration(db, next)).steps).toEqual([])

      // Once every database is migrated the declaration goes, and the old name is free again:
      // a new object can take it (and the name of its primary key on PostgreSQL).
      const again = await app({
        deal: body,
        account: 'fields:\n  name: { type: text }\n',
        opp: 'fields:\n  title: { type: text }\n',
      })
      const created = await migrate(db, again)
      expect(created.steps.map((s) => s.description)).toEqual(['create table opp (8 columns)'])
    })
  })

  it('creates the table when neither the old nor the new name exists', async () => {
    await withDatabase(dialect, async (db) => {
      const plan = await planMigration(
        db,
        await app({ deal: 'renamedFrom: opp\nfields:\n  x: { type: text }\n' }),
      )
      expect(plan.steps.map((s) => s.kind)).toEqual(['create_table'])
    })
  })
})
