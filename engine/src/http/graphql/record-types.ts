/**
 * One GraphQL object type per object of the registry: its value fields typed by field-types.ts,
 * each lookup as a field holding the referenced record, and each child relation as a list field
 * (`opportunities` on Account; `opportunities_by_partner` when the child points here through
 * several lookups) taking `filter`, `sort` and `limit`. Relations resolve through the request's
 * batcher, so a level of a query costs one find per relation whatever the number of rows.
 *
 * @example
 *   const types = buildRecordTypes({ registry, records, typeNames, selection })
 *   types.get('account')?.type // GraphQLObjectType Account
 */
import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigMap,
} from './graphql-js.js'
import type { ObjectNode } from '../../ir/object-node.js'
import type { DataRecord, RecordService } from '../../data/record-service.js'
import type { Registry } from '../../registry/registry.js'
import { childrenMark, fieldMark, objectMark } from './access-marks.js'
import { describeField, FieldTypes } from './field-types.js'
import { fieldNameOf, NameAllocator, pluralOf, typeNameOf } from './graphql-names.js'
import { FilterScalar } from './json-scalars.js'
import type { FieldBinding, RecordBinding } from './record-binding.js'
import { loadByIds, loadChildren, type ChildListArgs } from './relation-loaders.js'
import type { RequestBatcher } from './request-batcher.js'
import type { DataContext } from '../../data/write/data-context.js'
import type { SelectionCache } from './selection-fields.js'

/** What resolvers find in the GraphQL context (Mercurius adds `reply` and `app`). */
export interface GraphqlContext {
  readonly batcher: RequestBatcher
  /** Who the request acts for: every read and write of the query runs under it. */
  readonly data: DataContext
}

/** Marks a field that reads records, for the complexity limit (query-limits.ts). */
export const readsRecords = { objectosReadsRecords: true } as const

export interface RecordType extends RecordBinding {
  readonly type: GraphQLObjectType
}

export interface RecordTypesInput {
  readonly registry: Registry
  readonly records: RecordService
  /** Schema-wide type names; object types are named first so theirs stay stable. */
  readonly typeNames: NameAllocator
  readonly selection: SelectionCache
}

type Field = GraphQLFieldConfig<DataRecord, GraphqlContext>

export function buildRecordTypes(input: RecordTypesInput): ReadonlyMap<string, RecordType> {
  const { registry, typeNames } = input
  const objects = [...registry.objects.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
  const named = objects.map((object) => ({
    object,
    typeName: typeNames.allocate(typeNameOf(object.name)),
  }))
  const fieldTypes = new FieldTypes(typeNames)
  const types = new Map<string, RecordType>()
  for (const { object, typeName } of named) {
    const bindings = bindFields(registry, object)
    const type: GraphQLObjectType = new GraphQLObjectType<DataRecord, GraphqlContext>({
      name: typeName,
      description: `${object.label}: a record of the object "${object.name}".`,
      extensions: objectMark(object.name),
      // A thunk: lookups and child lists point at types built later in this loop.
      fields: () => fieldConfigs(input, fieldTypes, types, self, object),
    })
    const self: RecordType = { object, typeName, fields: bindings, type }
    types.set(object.name, self)
  }
  return types
}

/** GraphQL field name → binding: value fields and lookups first, then child relations. */
function bindFields(registry: Registry, object: ObjectNode): Map<string, FieldBinding> {
  const names = new NameAllocator()
  const bindings = new Map<string, FieldBinding>()
  for (const field of object.fields.values()) {
    const binding: FieldBinding =
      field.reference === undefined
        ? { kind: 'value', field: field.name }
        : { kind: 'lookup', field: field.name, target: field.reference.object }
    bindings.set(names.allocate(fieldNameOf(field.name)), binding)
  }
  const relations = registry.childRelations(object.name)
  for (const relation of relations) {
    const plural = fieldNameOf(pluralOf(relation.child))
    const qualified = `${plural}_by_${fieldNameOf(relation.field)}`
    const several = relations.filter((r) => r.child === relation.child).length > 1
    const name = several ? names.allocate(qualified) : names.allocate(plural, qualified)
    bindings.set(name, { kind: 'children', child: relation.child, field: relation.field })
  }
  return bindings
}

function fieldConfigs(
  input: RecordTypesInput,
  fieldTypes: FieldTypes,
  types: ReadonlyMap<string, RecordType>,
  self: RecordType,
  object: ObjectNode,
): GraphQLFieldConfigMap<DataRecord, GraphqlContext> {
  const configs: GraphQLFieldConfigMap<DataRecord, GraphqlContext> = {}
  for (const [name, binding] of self.fields) {
    if (binding.kind === 'children') {
      const child = types.get(binding.child)
      if (child !== undefined) configs[name] = childListField(input, child, binding)
      continue
    }
    const field = object.fields.get(binding.field)
    if (field === undefined) continue
    const description = describeField(field)
    if (binding.kind === 'lookup') {
      const target = types.get(binding.target)
      if (target !== undefined) configs[name] = lookupField(input, target, binding, description)
      continue
    }
    const key = binding.field
    configs[name] = {
      type: fieldTypes.outputType(self.typeName, field),
      description,
      extensions: fieldMark(key),
      // A field named like its key needs no resolver: the default one (and compiled queries)
      // read the property directly.
      ...(name === key ? {} : { resolve: (record: DataRecord) => record[key] }),
    }
  }
  return configs
}

function lookupField(
  input: RecordTypesInput,
  target: RecordType,
  binding: Extract<FieldBinding, { kind: 'lookup' }>,
  description: string,
): Field {
  const { records, selection } = input
  return {
    type: target.type,
    description: `${description} The ${target.object.label} record it points at.`,
    extensions: { ...readsRecords, ...fieldMark(binding.field) },
    resolve: (record, _args, context, info) => {
      const id = record[binding.field]
      if (typeof id !== 'string') return null
      const fields = selection.recordFields(target, info)
      const key = context.batcher.keyOf(
        singleNode(info),
        () => `lookup:${target.object.name}:${fields.join(',')}`,
      )
      return context.batcher.load(key, id, (ids) =>
        loadByIds(records, target.object.name, fields, ids, context.data),
      )
    },
  }
}

function childListField(
  input: RecordTypesInput,
  child: RecordType,
  binding: Extract<FieldBinding, { kind: 'children' }>,
): Field {
  const { records, selection } = input
  return {
    type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(child.type))),
    description: `The ${child.object.pluralLabel} whose "${binding.field}" points at this record.`,
    extensions: { ...readsRecords, ...childrenMark(binding.child, binding.field) },
    args: {
      filter: { type: FilterScalar, description: 'Only the children this filter selects.' },
      sort: {
        type: new GraphQLList(new GraphQLNonNull(GraphQLString)),
        description: 'Sort keys like ["-amount", "name"]; default: by id (creation order).',
      },
      limit: { type: GraphQLInt, description: 'At most this many children per record (≤ 500).' },
    },
    resolve: (record, args: ChildListArgs, context, info) => {
      const fields = selection.recordFields(child, info)
      const key = context.batcher.keyOf(
        singleNode(info),
        () =>
          `children:${child.object.name}.${binding.field}:${fields.join(',')}:${JSON.stringify([args.filter, args.sort, args.limit])}`,
      )
      return context.batcher.load(key, record.id as string, (ids) =>
        loadChildren(records, binding, args, fields, ids, context.data),
      )
    },
  }
}

/** The one query node a field is resolved for; several merged nodes get no cached key. */
function singleNode(info: { readonly fieldNodes: readonly object[] }): object | undefined {
  return info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined
}
