/**
 * Removes a mapping entry or a sequence item with exactly the lines it owns (see
 * entry-region.ts for the comment rule), then tidies one blank line so the separators around it
 * keep their rhythm. Removing the last entry leaves an empty `{}` or `[]`, so the data stays an
 * empty collection instead of turning into null.
 */
import { isMap } from 'yaml'
import { splice, type EditContext } from './edit-context.js'
import { EditError } from './edit-error.js'
import { entryBounds } from './entry-bounds.js'
import { isBlankLineAt, ownedRegion } from './entry-region.js'
import type { EditPath } from './edit-types.js'
import { findNode } from './find-node.js'
import { replaceValue } from './replace-value.js'
import {
  indentOf,
  isFirstOnLine,
  lineAt,
  lineStart,
  nextLineStart,
  previousLineStart,
} from './text-lines.js'

/**
 * The text without the entry at `path`.
 *
 * @example
 *   removeEntry(ctx('a: 1\n# about b\nb: 2 # two\nc: 3\n'), ['b'])
 *   // → 'a: 1\nc: 3\n'
 */
export function removeEntry(ctx: EditContext, path: EditPath): string {
  const { text, style } = ctx
  if (path.length === 0)
    throw new EditError('unsupported', path, 'the document itself cannot be deleted')
  const found = findNode(ctx.doc, path)
  const parent = found.parent
  if (parent === undefined) throw new EditError('not-found', path, 'no such entry')
  const count = parent.items.length
  const empty = isMap(parent) ? '{}' : '[]'
  const parentPath = path.slice(0, -1)

  if (parent.flow) {
    const range = parent.range
    if (count === 1 && range) return splice(text, range[0], range[1], empty)
    const own = entryBounds(text, parent, found.index, path)
    if (found.index < count - 1) {
      const next = entryBounds(text, parent, found.index + 1, [...parentPath, found.index + 1])
      return splice(text, own.start, next.start, '')
    }
    const previous = entryBounds(text, parent, found.index - 1, [...parentPath, found.index - 1])
    return splice(text, previous.end, own.end, '')
  }

  const own = entryBounds(text, parent, found.index, path)
  if (count === 1 && parentPath.length > 0)
    return replaceValue(ctx, parentPath, isMap(parent) ? {} : [])
  if (!isFirstOnLine(text, own.start)) {
    // The first key of a mapping written on its sequence item's line: `- name: a` + `  type: b`.
    const next = entryBounds(text, parent, found.index + 1, [...parentPath, found.index + 1])
    return splice(text, own.start, next.start, '')
  }

  let { start, end } = ownedRegion(text, own.start, own.end)
  if (count === 1) {
    // The root's only entry: the document becomes an empty mapping, its comments stay.
    const tail = end === text.length && !text.endsWith('\n') ? '' : style.eol
    return splice(text, start, end, empty + tail)
  }
  const column = own.start - lineStart(text, own.start)
  const before = previousLineStart(text, start)
  const blankBefore = isBlankLineAt(text, before)
  if (isBlankLineAt(text, end) && (blankBefore || found.index === 0)) {
    end = nextLineStart(text, end)
  } else if (blankBefore && (end >= text.length || indentOf(lineAt(text, end)) < column)) {
    start = before
  }
  if (end === text.length && !text.endsWith('\n') && start > 0) {
    // The last line goes and the file had no final newline: it still has none.
    start -= text[start - 2] === '\r' ? 2 : 1
  }
  return splice(text, start, end, '')
}
