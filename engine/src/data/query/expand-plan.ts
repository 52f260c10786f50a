/**
 * Parses `expand` into a tree of relations to load: a lookup field (`account`) replaces the id
 * with the record, a child relation attaches the list of records pointing here — named by the
 * child object (`opportunity`), or `child.field` when the child points here through several
 * lookups. Dots nest (`account.parent_account`, `opportunity.primary_contact`). A name that is a
 * field of the object is read as the field first.
 */
import { InvalidQuery, UnknownField } from '@objectos/errors'
import type { FieldNode } from '../../ir/field-node.js'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import type { ReadGuard } from '../access/read-guard.js'

/** How deep one expand path may go, and how many paths one query may expand. */
export const maxExpandDepth = 3
export const maxExpandPaths = 10

export interface ExpandNode {
  /** `lookup`: replace the id in `field`; `children`: attach records of `object` whose `field` is our id. */
  readonly kind: 'lookup' | 'children'
  /** The key the expansion lands under in each record. */
  readonly key: string
  /** The lookup field (on the parent for `lookup`, on the child for `children`). */
  readonly field: FieldNode
  /** The object whose records are loaded. */
  readonly object: ObjectNode
  readonly children: ExpandNode[]
}

/**
 * @example
 *   planExpand(registry, account, ['parent_account', 'opportunity.primary_contact'])
 */
export function planExpand(
  registry: Registry,
  object: ObjectNode,
  expand: unknown,
  guard?: ReadGuard,
): ExpandNode[] {
  if (expand === undefined) return []
  if (!Array.isArray(expand)) throw InvalidQuery.create('expand', 'expects a list of names')
  if (expand.length > maxExpandPaths) {
    throw InvalidQuery.create('expand', `at most ${maxExpandPaths} paths, got ${expand.length}`)
  }
  const roots: ExpandNode[] = []
  for (const entry of expand as unknown[]) {
    if (typeof entry !== 'string' || entry === '') {
      throw InvalidQuery.create('expand', 'expects names like "account" or "opportunity"')
    }
    walk(registry, object, entry.split('.'), entry, roots, 1, guard)
  }
  return roots
}

function walk(
  registry: Registry,
  object: ObjectNode,
  segments: readonly string[],
  entry: string,
  level: ExpandNode[],
  depth: number,
  guard: ReadGuard | undefined,
): void {
  if (depth > maxExpandDepth) {
    throw InvalidQuery.create('expand', `"${entry}" nests deeper than ${maxExpandDepth} levels`)
  }
  const [head = '', ...rest] = segments
  let node: Omit<ExpandNode, 'children'>
  let remaining = rest
  const field = object.fields.get(head)
  if (field !== undefined) {
    if (field.reference === undefined) {
      throw InvalidQuery.create(
        'expand',
        `"${entry}": "${head}" of ${object.name} is neither a lookup nor a child relation`,
      )
    }
    node = { kind: 'lookup', key: head, field, object: registry.object(field.reference.object) }
    guard?.checkField(object, field, 'expand')
  } else {
    const relations = registry.childRelations(object.name).filter((r) => r.child === head)
    if (relations.length === 0) throw UnknownField.create(object.name, entry, 'expand')
    const named = relations.find((r) => r.field === rest[0])
    const relation = named ?? (relations.length === 1 ? relations[0] : undefined)
    if (relation === undefined) {
      const choices = relations.map((r) => `"${head}.${r.field}"`).join(' or ')
      throw InvalidQuery.create(
        'expand',
        `"${head}" points at ${object.name} through several lookups; write ${choices}`,
      )
    }
    if (named !== undefined) remaining = rest.slice(1)
    const child = registry.object(head)
    const childField = child.fields.get(relation.field)
    if (childField === undefined) throw UnknownField.create(head, relation.field, 'expand')
    guard?.checkField(child, childField, 'expand through')
    const key = named !== undefined ? `${head}.${named.field}` : head
    node = { kind: 'children', key, field: childField, object: child }
  }
  // The target must be readable at all (ObjectAccessDenied otherwise); which of its records
  // and fields come back is decided when they are loaded.
  guard?.object(node.object)
  let existing = level.find((n) => n.key === node.key)
  if (existing === undefined) {
    existing = { ...node, children: [] }
    level.push(existing)
  }
  if (remaining.length > 0) {
    walk(registry, node.object, remaining, entry, existing.children, depth + 1, guard)
  }
}
