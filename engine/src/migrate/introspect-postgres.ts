/**
 * Reads the live schema of a PostgreSQL database from pg_catalog, in the connection's current
 * schema (the first schema of its search_path: `public`, or a test's own schema). Types come from
 * `format_type`, which spells them the way `sqlTypeName` does (`numeric(18,2)`,
 * `timestamp with time zone`). Unique constraints are listed with the indexes (knex's `unique()`
 * makes one; run-step.ts drops them as constraints); the primary key and other constraints are
 * left out.
 */
import type { Knex } from 'knex'
import {
  enginePrefix,
  liveSchemaOf,
  type LiveColumn,
  type LiveIndex,
  type LiveSchema,
} from './live-schema.js'

interface ColumnRow {
  readonly table_name: string
  readonly column_name: string
  readonly sql_type: string
  readonly not_null: boolean
  readonly primary_key: boolean
}

interface IndexRow {
  readonly table_name: string
  readonly index_name: string
  readonly is_unique: boolean
  readonly column_name: string | null
}

const columnsSql = `
select c.relname as table_name, a.attname as column_name,
       format_type(a.atttypid, a.atttypmod) as sql_type, a.attnotnull as not_null,
       exists (select 1 from pg_constraint k
               where k.conrelid = c.oid and k.contype = 'p' and a.attnum = any(k.conkey)) as primary_key
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
where n.nspname = current_schema() and c.relkind in ('r', 'p')
order by c.relname, a.attnum`

const indexesSql = `
select t.relname as table_name, i.relname as index_name, x.indisunique as is_unique,
       a.attname as column_name
from pg_index x
join pg_class i on i.oid = x.indexrelid
join pg_class t on t.oid = x.indrelid
join pg_namespace n on n.oid = t.relnamespace
cross join lateral unnest(x.indkey::int2[]) with ordinality as k(attnum, position)
left join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum and k.attnum > 0
where n.nspname = current_schema() and not x.indisprimary
  and not exists (select 1 from pg_constraint k2
                  where k2.conindid = x.indexrelid and k2.contype <> 'u')
order by t.relname, i.relname, k.position`

export async function introspectPostgres(knex: Knex): Promise<LiveSchema> {
  const columnRows = ((await knex.raw(columnsSql)) as { rows: ColumnRow[] }).rows
  const indexRows = ((await knex.raw(indexesSql)) as { rows: IndexRow[] }).rows
  const columns = new Map<string, LiveColumn[]>()
  for (const row of columnRows) {
    if (row.table_name.startsWith(enginePrefix)) continue
    const list = columns.get(row.table_name) ?? []
    list.push({
      name: row.column_name,
      sqlType: row.sql_type.toLowerCase(),
      nullable: !row.not_null,
      primaryKey: row.primary_key,
    })
    columns.set(row.table_name, list)
  }
  const indexes = new Map<string, Map<string, { columns: string[]; unique: boolean }>>()
  for (const row of indexRows) {
    const byName = indexes.get(row.table_name) ?? new Map()
    const index = byName.get(row.index_name) ?? { columns: [], unique: row.is_unique }
    index.columns.push(row.column_name ?? '(expression)')
    byName.set(row.index_name, index)
    indexes.set(row.table_name, byName)
  }
  return liveSchemaOf(
    [...columns].map(([name, list]) => ({
      name,
      columns: list,
      indexes: [...(indexes.get(name) ?? new Map<string, LiveIndex>())]
        .map(([indexName, index]) => ({ name: indexName, ...index }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    })),
  )
}
