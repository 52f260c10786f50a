/**
 * Loads the relations an expand plan names, batched: one statement per expanded path whatever
 * the number of records (the ids travel as one bound JSON list), never one per row.
 */
import type { ObjectNode } from '../../ir/object-node.js'
import type { Dialect } from '../connection/database.js'
import { rowDecoder, type DataRecord } from '../values/row-codec.js'
import type { ExpandNode } from './expand-plan.js'
import type { QueryExecutor } from './query-executor.js'
import { maskTrailChanges } from '../access/audit-field-access.js'
import type { ReadGuard } from '../access/read-guard.js'
import { runSelect } from './select-statement.js'
import { sortFragment, type ResolvedSortKey } from './sort-keys.js'
import { fragment } from './sql-fragment.js'

/** Expands `records` (of the nodes' parent object) in place. */
export async function expandRecords(
  executor: QueryExecutor,
  nodes: readonly ExpandNode[],
  records: readonly DataRecord[],
  guard?: ReadGuard,
): Promise<void> {
  for (const node of nodes) {
    const loaded =
      node.kind === 'lookup'
        ? await expandLookup(executor, node, records, guard)
        : await expandChildren(executor, node, records, guard)
    if (node.children.length > 0 && loaded.length > 0) {
      await expandRecords(executor, node.children, loaded, guard)
    }
  }
}

async function expandLookup(
  executor: QueryExecutor,
  node: ExpandNode,
  records: readonly DataRecord[],
  guard: ReadGuard | undefined,
): Promise<DataRecord[]> {
  const ids = unique(records.map((r) => r[node.field.name]))
  const loaded = await selectWhereIn(executor, node.object, 'id', ids, undefined, guard)
  const byId = new Map(loaded.map((r) => [r.id, r]))
  for (const record of records) {
    const id = record[node.field.name]
    // A dangling id (the target was deleted) reads as no record, like a NULL lookup.
    record[node.key] = typeof id === 'string' ? (byId.get(id) ?? null) : null
  }
  return loaded
}

async function expandChildren(
  executor: QueryExecutor,
  node: ExpandNode,
  records: readonly DataRecord[],
  guard: ReadGuard | undefined,
): Promise<DataRecord[]> {
  const ids = unique(records.map((r) => r.id))
  const created = node.object.fields.get('created_at')
  const id = node.object.fields.get('id')
  const order: ResolvedSortKey[] = []
  if (created !== undefined) order.push({ field: created, direction: 'asc' })
  if (id !== undefined) order.push({ field: id, direction: 'asc' })
  const loaded = await selectWhereIn(executor, node.object, node.field.column, ids, order, guard)
  const groups = new Map<unknown, DataRecord[]>()
  for (const child of loaded) {
    const parent = child[node.field.name]
    const group = groups.get(parent)
    if (group === undefined) groups.set(parent, [child])
    else group.push(child)
  }
  for (const record of records) record[node.key] = groups.get(record.id) ?? []
  return loaded
}

function unique(values: readonly unknown[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string'))]
}

/** `column IN (ids)` with the ids bound as one JSON list: one statement of constant size. */
async function selectWhereIn(
  executor: QueryExecutor,
  object: ObjectNode,
  column: string,
  ids: readonly string[],
  order: readonly ResolvedSortKey[] | undefined,
  guard: ReadGuard | undefined,
): Promise<DataRecord[]> {
  if (ids.length === 0) return []
  const { dialect } = executor
  // A principal gets the records and fields it may read; a hidden target reads as no record.
  const fields = guard?.readableFields(object)
  const visible = guard?.rows(object, object.table)
  const rows = await runSelect(executor, {
    table: object.table,
    columns: (fields ?? [...object.fields.keys()]).map(
      (name) => object.fields.get(name)?.column ?? name,
    ),
    where: [
      fragment(`?? in (${idListSql(dialect)})`, [`${object.table}.${column}`, JSON.stringify(ids)]),
      ...(visible === undefined ? [] : [visible]),
    ],
    orderBy: order === undefined ? undefined : sortFragment(object.table, order),
  })
  const records = rows.map(rowDecoder(object, dialect, fields))
  if (guard !== undefined) await maskTrailChanges(executor, guard, object, records)
  return records
}

function idListSql(dialect: Dialect): string {
  return dialect === 'sqlite'
    ? 'select value from json_each(?)'
    : 'select jsonb_array_elements_text(?::jsonb)'
}
