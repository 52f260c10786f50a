/**
 * The data side of an edit: which values may be written, how two values compare, and what the
 * document's data must be after a step. The text side is checked against this after every step,
 * so a splice that would change anything else is refused instead of saved.
 */
import { EditError } from './edit-error.js'
import type { EditStep } from './edit-step.js'
import type { EditPath } from './edit-types.js'

type Data = unknown

/** Keys that would reach into object prototypes; the validator rejects them in files too. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Throws unless `value` is plain data: null, booleans, finite numbers, strings, arrays and plain
 * objects of those.
 *
 * @example
 *   assertPlainData({ type: 'text', required: true }, ['fields', 'name']) // ok
 *   assertPlainData(undefined, ['label'])                                 // throws 'invalid-value'
 */
export function assertPlainData(value: unknown, path: EditPath): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return
    throw new EditError('invalid-value', path, `${value} is not a finite number`)
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertPlainData(item, [...path, i]))
    return
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      assertKey(key, [...path, key])
      assertPlainData(item, [...path, key])
    }
    return
  }
  throw new EditError('invalid-value', path, `${describe(value)} cannot be written as YAML data`)
}

export function assertKey(key: string, path: EditPath): void {
  if (forbiddenKeys.has(key))
    throw new EditError('invalid-value', path, `"${key}" is not allowed as a key`)
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Structural equality of plain data; key order does not matter, as in YAML mappings. */
export function deepEqual(a: Data, b: Data): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a)
    if (keys.length !== Object.keys(b).length) return false
    return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
  }
  return false
}

/**
 * The document's data after `step`, computed on the data alone (the input is not modified).
 *
 * @example
 *   applyStepToData({ a: { b: 1 } }, { kind: 'insert', path: ['a'], key: 'c', value: 2 })
 *   // → { a: { b: 1, c: 2 } }
 */
export function applyStepToData(data: Data, step: EditStep): Data {
  switch (step.kind) {
    case 'replace':
      return updateAt(data, step.path, () => step.value)
    case 'insert':
      return updateAt(data, step.path, (parent) => withEntry(parent, step.key, step.value))
    case 'remove':
      return updateAt(data, step.path.slice(0, -1), (parent) => without(parent, last(step.path)))
    case 'rename':
      return updateAt(data, step.path.slice(0, -1), (parent) =>
        renamed(parent, String(last(step.path)), step.to),
      )
  }
}

function updateAt(data: Data, path: EditPath, change: (node: Data) => Data): Data {
  if (path.length === 0) return change(data)
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  if (Array.isArray(data)) {
    const copy = [...data]
    copy[head as number] = updateAt(copy[head as number], rest, change)
    return copy
  }
  const record = isPlainObject(data) ? data : {}
  return { ...record, [head]: updateAt(record[head as string], rest, change) }
}

function withEntry(parent: Data, key: string | number, value: Data): Data {
  if (Array.isArray(parent)) return [...parent, value]
  return { ...(isPlainObject(parent) ? parent : {}), [key]: value }
}

function without(parent: Data, key: string | number): Data {
  if (Array.isArray(parent)) return parent.filter((_, i) => i !== key)
  const copy = { ...(parent as Record<string, unknown>) }
  delete copy[key as string]
  return copy
}

function renamed(parent: Data, from: string, to: string): Data {
  const entries = Object.entries(parent as Record<string, unknown>)
  return Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v]))
}

function last(path: EditPath): string | number {
  return path[path.length - 1] as string | number
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined (use a delete edit to remove a key)'
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'object') return `an instance of ${value?.constructor?.name ?? 'a class'}`
  return `a ${typeof value}`
}
