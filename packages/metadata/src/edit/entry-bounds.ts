/**
 * Where an entry of a collection sits in the text: where it starts (its key, or its `-` in a
 * block sequence), where its indicator ends (after `key:` or `-`, where a value is written) and
 * where its value ends. The `yaml` ranges cover keys and values but not the `:` and `-` between
 * them, so those are found by scanning the few characters in between.
 */
import { isPair, isScalar, type Node } from 'yaml'
import { EditError } from './edit-error.js'
import type { EditPath } from './edit-types.js'
import type { Collection } from './find-node.js'

export interface EntryBounds {
  /** Offset of the key, or of the `-` of a block sequence item (of the value in a flow sequence). */
  readonly start: number
  /** Offset just after `:` or `-`; for flow sequence items, the value's start. */
  readonly indicatorEnd: number
  /** Offset just after the value (after the key when there is no value). */
  readonly end: number
}

/**
 * @example
 *   // text 'a:  1 # c\n'
 *   entryBounds(text, doc.contents, 0, ['a']) // → { start: 0, indicatorEnd: 2, end: 5 }
 */
export function entryBounds(
  text: string,
  parent: Collection,
  index: number,
  path: EditPath,
): EntryBounds {
  const item = parent.items[index]
  if (isPair(item)) {
    const key = item.key
    if (!isScalar(key) || key.range == null) {
      throw new EditError('unsupported', path, 'only plain or quoted scalar keys can be edited')
    }
    let colon = key.range[1]
    while (text[colon] === ' ' || text[colon] === '\t') colon++
    if (text[colon] !== ':') {
      // `{ a, b }`: a flow mapping entry without `: value`.
      if (parent.flow && item.value == null) {
        return { start: key.range[0], indicatorEnd: key.range[1], end: key.range[1] }
      }
      throw new EditError('unsupported', path, 'explicit `? key` entries cannot be edited')
    }
    const valueEnd = rangeOf(item.value)?.[1] ?? colon + 1
    return { start: key.range[0], indicatorEnd: colon + 1, end: Math.max(colon + 1, valueEnd) }
  }
  const range = rangeOf(item)
  if (parent.flow) {
    if (range === undefined)
      throw new EditError('unsupported', path, 'the item has no source range')
    return { start: range[0], indicatorEnd: range[0], end: range[1] }
  }
  const dash = dashBefore(text, parent, index, path)
  return { start: dash, indicatorEnd: dash + 1, end: Math.max(dash + 1, range?.[1] ?? 0) }
}

/**
 * The `-` of item `index`: the first character after the previous item (or the sequence start)
 * that is not blank and not inside a comment.
 */
function dashBefore(text: string, seq: Collection, index: number, path: EditPath): number {
  const previous = index === 0 ? undefined : rangeOf(seq.items[index - 1])
  let p = previous?.[1] ?? rangeOf(seq)?.[0] ?? 0
  while (p < text.length) {
    const c = text[p]
    if (c === '#') p = text.indexOf('\n', p) === -1 ? text.length : text.indexOf('\n', p)
    else if (c === ' ' || c === '\t' || c === '\r' || c === '\n') p++
    else break
  }
  if (text[p] !== '-') throw new EditError('unsupported', path, 'cannot find the `-` of this item')
  return p
}

function rangeOf(value: unknown): readonly [number, number, number] | undefined {
  const range = (value as Node | null | undefined)?.range
  return range ?? undefined
}
