/**
 * Ajv names the offending value with a JSON Pointer (`/fields/amount/type`); diagnostics and
 * `locate` take path segments (`['fields', 'amount', 'type']`, with numbers for list indexes).
 * The data decides which segments are indexes: `/options/0` is index 0 of a list, but key "0" of
 * a mapping.
 */
import type { PathSegment } from '../diagnostics/diagnostic.js'

/**
 * @example
 *   toPath('/validations/0/name', { validations: [{ name: 'x' }] }) // → ['validations', 0, 'name']
 */
export function toPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return []
  const path: PathSegment[] = []
  let node: unknown = data
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(key)) {
      path.push(Number(key))
      node = node[Number(key)]
    } else {
      path.push(key)
      node = isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined
    }
  }
  return path
}

/** The value at `path` inside `data`, or undefined. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment]
    else if (isRecord(node) && Object.hasOwn(node, String(segment))) node = node[String(segment)]
    else return undefined
  }
  return node
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
