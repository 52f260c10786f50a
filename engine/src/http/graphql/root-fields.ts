/**
 * The root fields of every object, with the semantics of the REST routes because both call the
 * same RecordService: `account(id)`, `accountList(filter, sort, limit, offset, cursor, search)`
 * answering a page `{ data, nextCursor, total }` (the count runs only when `total` is selected),
 * `accountAggregate(groupBy, aggregates, filter, sort, limit)`, and the mutations
 * `createAccount(data)`, `updateAccount(id, data, version)` and `deleteAccount(id, version)`.
 *
 * @example
 *   const { query, mutation } = buildRootFields(input, types)
 */
import { FieldAccessDenied } from '@objectos/errors'
import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
} from './graphql-js.js'
import type { AggregateQuery, Filter, FindQuery } from '../../data/query/query-types.js'
import { objectMark, rootMark } from './access-marks.js'
import { fieldNameOf, NameAllocator } from './graphql-names.js'
import { FilterScalar, JsonScalar } from './json-scalars.js'
import type { GraphqlContext, RecordType, RecordTypesInput } from './record-types.js'
import { readsRecords } from './record-types.js'
import { selectsField, selectionSetsOf, type SelectionInfo } from './selection-fields.js'
import { objectAccess } from '../../data/access/object-access.js'

type RootFields = GraphQLFieldConfigMap<unknown, GraphqlContext>

/** Root query fields that are not per object; object names are lowercase, so none collide. */
export const appNameField = '_appName'

const strings = new GraphQLList(new GraphQLNonNull(GraphQLString))

interface ListArgs {
  readonly filter?: Filter | null
  readonly sort?: readonly string[] | null
  readonly limit?: number | null
  readonly offset?: number | null
  readonly cursor?: string | null
  readonly search?: string | null
}

interface AggregateArgs {
  readonly groupBy?: readonly string[] | null
  readonly aggregates: AggregateQuery['aggregates']
  readonly filter?: Filter | null
  readonly sort?: readonly string[] | null
  readonly limit?: number | null
}

interface WriteArgs {
  readonly id: string
  readonly data: unknown
  readonly version?: number | null
}

/** The arguments that were given, null ones dropped (the query model has no nulls). */
function given<T extends object>(args: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(
    Object.entries(args).filter(([, value]) => value !== null && value !== undefined),
  ) as { [K in keyof T]?: NonNullable<T[K]> }
}

export function buildRootFields(
  input: RecordTypesInput,
  types: ReadonlyMap<string, RecordType>,
): { query: RootFields; mutation: RootFields } {
  const rootNames = new NameAllocator([appNameField])
  const query: RootFields = {}
  const mutation: RootFields = {}
  for (const type of types.values()) {
    const base = rootNames.allocate(fieldNameOf(type.object.name))
    query[base] = getField(input, type)
    query[rootNames.allocate(`${base}List`)] = listField(input, type)
    query[rootNames.allocate(`${base}Aggregate`)] = aggregateField(input, type)
    Object.assign(mutation, writeFields(input, type, rootNames))
  }
  return { query, mutation }
}

function getField(input: RecordTypesInput, type: RecordType): RootFields[string] {
  return {
    type: type.type,
    description: `One ${type.object.label} by id, or null when there is none.`,
    extensions: { ...readsRecords, ...rootMark(type.object.name, 'read') },
    args: { id: { type: new GraphQLNonNull(GraphQLID) } },
    resolve: async (_root, args: { id: string }, context: GraphqlContext, info) => {
      const fields = input.selection.recordFields(type, info)
      const record = await input.records.get(type.object.name, args.id, { fields }, context.data)
      return record ?? null
    },
  }
}

