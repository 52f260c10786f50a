/**
 * Walks a value along a key pattern such as `['columns', '*', 'field']`, where `*` steps into
 * every item of a list or every entry of a mapping. Rules describe which keys hold field names
 * as tables of patterns instead of nested loops.
 */
import type { PathSegment } from '../diagnostics/diagnostic.js'
import { isRecord } from './value-guards.js'

/**
 * Calls `visit` with each value the pattern reaches and its full path.
 *
 * @example
 *   visitPattern({ columns: ['a', { field: 'b' }] }, ['columns', '*', 'field'], [], visit)
 *   // → visit('b', ['columns', 1, 'field'])
 */
export function visitPattern(
  value: unknown,
  pattern: readonly string[],
  path: readonly PathSegment[],
  visit: (leaf: unknown, path: readonly PathSegment[]) => void,
): void {
  const [head, ...rest] = pattern
  if (head === undefined) {
    visit(value, path)
    return
  }
  if (head === '*') {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visitPattern(item, rest, [...path, i], visit))
    } else if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) {
        visitPattern(item, rest, [...path, key], visit)
      }
    }
    return
  }
  if (isRecord(value) && head in value) visitPattern(value[head], rest, [...path, head], visit)
}
