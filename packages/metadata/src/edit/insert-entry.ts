/**
 * Adds a key to a mapping, or an item to the end of a sequence, as new lines right after the
 * collection's last entry (after the comments that entry owns, see entry-region.ts), indented like
 * its siblings. When the siblings are separated by blank lines, the new entry is too. Flow
 * collections get `, entry` after their last entry; an empty `{}` or `[]` in block context is
 * replaced by a block collection holding the new entry.
 */
import { isMap, isSeq } from 'yaml'
import { splice, type EditContext } from './edit-context.js'
import { EditError } from './edit-error.js'
import { entryBounds } from './entry-bounds.js'
import { ownedRegion } from './entry-region.js'
import type { EditPath } from './edit-types.js'
import { asCollection, findNode, isEmptyNode } from './find-node.js'
import { renderBlockEntry } from './render-block.js'
import { renderFlow } from './render-scalar.js'
import { replaceValue } from './replace-value.js'
import { isBlank, lineAt, lineStart, nextLineStart } from './text-lines.js'

/**
 * The text with `key: value` added to the mapping at `path` (or `value` appended to the sequence
 * at `path`, `key` being its length).
 *
 * @example
 *   insertEntry(ctx('fields:\n  name:\n    type: text\n'), ['fields'], 'due', { type: 'date' })
 *   // → 'fields:\n  name:\n    type: text\n  due:\n    type: date\n'
 */
export function insertEntry(
  ctx: EditContext,
  path: EditPath,
  key: string | number,
  value: unknown,
): string {
  const { text, style } = ctx
  const found = findNode(ctx.doc, path)
  if (path.length === 0 && isEmptyNode(found.node)) {
    return replaceValue(ctx, [], typeof key === 'number' ? [value] : { [key]: value })
  }
  const collection = asCollection(found.node, path)
  const target = [...path, key]
  if (isSeq(collection) && key !== collection.items.length) {
    throw new EditError(
      'index-out-of-range',
      target,
      `a sequence of ${collection.items.length} items can only grow at its end`,
    )
  }
  if (isMap(collection) && typeof key !== 'string') {
    throw new EditError('invalid-path', path, `is a mapping; index it with a key, not [${key}]`)
  }
  const count = collection.items.length
  if (count === 0) return replaceValue(ctx, path, isSeq(collection) ? [value] : { [key]: value })

  const last = entryBounds(text, collection, count - 1, [...path, count - 1])
  if (collection.flow) {
    const entry = isMap(collection)
      ? renderFlow(value, style, String(key))
      : renderFlow(value, style)
    return splice(text, last.end, last.end, `, ${entry}`)
  }

  const region = ownedRegion(text, last.start, last.end)
  const column = last.start - lineStart(text, last.start)
  const lines = renderBlockEntry(isMap(collection) ? String(key) : undefined, value, column, style)
  if (count >= 2) {
    const previous = entryBounds(text, collection, count - 2, [...path, count - 2])
    const gapStart = ownedRegion(text, previous.start, previous.end).end
    if (hasBlankLine(text, gapStart, region.start)) lines.unshift('')
  }
  if (region.end === text.length && !text.endsWith('\n')) {
    return text + style.eol + lines.join(style.eol)
  }
  return splice(text, region.end, region.end, lines.map((line) => line + style.eol).join(''))
}

/** Whether a blank line lies between the line starts `from` and `to`. */
function hasBlankLine(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p = nextLineStart(text, p)) {
    if (isBlank(lineAt(text, p))) return true
  }
  return false
}
