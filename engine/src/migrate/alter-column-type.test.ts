import { DestructivePlan, UnconvertibleValues } from '@objectos/errors'
import { describe, expect, it } from 'vitest'
import { sqlTypeName } from '../data/schema/column-type.js'
import { dialects } from '../testing/test-database.js'
import { applyPlan, migrate } from './apply-plan.js'
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

const asText = 'fields:\n  code: { type: text, unique: true }\n  note: { type: text }\n'
const asNumber = 'fields:\n  code: { type: number, unique: true }\n  note: { type: text }\n'

describe.each(dialects)('changing a column type on %s', (dialect) => {
  const double = sqlTypeName({ kind: 'double' }, dialect)

  it('counts the rows that would not convert and refuses to lose them by default', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(db, await app({ part: asText }))
      await insertRows(db, 'part', [
        { code: '12', note: 'a' },
        { code: ' 7.5', note: 'b' },
        { code: 'abc', note: 'c' },
        { code: null, note: 'd' },
        { code: 'n/a', note: 'e' },
      ])
      const plan = await planMigration(db, await app({ part: asNumber }))
      expect(plan.steps).toHaveLength(1)
      expect(plan.steps[0]).toMatchObject({
        kind: 'alter_column_type',
        object: 'part',
        field: 'code',
        fromType: 'text',
        unconvertible: 2,
        destructive: true,
      })
      expect(renderPlan(plan)).toBe(
        `~ change part.code text → ${double} (2 rows would not convert and would become NULL)  [destructive]\n`,
      )

      await expect(applyPlan(db, plan)).rejects.toThrow(DestructivePlan.create(1).message)
      expect(await liveColumns(db, 'part')).toMatchObject({ code: 'text' })
      expect(await columnValues(db, 'part', 'code')).toEqual(['12', ' 7.5', 'abc', null, 'n/a'])
      expect(await historyCount(db)).toBe(1)

      await applyPlan(db, plan, { allowDestructive: true })
      expect(await liveColumns(db, 'part')).toMatchObject({ code: double })
      expect(await columnValues(db, 'part', 'code')).toEqual([12, 7.5, null, null, null])
      expect(await columnValues(db, 'part', 'note')).toEqual(['a', 'b', 'c', 'd', 'e'])
      // The unique index on the column survives the change (SQLite rebuilds the table).
      const index = (await liveTable(db, 'part'))?.indexes.find(
        (i) => i.name === 'part_code_unique',
      )
      expect(index).toEqual({ name: 'part_code_unique', columns: ['code'], unique: true })
      expect((await planMigration(db, await app({ part: asNumber }))).steps).toEqual([])
    })
  })

  it('converts without the flag when every value converts', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(db, await app({ part: asText }))
      await insertRows(db, 'part', [{ code: '1' }, { code: '-2.25' }, { code: '3e2' }])
      const plan = await planMigration(db, await app({ part: asNumber }))
      expect(plan.steps[0]).toMatchObject({ unconvertible: 0, destructive: false })
      expect(renderPlan(plan)).toBe(`~ change part.code text → ${double}\n`)
      await applyPlan(db, plan)
      expect(await columnValues(db, 'part', 'code')).toEqual([1, -2.25, 300])
    })
  })

  it('counts again when applying: values that stopped converting since the plan are refused', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(db, await app({ part: asText }))
      await insertRows(db, 'part', [{ code: '1' }])
      const plan = await planMigration(db, await app({ part: asNumber }))
      expect(plan.steps[0]?.destructive).toBe(false)
      await db.knex('part').insert({ id: 'late', version: 1, code: 'oops' })
      const error = await applyPlan(db, plan).catch((e: unknown) => e)
      expect(UnconvertibleValues.is(error)).toBe(true)
      expect((error as Error).message).toContain('1 row of part.code cannot be converted')
      expect(await liveColumns(db, 'part')).toMatchObject({ code: 'text' })
    })
  })

  it('converts numbers to integers only when they are whole', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(db, await app({ item: 'fields:\n  qty: { type: number }\n' }))
      await insertRows(db, 'item', [{ qty: 2 }, { qty: 2.5 }, { qty: 10 }])
      const next = await app({ item: 'fields:\n  qty: { type: rating }\n' })
      const plan = await planMigration(db, next)
      expect(plan.steps[0]).toMatchObject({ kind: 'alter_column_type', unconvertible: 1 })
      await applyPlan(db, plan, { allowDestructive: true })
      expect(await columnValues(db, 'item', 'qty')).toEqual([2, null, 10])
      expect(await liveColumns(db, 'item')).toMatchObject({
        qty: sqlTypeName({ kind: 'integer' }, dialect),
      })
    })
  })

  it('converts text to booleans from true/false words', async () => {
    await withDatabase(dialect, async (db) => {
      await migrate(db, await app({ task: 'fields:\n  done: { type: text }\n' }))
      await insertRows(db, 'task', [{ done: 'true' }, { done: 'No' }, { done: 'maybe' }])
      const plan = await planMigration(
        db,
        await app({ task: 'fields:\n  done: { type: boolean }\n' }),
      )
      expect(plan.steps[0]).toMatchObject({ unconvertible: 1 })
      await applyPlan(db, plan, { allowDestructive: true })
      const values = await columnValues(db, 'task', 'done')
      expect(values).toEqual(dialect === 'sqlite' ? [1, 0, null] : [true, false, null])
    })
  })
})

describe.skipIf(!dialects.includes('postgres'))('PostgreSQL-only type changes', () => {
  it('converts text to dates and timestamps, counting invalid ones', async () => {
    await withDatabase('postgres', async (db) => {
      await migrate(db, await app({ ev: 'fields:\n  day: { type: text }\n  at: { type: text }\n' }))
      await insertRows(db, 'ev', [
        { day: '2024-02-29', at: '2024-02-29T10:30:00Z' },
        { day: '2023-02-29', at: 'yesterday' },
      ])
      const next = await app({ ev: 'fields:\n  day: { type: date }\n  at: { type: datetime }\n' })
      const plan = await planMigration(db, next)
      expect(plan.steps.map((s) => s.kind === 'alter_column_type' && s.unconvertible)).toEqual([
        1, 1,
      ])
      await applyPlan(db, plan, { allowDestructive: true })
      expect(await columnValues(db, 'ev', 'day')).toEqual(['2024-02-29', null])
      expect(await columnValues(db, 'ev', 'at')).toEqual(['2024-02-29T10:30:00.000Z', null])
    })
  })

  it('converts text to jsonb when it parses', async () => {
    await withDatabase('postgres', async (db) => {
      await migrate(db, await app({ doc: 'fields:\n  data: { type: text }\n' }))
      await insertRows(db, 'doc', [{ data: '{"a":1}' }, { data: '[1,' }])
      const plan = await planMigration(db, await app({ doc: 'fields:\n  data: { type: json }\n' }))
      expect(plan.steps[0]).toMatchObject({ fromType: 'text', unconvertible: 1 })
      await applyPlan(db, plan, { allowDestructive: true })
      expect(await columnValues(db, 'doc', 'data')).toEqual([{ a: 1 }, null])
    })
  })
})
