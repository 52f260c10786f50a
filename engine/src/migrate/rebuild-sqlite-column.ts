/**
 * Changes a column's type on SQLite, which has no ALTER COLUMN: the table is copied into a new
 * one with the new column type (converting that column with `expression`), the old table is
 * dropped, the copy takes its name and the table's indexes are created again from their original
 * SQL. SQLite runs DDL inside transactions, so a failure leaves the old table as it was.
 */
import type { Knex } from 'knex'
import { quoteIdentifier as q } from './quote-identifier.js'

interface TableInfoRow {
  readonly name: string
  readonly type: string
  readonly notnull: number
  readonly dflt_value: string | null
  readonly pk: number
}

/** SQL read back from the database goes through knex.raw as text: its `?` are not bindings. */
const literal = (sql: string): string => sql.replaceAll('?', '\\?')

/**
 * @example
 *   await rebuildSqliteColumn(trx, 'deal', 'amount', 'real', (c) => `cast(${c} as real)`)
 */
export async function rebuildSqliteColumn(
  trx: Knex.Transaction,
  table: string,
  column: string,
  sqlType: string,
  expression: (quotedColumn: string) => string,
): Promise<void> {
  const info = (await trx.raw('select * from pragma_table_info(?)', [table])) as TableInfoRow[]
  const indexes = (await trx.raw(
    "select sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null",
    [table],
  )) as { sql: string }[]
  const copy = `objectos_rebuild_${table}`
  const definitions = info.map((c) => {
    const type = c.name === column ? sqlType : c.type
    const notNull = c.notnull === 1 ? ' not null' : ''
    const fallback = c.dflt_value === null ? '' : ` default ${c.dflt_value}`
    return `${q(c.name)} ${type}${notNull}${fallback}`
  })
  const key = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
  if (key.length > 0) definitions.push(`primary key (${key.map((c) => q(c.name)).join(', ')})`)
  const names = info.map((c) => q(c.name)).join(', ')
  const values = info.map((c) => (c.name === column ? expression(q(c.name)) : q(c.name))).join(', ')

  await trx.raw(literal(`create table ${q(copy)} (${definitions.join(', ')})`))
  await trx.raw(literal(`insert into ${q(copy)} (${names}) select ${values} from ${q(table)}`))
  await trx.raw(`drop table ${q(table)}`)
  await trx.raw(`alter table ${q(copy)} rename to ${q(table)}`)
  for (const { sql } of indexes) await trx.raw(literal(sql))
}
