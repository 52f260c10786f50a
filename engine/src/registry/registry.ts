/**
 * The compiled app: an immutable snapshot of every object and definition, with the relations
 * between objects resolved once. The request path reads it; nothing ever mutates it — a reload
 * compiles a new one and swaps it (registry-holder.ts).
 */
import { UnknownObject } from '@objectos/errors'
import type { DefinitionNode } from '../ir/definition-node.js'
import type { ObjectNode } from '../ir/object-node.js'
import type { PermissionSetNode } from '../ir/permission-set-node.js'

/** A field of another object that points at this one (lookup or master_detail). */
export interface ChildRelation {
  readonly child: string
  readonly field: string
  readonly masterDetail: boolean
  readonly deleteBehavior: 'set_null' | 'cascade' | 'restrict'
}

/** A summary field on a parent that must be recomputed when children change. */
export interface SummaryDependency {
  readonly parent: string
  readonly summaryField: string
}

export interface Registry {
  readonly appName: string
  readonly objects: ReadonlyMap<string, ObjectNode>
  /** Non-object definitions, keyed `kind:name` (e.g. `view:account`). */
  readonly definitions: ReadonlyMap<string, DefinitionNode>
  /** Permission sets by name, compiled for the access layer. */
  readonly permissionSets: ReadonlyMap<string, PermissionSetNode>
  /** The object, or UnknownObject (404). */
  object(name: string): ObjectNode
  /** Fields elsewhere that reference `object`. */
  childRelations(object: string): readonly ChildRelation[]
  /** Summary fields fed by records of `child` through `field`, keyed by that field. */
  summariesFedBy(child: string): readonly (SummaryDependency & { readonly field: string })[]
}

export function createRegistry(
  appName: string,
  objects: ReadonlyMap<string, ObjectNode>,
  definitions: ReadonlyMap<string, DefinitionNode>,
  permissionSets: ReadonlyMap<string, PermissionSetNode> = new Map(),
): Registry {
  const children = new Map<string, ChildRelation[]>()
  const summaries = new Map<string, (SummaryDependency & { field: string })[]>()
  for (const object of objects.values()) {
    for (const field of object.fields.values()) {
      if (field.reference !== undefined) {
        const list = children.get(field.reference.object) ?? []
        list.push(
          Object.freeze({
            child: object.name,
            field: field.name,
            masterDetail: field.reference.masterDetail,
            deleteBehavior: field.reference.deleteBehavior,
          }),
        )
        children.set(field.reference.object, list)
      }
      if (field.summary !== undefined) {
        const list = summaries.get(field.summary.childObject) ?? []
        list.push(
          Object.freeze({
            parent: object.name,
            summaryField: field.name,
            field: field.summary.relationshipField,
          }),
        )
        summaries.set(field.summary.childObject, list)
      }
    }
  }
  const registry: Registry = {
    appName,
    objects,
    definitions,
    permissionSets,
    object(name) {
      const node = objects.get(name)
      if (node === undefined) throw UnknownObject.create(name)
      return node
    },
    childRelations: (object) => children.get(object) ?? [],
    summariesFedBy: (child) => summaries.get(child) ?? [],
  }
  return Object.freeze(registry)
}
