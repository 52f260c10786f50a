/**
 * Reads the live schema of a SQLite database with its table-valued pragmas (table_info,
 * index_list, index_info). SQLite keeps the type a column was declared with; it is normalised to
 * the column's affinity (`integer`, `text`, `real`, `numeric`, `blob`), which is what
 * `sqlTypeName` produces for SQLite and what decides how values are stored.
 */
import type { Knex } from 'knex'
import { enginePrefix, liveSchemaOf, type LiveIndex, type LiveSchema } from './live-schema.js'

interface TableInfoRow {
  readonly name: string
  readonly type: string
  readonly notnull: number
  readonly pk: number
}

interface IndexListRow {
  readonly name: string
  readonly unique: number
  /** `c`: CREATE INDEX; `u`: UNIQUE constraint; `pk`: PRIMARY KEY. */
  readonly origin: string
}

interface IndexInfoRow {
  readonly seqno: number
  readonly name: string | null
}

export async function introspectSqlite(knex: Knex): Promise<LiveSchema> {
  const tables = (await knex.raw(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name",
  )) as { name: string }[]
  const out = []
  for (const { name } of tables) {
    if (name.startsWith(enginePrefix)) continue
    const info = (await knex.raw('select * from pragma_table_info(?)', [name])) as TableInfoRow[]
    const columns = info.map((row) => ({
      name: row.name,
      sqlType: sqliteAffinity(row.type),
      nullable: row.notnull === 0 && row.pk === 0,
      primaryKey: row.pk > 0,
    }))
    out.push({ name, columns, indexes: await sqliteIndexes(knex, name) })
  }
  return liveSchemaOf(out)
}

/** The indexes created with CREATE INDEX (those of constraints cannot be dropped by name). */
export async function sqliteIndexes(knex: Knex, table: string): Promise<LiveIndex[]> {
  const list = (await knex.raw('select * from pragma_index_list(?)', [table])) as IndexListRow[]
  const indexes: LiveIndex[] = []
  for (const index of list.filter((i) => i.origin === 'c')) {
    const info = (await knex.raw('select * from pragma_index_info(?)', [
      index.name,
    ])) as IndexInfoRow[]
    const columns = [...info].sort((a, b) => a.seqno - b.seqno).map((c) => c.name ?? '(expression)')
    indexes.push({ name: index.name, columns, unique: index.unique === 1 })
  }
  return indexes.sort((a, b) => (a.name < b.name ? -1 : 1))
}

/** SQLite's affinity rules (https://sqlite.org/datatype3.html §3.1), in their order. */
export function sqliteAffinity(declared: string): string {
  const type = declared.toLowerCase()
  if (type.includes('int')) return 'integer'
  if (type.includes('char') || type.includes('clob') || type.includes('text')) return 'text'
  if (type === '' || type.includes('blob')) return 'blob'
  if (type.includes('real') || type.includes('floa') || type.includes('doub')) return 'real'
  return 'numeric'
}
