/**
 * The compile stage: validated documents → a frozen Registry. It refuses to compile an app with
 * any error diagnostic, so the registry only ever holds metadata `objectos validate` accepts.
 *
 * @example
 *   const { documents, diagnostics } = validateFiles(files)
 *   const result = compileApp(documents, diagnostics)
 *   if (result.ok) use(result.registry)
 */
import type { Diagnostic, ParsedDocument } from '@objectos/metadata'
import type { DefinitionNode } from '../ir/definition-node.js'
import type { ManifestNode } from '../ir/manifest-node.js'
import type { SummaryInfo } from '../ir/field-node.js'
import type { ObjectNode } from '../ir/object-node.js'
import type { PermissionSetNode } from '../ir/permission-set-node.js'
import type { PositionNode } from '../ir/position-node.js'
import type { SharingRuleNode } from '../ir/sharing-rule-node.js'
import { createRegistry, type Registry } from '../registry/registry.js'
import { compileManifest } from './compile-manifest.js'
import { compileObject } from './compile-object.js'
import { compilePermissionSet, type FieldsOf } from './compile-permission-set.js'
import { compilePosition } from './compile-position.js'
import { compileSharingRule } from './compile-sharing-rule.js'

type Def = Readonly<Record<string, unknown>>

export type CompileResult =
  | { readonly ok: true; readonly registry: Registry; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }

export function compileApp(
  documents: readonly ParsedDocument[],
  diagnostics: readonly Diagnostic[],
): CompileResult {
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics }
  const objectDefs = new Map<string, { def: Def; file: string }>()
  const definitions = new Map<string, DefinitionNode>()
  const permissionSets = new Map<string, PermissionSetNode>()
  const positions = new Map<string, PositionNode>()
  const sharingRules: SharingRuleNode[] = []
  const accessDocs: { kind: string; def: Def; file: string }[] = []
  let appName = 'app'
  let manifest: ManifestNode | undefined
  for (const doc of documents) {
    const value = doc.value as Def
    if (doc.kind === 'manifest') {
      appName = typeof value.name === 'string' ? value.name : appName
      manifest = compileManifest(value, doc.file)
    } else if (doc.kind === 'object') {
      objectDefs.set(String(value.name ?? doc.stem), { def: value, file: doc.file })
    } else {
      const name = typeof value.name === 'string' ? value.name : doc.stem
      if (doc.kind === 'permission' || doc.kind === 'sharing' || doc.kind === 'position') {
        accessDocs.push({ kind: doc.kind, def: { ...value, name }, file: doc.file })
      }
      definitions.set(
        `${doc.kind}:${name}`,
        Object.freeze({ kind: doc.kind, name, file: doc.file, definition: deepFreeze(value) }),
      )
    }
  }
  const resolveSummary = (parent: string, def: Def): SummaryInfo | undefined => {
    const ops = (def.summaryOperations ?? {}) as Def
    const childObject = String(ops.object ?? '')
    const child = objectDefs.get(childObject)?.def
    const childFields = (child?.fields ?? {}) as Record<string, Def>
    const relationshipField =
      typeof ops.relationshipField === 'string'
        ? ops.relationshipField
        : (Object.entries(childFields).find(
            ([, f]) => f.type === 'master_detail' && f.reference === parent,
          )?.[0] ??
          Object.entries(childFields).find(
            ([, f]) => f.type === 'lookup' && f.reference === parent,
          )?.[0])
    if (relationshipField === undefined) return undefined
    return Object.freeze({
      childObject,
      relationshipField,
      fn: (ops.function ?? 'count') as SummaryInfo['fn'],
      childField: typeof ops.field === 'string' ? ops.field : undefined,
    })
  }
  const objects = new Map<string, ObjectNode>()
  for (const [name, { def, file }] of [...objectDefs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    objects.set(name, compileObject(def, file, resolveSummary))
  }
  // Access metadata reads the objects' fields (row conditions lower against them).
  const fieldsOf: FieldsOf = (name) => {
    const object = objects.get(name)
    return object === undefined ? undefined : new Set(object.fields.keys())
  }
  for (const { kind, def, file } of accessDocs) {
    if (kind === 'permission') {
      permissionSets.set(String(def.name), compilePermissionSet(def, file, fieldsOf))
    } else if (kind === 'position') {
      positions.set(String(def.name), compilePosition(def, file))
    } else {
      const rule = compileSharingRule(def, file, fieldsOf)
      if (rule !== undefined) sharingRules.push(rule)
    }
  }
  return {
    ok: true,
    registry: createRegistry(
      appName,
      objects,
      definitions,
      permissionSets,
      { positions, sharingRules },
      manifest,
    ),
    diagnostics,
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}
