/**
 * Resolves a field name, or a dot path across lookups (`account.parent_account.name`), against
 * an object. Filters, group-by and aggregates share it, so a path means the same thing
 * everywhere and an unknown segment fails the same way.
 */
import { InvalidQuery, UnknownField } from '@objectos/errors'
import type { FieldNode } from '../../ir/field-node.js'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'

/** The most lookups one path may cross; each costs a subquery or a join. */
export const maxPathHops = 4

/** One lookup crossed: `field` of `from` points at `to`. */
export interface PathHop {
  readonly from: ObjectNode
  readonly field: FieldNode
  readonly to: ObjectNode
}

export interface ResolvedPath {
  readonly hops: readonly PathHop[]
  /** The object that holds the final field. */
  readonly object: ObjectNode
  readonly field: FieldNode
}

/** A field of the object by name, or UnknownField naming `path` and where it was used. */
export function fieldOf(object: ObjectNode, name: string, path: string, where: string): FieldNode {
  const field = object.fields.get(name)
  if (field === undefined) throw UnknownField.create(object.name, path, where)
  return field
}

/**
 * Resolves `path` for the query parameter `where` (`groupBy`, `aggregates.total`): an unknown
 * segment is UnknownField, a segment that is not a lookup or a path too long is InvalidQuery.
 *
 * @example
 *   resolvePath(registry, opportunity, 'account.industry', 'groupBy')
 *   // { hops: [{ from: opportunity, field: account, to: account }], object: account, field: industry }
 */
export function resolvePath(
  registry: Registry,
  object: ObjectNode,
  path: string,
  where: string,
): ResolvedPath {
  const segments = path.split('.')
  if (segments.length - 1 > maxPathHops) {
    throw InvalidQuery.create(where, `"${path}" crosses more than ${maxPathHops} lookups`)
  }
  const hops: PathHop[] = []
  let current = object
  const last = segments.length - 1
  for (const segment of segments.slice(0, last)) {
    const field = fieldOf(current, segment, path, where)
    if (field.reference === undefined) {
      throw InvalidQuery.create(where, `"${path}": "${segment}" of ${current.name} is not a lookup`)
    }
    const to = registry.object(field.reference.object)
    hops.push({ from: current, field, to })
    current = to
  }
  return { hops, object: current, field: fieldOf(current, segments[last] ?? '', path, where) }
}
