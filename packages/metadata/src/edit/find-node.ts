/**
 * Walks a YAML document along an edit path and returns the node there with its surroundings: the
 * collection holding it, the mapping entry (for keys), and its position. Every edit starts here,
 * so a bad path fails the same way whatever the edit.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml'
import { EditError } from './edit-error.js'
import type { EditPath } from './edit-types.js'

export type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>

export interface FoundNode {
  /** The node at the path; null for an empty root or a flow entry written without a value. */
  readonly node: Node | null
  /** The mapping or sequence holding the node; undefined for the root. */
  readonly parent?: Collection
  /** The mapping entry when the parent is a mapping. */
  readonly pair?: Pair<unknown, unknown>
  /** Position of the entry in its parent. */
  readonly index: number
}

/** One step down: the entry for `segment` in `collection`, or undefined when there is none. */
export function childOf(
  collection: Collection,
  segment: string | number,
  here: EditPath,
): FoundNode | undefined {
  if (isMap(collection)) {
    if (typeof segment !== 'string') {
      throw new EditError(
        'invalid-path',
        here,
        `is a mapping; index it with a key, not [${segment}]`,
      )
    }
    let found: FoundNode | undefined
    collection.items.forEach((pair, index) => {
      if (!isScalar(pair.key) || String(pair.key.value) !== segment) return
      if (found !== undefined) {
        throw new EditError('unsupported', [...here, segment], 'the key appears twice')
      }
      found = { node: asNode(pair.value), parent: collection, pair, index }
    })
    return found
  }
  if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0) {
    throw new EditError(
      'invalid-path',
      here,
      `is a sequence; index it with a number, not "${segment}"`,
    )
  }
  if (segment >= collection.items.length) return undefined
  return { node: asNode(collection.items[segment]), parent: collection, index: segment }
}

/**
 * The node at `path`, which must exist.
 *
 * @example
 *   findNode(doc, ['fields', 'amount', 'type']).node // → the Scalar `currency`
 *   findNode(doc, ['fields', 'nope'])                // throws EditError 'not-found'
 */
export function findNode(doc: Document, path: EditPath): FoundNode {
  let found: FoundNode = { node: asNode(doc.contents), index: 0 }
  for (let i = 0; i < path.length; i++) {
    const here = path.slice(0, i)
    const collection = asCollection(found.node, here)
    const segment = path[i] as string | number
    const child = childOf(collection, segment, here)
    if (child === undefined) {
      const what = typeof segment === 'number' ? 'index out of range' : 'no such key'
      const reason = typeof segment === 'number' ? 'index-out-of-range' : 'not-found'
      throw new EditError(reason, path.slice(0, i + 1), what)
    }
    found = child
  }
  return found
}

/** The node as a collection to step into, or a clear error for scalars, aliases and nothing. */
export function asCollection(node: Node | null, here: EditPath): Collection {
  if (isMap(node) || isSeq(node)) return node
  if (isAlias(node)) {
    throw new EditError('unsupported', here, `is an alias (${node.source}); edit the anchored node`)
  }
  const shown = isScalar(node) ? JSON.stringify(node.value) : 'empty'
  throw new EditError('not-a-collection', here, `is a scalar (${shown}), not a mapping or sequence`)
}

/** Whether the node holds nothing (`key:`, `key: null`, `~`, an empty document). */
export function isEmptyNode(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null && node.tag === undefined)
}

function asNode(value: unknown): Node | null {
  return value === null || value === undefined ? null : (value as Node)
}
