/**
 * The schema a caller's introspection (`__schema`, `__type`) describes: the generated schema cut
 * down to what their permission sets let them use, as the REST metadata routes are. An object the
 * caller may not read has no type, no page type and no root fields; a field they may not read is
 * not on its type; a lookup or child list into an object they may not read is left out; `create…`,
 * `update…` and `delete…` appear only with the right to create, edit or delete. Names are the full
 * schema's — the schema is cut from it (access-marks.ts), never rebuilt — so a client generated
 * from one caller's schema works for another who may do more.
 *
 * Queries that do not introspect run against the full schema: their fields are checked by the
 * data layer as they resolve, and answer the same 403s whatever the caller could see.
 *
 * @example
 *   const schema = schemaSeenBy(full, registry, rita) // Opportunity without `margin`, no Payroll
 *   asksForSchema(parse('{ __schema { types { name } } }')) // → true
 */
import { objectAccess, accessProfile } from '../../data/access/object-access.js'
import type { Principal } from '../../data/access/principal.js'
import type { Registry } from '../../registry/registry.js'
import { marksOf, type AccessMarks } from './access-marks.js'
import {
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigMap,
  type GraphQLOutputType,
  type SelectionSetNode,
} from './graphql-js.js'

/** The introspection fields a query may start with. */
const introspectionFields: ReadonlySet<string> = new Set(['__schema', '__type'])

/** Whether an operation of the document asks for the schema itself (at its top level). */
export function asksForSchema(document: DocumentNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition)
    }
  }
  const seen = new Set<string>()
  const asks = (set: SelectionSetNode): boolean =>
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return introspectionFields.has(selection.name.value)
      if (selection.kind === Kind.INLINE_FRAGMENT) return asks(selection.selectionSet)
      const name = selection.name.value
      const fragment = fragments.get(name)
      if (fragment === undefined || seen.has(name)) return false
      seen.add(name)
      return asks(fragment.selectionSet)
    })
  return document.definitions.some(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && asks(definition.selectionSet),
  )
}

/** Cut schemas, per full schema and combination of sets; a bound keeps odd callers in check. */
const cache = new WeakMap<GraphQLSchema, Map<string, GraphQLSchema>>()
const maxProfiles = 200

/** The schema `principal` may see of `full`, built from `registry`; cached per set profile. */
export function schemaSeenBy(
  full: GraphQLSchema,
  registry: Registry,
  principal: Principal,
): GraphQLSchema {
  let known = cache.get(full)
  if (known === undefined) {
    known = new Map()
    cache.set(full, known)
  }
  const key = accessProfile(principal)
  let schema = known.get(key)
  if (schema === undefined) {
    if (known.size >= maxProfiles) known.clear()
    schema = cutSchema(full, allows(registry, principal))
    known.set(key, schema)
  }
  return schema
}

/** Whether the marks of a type or field are within the principal's rights. */
type Allows = (marks: AccessMarks, owner: string | undefined) => boolean

function allows(registry: Registry, principal: Principal): Allows {
  const access = (object: string) =>
    registry.objects.has(object) ? objectAccess(registry, principal, object) : undefined
  return (marks, owner) => {
    if (marks.objectosObject !== undefined) return access(marks.objectosObject)?.read === true
    if (marks.objectosField !== undefined) {
      const rights = owner === undefined ? undefined : access(owner)
      return rights?.read === true && rights.readable.has(marks.objectosField)
    }
    if (marks.objectosChildren !== undefined) {
      const rights = access(marks.objectosChildren.child)
      return rights?.read === true && rights.readable.has(marks.objectosChildren.field)
    }
    if (marks.objectosRoot !== undefined) {
      const rights = access(marks.objectosRoot.object)
      if (rights === undefined) return false
      const { action } = marks.objectosRoot
      return action === 'read'
        ? rights.read
        : action === 'create'
          ? rights.create
          : action === 'edit'
            ? rights.edit
            : rights.delete
    }
    return true
  }
}

function cutSchema(full: GraphQLSchema, allowed: Allows): GraphQLSchema {
  const objectTypes = Object.values(full.getTypeMap()).filter(
    (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'),
  )
  // The fields each type keeps, until no type loses its last field (a type needs one).
  const kept = new Map<string, string[]>()
  for (const type of objectTypes) {
    if (allowed(marksOf(type.extensions), undefined)) kept.set(type.name, [])
  }
  for (let changed = true; changed;) {
    changed = false
    for (const type of objectTypes) {
      if (!kept.has(type.name)) continue
      const owner = marksOf(type.extensions).objectosObject
      const fields = Object.values(type.getFields())
        .filter((field) => allowed(marksOf(field.extensions), owner))
        .filter((field) => {
          const named = getNamedType(field.type)
          return !isObjectType(named) || kept.has(named.name)
        })
        .map((field) => field.name)
      if (fields.length === 0) {
        kept.delete(type.name)
        changed = true
      } else if (fields.length !== kept.get(type.name)?.length) {
        kept.set(type.name, fields)
        changed = true
      }
    }
  }
  const rebuilt = new Map<string, GraphQLObjectType>()
  const remap = (type: GraphQLOutputType): GraphQLOutputType => {
    if (isNonNullType(type)) return new GraphQLNonNull(remap(type.ofType))
    if (isListType(type)) return new GraphQLList(remap(type.ofType))
    return isObjectType(type) ? (rebuilt.get(type.name) ?? type) : type
  }
  for (const type of objectTypes) {
    const names = kept.get(type.name)
    if (names === undefined) continue
    const config = type.toConfig()
    rebuilt.set(
      type.name,
      new GraphQLObjectType({
        ...config,
        fields: () => {
          const fields: GraphQLFieldConfigMap<unknown, unknown> = {}
          for (const name of names) {
            const field = config.fields[name] as GraphQLFieldConfig<unknown, unknown>
            fields[name] = { ...field, type: remap(field.type) }
          }
          return fields
        },
      }),
    )
  }
  const query = rebuilt.get(full.getQueryType()?.name ?? '')
  const mutation = rebuilt.get(full.getMutationType()?.name ?? '')
  return new GraphQLSchema({
    ...full.toConfig(),
    query,
    mutation,
    // Only the types the roots reach: a removed object's enums go with it.
    types: [],
  })
}
