/**
 * Breaks an Edit into primitive steps. `set` reconciles rather than overwrites: a mapping set to
 * a new mapping keeps its entries, updating changed ones, adding new keys after the existing ones
 * and removing missing ones; a sequence is updated item by item, grown or shrunk at its end; an
 * equal value is left alone. So a Studio form that saves a whole object rewrites only the lines
 * whose data changed, and comments on untouched entries survive.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml'
import { EditError } from './edit-error.js'
import type { EditStep } from './edit-step.js'
import type { Edit, EditPath } from './edit-types.js'
import { asCollection, childOf, findNode, isEmptyNode } from './find-node.js'
import { assertKey, assertPlainData, isPlainObject } from './plain-data.js'

/**
 * @example
 *   planEdit(parseDocument('a: { b: 1, c: 2 }'), { op: 'set', path: ['a'], value: { b: 1, d: 3 } })
 *   // → [{ kind: 'insert', path: ['a'], key: 'd', value: 3 }, { kind: 'remove', path: ['a', 'c'] }]
 */
export function planEdit(doc: Document, edit: Edit): EditStep[] {
  switch (edit.op) {
    case 'set':
      assertPlainData(edit.value, edit.path)
      return planSet(doc, edit.path, edit.value)
    case 'delete':
      if (edit.path.length === 0) {
        throw new EditError('unsupported', edit.path, 'the document itself cannot be deleted')
      }
      findNode(doc, edit.path)
      return [{ kind: 'remove', path: edit.path }]
    case 'rename':
      return planRename(doc, edit.path, edit.to)
    case 'addField': {
      const path = ['fields', edit.name]
      assertKey(edit.name, path)
      assertPlainData(edit.definition, path)
      const fields = isMap(doc.contents) ? childOf(doc.contents, 'fields', []) : undefined
      if (isMap(fields?.node) && childOf(fields.node, edit.name, ['fields']) !== undefined) {
        throw new EditError('key-exists', path, 'the field already exists')
      }
      return planSet(doc, path, edit.definition)
    }
  }
}

function planSet(doc: Document, path: EditPath, value: unknown): EditStep[] {
  let node = (doc.contents ?? null) as Node | null
  for (let i = 0; i < path.length; i++) {
    const here = path.slice(0, i)
    const segment = path[i] as string | number
    if (isEmptyNode(node)) {
      // `fields:` with nothing under it: fill it with the rest of the path.
      const nested = nest(path.slice(i), value, path)
      if (i > 0) return [{ kind: 'replace', path: here, value: nested }]
      return [{ kind: 'insert', path: [], key: segment, value: nest(path.slice(1), value, path) }]
    }
    const collection = asCollection(node, here)
    const child = childOf(collection, segment, here)
    if (child === undefined) {
      if (isSeq(collection) && segment !== collection.items.length) {
        throw new EditError(
          'index-out-of-range',
          path.slice(0, i + 1),
          `the sequence has ${collection.items.length} items; set index ${collection.items.length} to append`,
        )
      }
      return [
        { kind: 'insert', path: here, key: segment, value: nest(path.slice(i + 1), value, path) },
      ]
    }
    node = child.node
  }
  return reconcile(path, node, value)
}

function reconcile(path: EditPath, node: Node | null, value: unknown): EditStep[] {
  if (isMap(node) && isPlainObject(value)) {
    const updates: EditStep[] = []
    const removes: EditStep[] = []
    const present = new Set<string>()
    for (const pair of node.items) {
      if (!isScalar(pair.key)) throw new EditError('unsupported', path, 'has a non-scalar key')
      const key = String(pair.key.value)
      if (present.has(key))
        throw new EditError('unsupported', [...path, key], 'the key appears twice')
      present.add(key)
      if (Object.hasOwn(value, key))
        updates.push(...reconcile([...path, key], pair.value as Node | null, value[key]))
      else removes.push({ kind: 'remove', path: [...path, key] })
    }
    const inserts: EditStep[] = Object.keys(value)
      .filter((key) => !present.has(key))
      .map((key) => ({ kind: 'insert', path, key, value: value[key] }))
    return [...updates, ...inserts, ...removes]
  }
  if (isSeq(node) && Array.isArray(value)) {
    const steps: EditStep[] = []
    const length = node.items.length
    for (let i = 0; i < Math.min(length, value.length); i++) {
      steps.push(...reconcile([...path, i], node.items[i] as Node | null, value[i]))
    }
    for (let i = length; i < value.length; i++)
      steps.push({ kind: 'insert', path, key: i, value: value[i] })
    for (let i = length - 1; i >= value.length; i--)
      steps.push({ kind: 'remove', path: [...path, i] })
    return steps
  }
  if (isEmptyNode(node) && value === null) return []
  if (isScalar(node) && !isAlias(node) && node.value === value && value !== null) return []
  return [{ kind: 'replace', path, value }]
}

function planRename(doc: Document, path: EditPath, to: string): EditStep[] {
  const from = path[path.length - 1]
  if (typeof from !== 'string')
    throw new EditError('invalid-path', path, 'only mapping keys can be renamed')
  assertKey(to, [...path.slice(0, -1), to])
  const found = findNode(doc, path)
  if (from === to) return []
  const parent = asCollection(found.parent ?? null, path.slice(0, -1))
  if (childOf(parent, to, path.slice(0, -1)) !== undefined) {
    throw new EditError(
      'key-exists',
      [...path.slice(0, -1), to],
      'a key with the new name exists already',
    )
  }
  return [{ kind: 'rename', path, to }]
}

/** `['a', 'b'], v` → `{ a: { b: v } }`; numbers cannot create sequences. */
function nest(segments: EditPath, value: unknown, path: EditPath): unknown {
  return segments.reduceRight<unknown>((inner, segment) => {
    if (typeof segment === 'number') {
      throw new EditError(
        'not-found',
        path,
        `cannot create [${segment}] in a list that does not exist; set the whole list instead`,
      )
    }
    return { [segment]: inner }
  }, value)
}