function listField(input: RecordTypesInput, type: RecordType): RootFields[string] {
  const page = new GraphQLObjectType({
    name: input.typeNames.allocate(`${type.typeName}Page`),
    description: `A page of ${type.object.pluralLabel}.`,
    extensions: objectMark(type.object.name),
    fields: {
      data: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type.type))) },
      nextCursor: {
        type: GraphQLString,
        description: 'Present when more records follow: pass it back as `cursor`.',
      },
      total: {
        type: GraphQLInt,
        description: 'Every record the filter selects; counted only when asked for.',
      },
    },
  })
  const args: GraphQLFieldConfigArgumentMap = {
    filter: { type: FilterScalar, description: 'The canonical filter, as in REST.' },
    sort: { type: strings, description: 'Sort keys like ["-amount", "name"].' },
    limit: { type: GraphQLInt, description: 'Records per page: default 50, at most 500.' },
    offset: { type: GraphQLInt, description: 'Records to skip (not with `cursor`).' },
    cursor: { type: GraphQLString, description: 'The `nextCursor` of the previous page.' },
    search: { type: GraphQLString, description: 'Words to find in the searchable fields.' },
  }
  return {
    type: new GraphQLNonNull(page),
    description: `${type.object.pluralLabel}, filtered, sorted and paged like the REST list.`,
    extensions: { ...readsRecords, ...rootMark(type.object.name, 'read') },
    args,
    resolve: async (_root, args: ListArgs, context: GraphqlContext, info) => {
      const fields = input.selection.pageFields(type, info)
      const count = selectsField(selectionSetsOf(info.fieldNodes), 'total', info.fragments)
      const query: FindQuery = { ...given(args), fields, ...(count ? { count } : {}) }
      const result = await input.records.find(type.object.name, query, context.data)
      return {
        data: result.records,
        nextCursor: result.nextCursor ?? null,
        total: result.total ?? null,
      }
    },
  }
}

function aggregateField(input: RecordTypesInput, type: RecordType): RootFields[string] {
  return {
    type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(JsonScalar))),
    description:
      `Aggregates over ${type.object.pluralLabel}: aggregates is { name: { fn, field } } with ` +
      'fn count, sum, avg, min or max; one JSON object per group.',
    extensions: { ...readsRecords, ...rootMark(type.object.name, 'read') },
    args: {
      groupBy: { type: strings, description: 'Fields or lookup paths like "account.industry".' },
      aggregates: { type: new GraphQLNonNull(JsonScalar) },
      filter: { type: FilterScalar },
      sort: { type: strings, description: 'Group or aggregate names, "-" for descending.' },
      limit: { type: GraphQLInt },
    },
    resolve: async (_root, args: AggregateArgs, context: GraphqlContext) => {
      const query = given(args) as AggregateQuery
      const result = await input.records.aggregate(type.object.name, query, context.data)
      return result.groups
    },
  }
}

function writeFields(
  input: RecordTypesInput,
  type: RecordType,
  rootNames: NameAllocator,
): RootFields {
  const { records, selection } = input
  const object = type.object.name
  const id = { type: new GraphQLNonNull(GraphQLID) }
  // The answer of a write is read like any record: selecting a field the caller may not read is
  // refused before anything is written, as it is on a query.
  const checkSelection = (context: GraphqlContext, info: SelectionInfo) => {
    const { principal } = context.data
    if (principal === undefined) return
    const access = objectAccess(input.registry, principal, object)
    // No rights on the object at all: the write itself answers (403 or 404).
    if (!access.read) return
    for (const name of selection.recordFields(type, info)) {
      if (!access.readable.has(name)) throw FieldAccessDenied.create('read', object, name)
    }
  }
  const data = { type: new GraphQLNonNull(JsonScalar), description: 'The field values to write.' }
  const version = {
    type: GraphQLInt,
    description: 'The version you read; a newer one in the database fails with VERSION_CONFLICT.',
  }
  const expected = (args: { version?: number | null }) => ({
    expectedVersion: args.version ?? undefined,
  })
  return {
    [rootNames.allocate(`create${type.typeName}`)]: {
      type: type.type,
      description: `Creates a ${type.object.label}; the record rules apply as in REST.`,
      extensions: { ...readsRecords, ...rootMark(object, 'create') },
      args: { data },
      resolve: (_root, args: WriteArgs, context, info) => {
        checkSelection(context, info)
        context.batcher.clear()
        return records.create(object, args.data, context.data)
      },
    },
    [rootNames.allocate(`update${type.typeName}`)]: {
      type: type.type,
      description: `Updates the fields given of a ${type.object.label}.`,
      extensions: { ...readsRecords, ...rootMark(object, 'edit') },
      args: { id, data, version },
      resolve: (_root, args: WriteArgs, context, info) => {
        checkSelection(context, info)
        context.batcher.clear()
        return records.update(object, args.id, args.data, expected(args), context.data)
      },
    },
    [rootNames.allocate(`delete${type.typeName}`)]: {
      type: GraphQLBoolean,
      description: `Deletes a ${type.object.label}; true when it is gone.`,
      extensions: { ...readsRecords, ...rootMark(object, 'delete') },
      args: { id, version },
      resolve: async (_root, args: WriteArgs, context) => {
        context.batcher.clear()
        await records.delete(object, args.id, expected(args), context.data)
        return true
      },
    },
  }
}
