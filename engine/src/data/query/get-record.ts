/**
 * One record by id, or undefined when there is none; callers decide whether absence is a 404.
 * It takes a short path of its own rather than the list query's: the SQL text
 * (`select <columns> from <table> where id = ?`) is built once per object, field list and
 * dialect and only the id is bound, so a get runs no filter compiler, sort or paging. Field
 * selection, expansion and decoding are the list query's.
 */
import { InvalidQuery } from '@objectos/errors'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import type { Principal } from '../access/principal.js'
import { maskTrailChanges } from '../access/audit-field-access.js'
import { readGuard } from '../access/read-guard.js'
import type { Dialect } from '../connection/database.js'
import { rowDecoder, type DataRecord } from '../values/row-codec.js'
import { planExpand, type ExpandNode } from './expand-plan.js'
import { expandRecords } from './expand-records.js'
import type { QueryExecutor } from './query-executor.js'
import { readFields } from './query-params.js'
import { runSelect } from './select-statement.js'
import { fragment } from './sql-fragment.js'

export interface GetRecordOptions {
  readonly fields?: readonly string[] | undefined
  readonly expand?: readonly string[] | undefined
  /** Whom the read is for (see FindOptions); a record it may not see reads as absent. */
  readonly principal?: Principal | undefined
}

/**
 * @example
 *   const account = await getRecord(db, registry, 'account', id, { expand: ['opportunity'] })
 *   if (account === undefined) throw RecordNotFound.create('account', id)
 */
export async function getRecord(
  executor: QueryExecutor,
  registry: Registry,
  objectName: string,
  id: string,
  options: GetRecordOptions = {},
): Promise<DataRecord | undefined> {
  if (typeof id !== 'string' || id === '') throw InvalidQuery.create('id', 'expects a record id')
  const object = registry.object(objectName)
  const { knex, dialect } = executor
  const guard =
    options.principal === undefined ? undefined : readGuard(registry, options.principal, dialect)
  guard?.object(object)
  const requested = readFields(object, options.fields)
  for (const name of requested ?? []) {
    const field = object.fields.get(name)
    if (field !== undefined) guard?.checkField(object, field, 'read')
  }
  const expansion = planExpand(registry, object, options.expand, guard)
  const fields = withExpandedLookups(requested ?? guard?.readableFields(object), expansion)
  const visible = guard?.rows(object, object.table)
  let rows: Record<string, unknown>[]
  if (visible === undefined) {
    const result: unknown = await knex.raw(byIdSql(executor, object, fields), [id])
    // better-sqlite3 answers a raw select with its rows, pg with a result that holds them.
    rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
      string,
      unknown
    >[]
  } else {
    // A hidden record is simply not selected: the caller cannot tell it from a missing one.
    rows = await runSelect(executor, {
      table: object.table,
      columns: (fields ?? [...object.fields.keys()]).map(
        (name) => object.fields.get(name)?.column ?? name,
      ),
      where: [fragment('?? = ?', [`${object.table}.id`, id]), visible],
    })
  }
  const row = rows[0]
  if (row === undefined) return undefined
  const record = rowDecoder(object, dialect, fields)(row)
  if (guard !== undefined) await maskTrailChanges(executor, guard, object, [record])
  if (expansion.length > 0) await expandRecords(executor, expansion, [record], guard)
  return record
}

/** The selected fields plus the lookups an expansion replaces, or undefined for every field. */
function withExpandedLookups(
  fields: string[] | undefined,
  expansion: readonly ExpandNode[],
): string[] | undefined {
  if (fields === undefined) return undefined
  for (const node of expansion) {
    if (node.kind === 'lookup' && !fields.includes(node.key)) fields.push(node.key)
  }
  return fields
}

/** SQL texts per object, keyed by dialect and field list; a new registry brings new objects. */
const statements = new WeakMap<ObjectNode, Map<string, string>>()

function byIdSql(
  executor: QueryExecutor,
  object: ObjectNode,
  fields: readonly string[] | undefined,
): string {
  const key = `${executor.dialect satisfies Dialect}|${fields === undefined ? '*' : fields.join(',')}`
  let known = statements.get(object)
  if (known === undefined) {
    known = new Map()
    statements.set(object, known)
  }
  let sql = known.get(key)
  if (sql === undefined) {
    const names = fields ?? [...object.fields.keys()]
    const columns = names.map((name) => object.fields.get(name)?.column ?? name)
    const idColumn = object.fields.get('id')?.column ?? 'id'
    // Compiled with a placeholder value; the text keeps `?` and the real id is bound per call.
    sql = executor.knex(object.table).select(columns).where(idColumn, '').toSQL().sql
    if (known.size < 200) known.set(key, sql)
  }
  return sql
}
