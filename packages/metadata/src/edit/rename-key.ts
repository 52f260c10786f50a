/**
 * Renames a mapping key in place: only the key's text changes; the value, its comments and the
 * entry's position stay exactly as written.
 */
import { isMap, isScalar } from 'yaml'
import { splice, type EditContext } from './edit-context.js'
import { EditError } from './edit-error.js'
import type { EditPath } from './edit-types.js'
import { findNode } from './find-node.js'
import { renderKey } from './render-scalar.js'

/**
 * The text with the key of the entry at `path` changed to `to`.
 *
 * @example
 *   renameEntry(ctx('fields:\n  amout: # typo\n    type: currency\n'), ['fields', 'amout'], 'amount')
 *   // → 'fields:\n  amount: # typo\n    type: currency\n'
 */
export function renameEntry(ctx: EditContext, path: EditPath, to: string): string {
  const found = findNode(ctx.doc, path)
  const key = found.pair?.key
  if (!isMap(found.parent) || !isScalar(key) || !key.range) {
    throw new EditError('invalid-path', path, 'only mapping keys can be renamed')
  }
  return splice(
    ctx.text,
    key.range[0],
    key.range[1],
    renderKey(to, ctx.style, found.parent.flow === true),
  )
}
