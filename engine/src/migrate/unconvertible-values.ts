/**
 * Finds the values of a column that would not survive a type change: `plan` counts them, `apply`
 * counts them again inside its transaction and, when destructive steps are allowed, sets them to
 * NULL before converting the rest. Values are read as text in pages (keyset on `id` when the table
 * has one), so a large table is never held in memory at once.
 *
 * @example
 *   const scan = await scanUnconvertible(db.knex, db.dialect, 'deal', 'amount', isNumberText)
 *   scan.rows // 3
 */
import type { Knex } from 'knex'
import type { Dialect } from '../data/connection/database.js'

export interface UnconvertibleScan {
  /** Rows holding a value that does not convert. */
  readonly rows: number
  /** Those values, distinct, as text. */
  readonly values: readonly string[]
}

const pageSize = 5000
const updateBatch = 500

/** The column's value as text, with `??` standing for the column. */
const textSql = (dialect: Dialect): string =>
  dialect === 'postgres' ? '??::text' : 'cast(?? as text)'

export async function scanUnconvertible(
  knex: Knex,
  dialect: Dialect,
  table: string,
  column: string,
  check: (text: string) => boolean,
): Promise<UnconvertibleScan> {
  const keyed = await knex.schema.hasColumn(table, 'id')
  const values = new Set<string>()
  let rows = 0
  let after: string | undefined
  for (;;) {
    const query = knex(table)
      .select(knex.raw(`${textSql(dialect)} as v`, [column]))
      .whereNotNull(column)
    if (keyed) {
      query.select('id').orderBy('id').limit(pageSize)
      if (after !== undefined) query.where('id', '>', after)
    }
    const page = (await query) as { v: string; id?: string }[]
    for (const row of page) {
      if (!check(row.v)) {
        rows++
        values.add(row.v)
      }
    }
    if (!keyed || page.length < pageSize) break
    after = page[page.length - 1]?.id
  }
  return { rows, values: [...values].sort() }
}

/** Sets the given values of `column` to NULL (they are compared in their text form). */
export async function clearUnconvertible(
  knex: Knex,
  dialect: Dialect,
  table: string,
  column: string,
  values: readonly string[],
): Promise<void> {
  for (let start = 0; start < values.length; start += updateBatch) {
    const batch = values.slice(start, start + updateBatch)
    await knex(table)
      .update({ [column]: null })
      .whereRaw(`${textSql(dialect)} in (${batch.map(() => '?').join(', ')})`, [column, ...batch])
  }
}
