/**
 * The batched reads behind lookups and child lists. A batch holds the ids of every parent record
 * at one level of a query; it becomes one `find` with `{ field: { $in: ids } }` — through the same
 * RecordService as REST, so the same filters, sorts and (later) permissions apply. One find takes
 * up to 1,000 parent ids (the filter's list limit) and reads all their records at once, so the
 * statements do not grow with the rows until a level holds more than 1,000 parents. A batch that
 * would read more than `maxBatchRecords` fails with a clear error instead of exhausting memory.
 *
 * @example
 *   const byAccount = await loadChildren(records, { child: 'opportunity', field: 'account' }, {},
 *     ['id', 'name', 'account'], accountIds)
 */
import { InvalidQuery } from '@objectos/errors'
import { maxListMembers } from '../../data/query/filter-values.js'
import type { Filter, SortKey } from '../../data/query/query-types.js'
import { maxLimit } from '../../data/query/query-types.js'
import type { DataRecord, RecordService } from '../../data/record-service.js'
import type { DataContext } from '../../data/write/data-context.js'

/** The most records one batch (one relation at one level of one query) may read. */
export const maxBatchRecords = 10_000

export interface ChildListArgs {
  readonly filter?: Filter | null | undefined
  readonly sort?: readonly (string | SortKey)[] | null | undefined
  /** At most this many children per parent. */
  readonly limit?: number | null | undefined
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** The records with these ids, or null where there is none (a dangling or hidden id). */
export async function loadByIds(
  records: RecordService,
  object: string,
  fields: readonly string[],
  ids: readonly string[],
  context: DataContext,
): Promise<(DataRecord | null)[]> {
  const byId = new Map<unknown, DataRecord>()
  for (const chunk of chunks([...new Set(ids)], maxListMembers)) {
    const page = await records.find(
      object,
      { filter: { id: { $in: chunk } }, fields, limit: chunk.length },
      context,
      { maxLimit: maxListMembers },
    )
    for (const record of page.records) byId.set(record.id, record)
  }
  return ids.map((id) => byId.get(id) ?? null)
}

/** A valid per-parent limit, or undefined for every child. */
function readChildLimit(limit: number | null | undefined): number | undefined {
  if (limit === null || limit === undefined) return undefined
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw InvalidQuery.create('limit', `expects a whole number from 1 to ${maxLimit}, got ${limit}`)
  }
  return limit
}

/** For each parent id, its `child` records pointing at it through `field`. */
export async function loadChildren(
  records: RecordService,
  relation: { readonly child: string; readonly field: string },
  args: ChildListArgs,
  fields: readonly string[],
  parentIds: readonly string[],
  context: DataContext,
): Promise<DataRecord[][]> {
  const limit = readChildLimit(args.limit)
  // Children are grouped by the lookup, so it is read whether or not it was selected.
  const columns = fields.includes(relation.field) ? fields : [...fields, relation.field]
  const groups = new Map<unknown, DataRecord[]>()
  let read = 0
  for (const chunk of chunks([...new Set(parentIds)], maxListMembers)) {
    const own = { [relation.field]: { $in: chunk } }
    const filter =
      args.filter === null || args.filter === undefined ? own : { $and: [own, args.filter] }
    // One parent with a limit: the database stops at the limit. Several: read them all in the
    // requested order, in one statement, and keep the first `limit` of each parent. The budget
    // left plus one row tells whether the batch would read too much.
    const single = chunk.length === 1 && limit !== undefined
    const budget = maxBatchRecords - read + 1
    const page = await records.find(
      relation.child,
      {
        filter,
        ...(args.sort === null || args.sort === undefined ? {} : { sort: args.sort }),
        fields: columns,
        limit: single ? limit : budget,
      },
      context,
      { maxLimit: Math.max(budget, maxLimit) },
    )
    read += page.records.length
    if (read > maxBatchRecords) {
      throw InvalidQuery.create(
        relation.child,
        `more than ${maxBatchRecords} ${relation.child} records would be read for one list; ` +
          'pass a filter or a limit, or ask for fewer parent records',
      )
    }
    for (const record of page.records) {
      const parent = record[relation.field]
      const group = groups.get(parent)
      if (group === undefined) groups.set(parent, [record])
      else if (limit === undefined || group.length < limit) group.push(record)
    }
  }
  return parentIds.map((id) => groups.get(id) ?? [])
}
