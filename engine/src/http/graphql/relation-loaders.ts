/**
 * The batched reads behind lookups and child lists. A batch holds the ids of every parent record
 * at one level of a query; it becomes one `find` with `{ field: { $in: ids } }` — through the same
 * RecordService as REST, so the same filters, sorts and (later) permissions apply. A find returns
 * at most 500 records, so a batch larger than that reads on in pages of 500: the statements grow
 * with the rows only past 500 per relation and level, and a batch that would read more than
 * `maxBatchRecords` fails with a clear error instead of exhausting memory.
 *
 * @example
 *   const byAccount = await loadChildren(records, { child: 'opportunity', field: 'account' }, {},
 *     ['id', 'name', 'account'], accountIds)
 */
import { InvalidQuery } from '@objectos/errors'
import type { Filter, SortKey } from '../../data/query/query-types.js'
import { maxLimit } from '../../data/query/query-types.js'
import type { DataRecord, RecordService } from '../../data/record-service.js'
import type { DataContext } from '../../data/write/data-context.js'

export const graphqlContext: DataContext = Object.freeze({ door: 'graphql' })

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
): Promise<(DataRecord | null)[]> {
  const byId = new Map<unknown, DataRecord>()
  for (const chunk of chunks([...new Set(ids)], maxLimit)) {
    const page = await records.find(
      object,
      { filter: { id: { $in: chunk } }, fields, limit: maxLimit },
      graphqlContext,
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
): Promise<DataRecord[][]> {
  const limit = readChildLimit(args.limit)
  // Children are grouped by the lookup, so it is read whether or not it was selected.
  const columns = fields.includes(relation.field) ? fields : [...fields, relation.field]
  const groups = new Map<unknown, DataRecord[]>()
  let read = 0
  for (const chunk of chunks([...new Set(parentIds)], maxLimit)) {
    const own = { [relation.field]: { $in: chunk } }
    const filter =
      args.filter === null || args.filter === undefined ? own : { $and: [own, args.filter] }
    // One parent with a limit: the database stops at the limit. Several: read them all in the
    // requested order and keep the first `limit` of each parent.
    const single = chunk.length === 1 && limit !== undefined
    let cursor: string | undefined
    do {
      const page = await records.find(
        relation.child,
        {
          filter,
          ...(args.sort === null || args.sort === undefined ? {} : { sort: args.sort }),
          fields: columns,
          limit: single ? limit : maxLimit,
          ...(cursor === undefined ? {} : { cursor }),
        },
        graphqlContext,
      )
      for (const record of page.records) {
        const parent = record[relation.field]
        const group = groups.get(parent)
        if (group === undefined) groups.set(parent, [record])
        else if (limit === undefined || group.length < limit) group.push(record)
      }
      read += page.records.length
      cursor = single || full(chunk, groups, limit) ? undefined : page.nextCursor
      if (cursor !== undefined && read >= maxBatchRecords) {
        throw InvalidQuery.create(
          relation.child,
          `more than ${maxBatchRecords} ${relation.child} records would be read for one list; ` +
            'pass a filter or a limit, or ask for fewer parent records',
        )
      }
    } while (cursor !== undefined)
  }
  return parentIds.map((id) => groups.get(id) ?? [])
}

/** Every parent of the chunk already has `limit` children: later rows would be dropped. */
function full(
  chunk: readonly string[],
  groups: ReadonlyMap<unknown, readonly DataRecord[]>,
  limit: number | undefined,
): boolean {
  return limit !== undefined && chunk.every((id) => (groups.get(id)?.length ?? 0) >= limit)
}
