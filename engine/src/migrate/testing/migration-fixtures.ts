/**
 * Helpers for the migration suites: an app compiled from inline YAML (one string per object, the
 * body after `name:`), a fresh database per test, and small readers of the live result.
 *
 * @example
 *   await withDatabase(dialect, async (db) => {
 *     await migrate(db, await app({ deal: 'fields:\n  amount: { type: number }\n' }))
 *   })
 */
import type { Database, Dialect } from '../../data/connection/database.js'
import type { Registry } from '../../registry/registry.js'
import { compileTestApp } from '../../testing/test-app.js'
import { openTestDatabase } from '../../testing/test-database.js'
import { introspect, type LiveTable } from '../live-schema.js'
import { readHistory } from '../migration-history.js'

/** Only the given objects: these suites count tables and steps, so no platform objects. */
export function app(objects: Readonly<Record<string, string>>): Promise<Registry> {
  return compileTestApp(objects, { platform: false })
}

/** Runs `test` on a fresh empty database of the dialect, closed (and dropped) afterwards. */
export async function withDatabase(
  dialect: Dialect,
  test: (db: Database) => Promise<void>,
): Promise<void> {
  const db = await openTestDatabase(dialect)
  try {
    await test(db)
  } finally {
    await db.close()
  }
}

export async function liveTable(db: Database, name: string): Promise<LiveTable | undefined> {
  return (await introspect(db.knex, db.dialect)).tables.get(name)
}

/** Column name → SQL type of a live table. */
export async function liveColumns(db: Database, table: string): Promise<Record<string, string>> {
  const live = await liveTable(db, table)
  return Object.fromEntries((live?.columns ?? []).map((c) => [c.name, c.sqlType]))
}

export async function historyCount(db: Database): Promise<number> {
  return (await readHistory(db.knex)).length
}

/** Inserts raw rows (column values as the database stores them), with generated ids. */
export async function insertRows(
  db: Database,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  await db.knex(table).insert(rows.map((row, i) => ({ id: `r${i + 1}`, version: 1, ...row })))
}

/** The values of `column`, ordered by id. */
export async function columnValues(
  db: Database,
  table: string,
  column: string,
): Promise<unknown[]> {
  const rows = (await db.knex(table).select(column).orderBy('id')) as Record<string, unknown>[]
  return rows.map((row) => row[column])
}
