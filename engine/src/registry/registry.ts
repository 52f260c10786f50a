/**
 * The compiled app: an immutable snapshot of every object and definition, with the relations
 * between objects resolved once. The request path reads it; nothing ever mutates it — a reload
 * compiles a new one and swaps it (registry-holder.ts).
 */
import { UnknownObject } from '@objectos/errors'
import type { DefinitionNode } from '../ir/definition-node.js'
import { emptyManifest, type ManifestNode } from '../ir/manifest-node.js'
import type { ObjectNode } from '../ir/object-node.js'
import type { PermissionSetNode } from '../ir/permission-set-node.js'
import type { PositionNode } from '../ir/position-node.js'
import type { SharingRuleNode } from '../ir/sharing-rule-node.js'

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
  /** The app manifest (`objectos.yaml`): its sign-in providers. */
  readonly manifest: ManifestNode
  readonly objects: ReadonlyMap<string, ObjectNode>
  /** Non-object definitions, keyed `kind:name` (e.g. `view:account`). */
  readonly definitions: ReadonlyMap<string, DefinitionNode>
  /** Permission sets by name, compiled for the access layer. */
  readonly permissionSets: ReadonlyMap<string, PermissionSetNode>
  /** Positions (roles) by name, with the sets bound to them in metadata. */
  readonly positions: ReadonlyMap<string, PositionNode>
  /** The sets bound to every signed-in user (`isDefault: true`), sorted. */
  readonly defaultPermissionSets: readonly string[]
  /** The active sharing rules of an object. */
  sharingRules(object: string): readonly SharingRuleNode[]
  /** The object, or UnknownObject (404). */
  object(name: string): ObjectNode
  /** Fields elsewhere that reference `object`. */
  childRelations(object: string): readonly ChildRelation[]
  /** Summary fields fed by records of `child` through `field`, keyed by that field. */
  summariesFedBy(child: string): readonly (SummaryDependency & { readonly field: string })[]
}

/** Positions and sharing rules, compiled from their metadata files. */
export interface AccessMetadata {
  readonly positions: ReadonlyMap<string, PositionNode>
  readonly sharingRules: readonly SharingRuleNode[]
}

export function createRegistry(
  appName: string,
  objects: ReadonlyMap<string, ObjectNode>,
  definitions: ReadonlyMap<string, DefinitionNode>,
  permissionSets: ReadonlyMap<string, PermissionSetNode> = new Map(),
  access: AccessMetadata = { positions: new Map(), sharingRules: [] },
  manifest: ManifestNode = emptyManifest(appName),
): Registry {
  const rulesByObject = new Map<string, SharingRuleNode[]>()
  for (const rule of access.sharingRules) {
    const list = rulesByObject.get(rule.object) ?? []
    list.push(rule)
    rulesByObject.set(rule.object, list)
  }
  const defaultPermissionSets = Object.freeze(
    [...permissionSets.values()]
      .filter((set) => set.isDefault)
      .map((set) => set.name)
      .sort(),
  )
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
    manifest,
    objects,
    definitions,
    permissionSets,
    positions: access.positions,
    defaultPermissionSets,
    sharingRules: (object) => rulesByObject.get(object) ?? [],
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
