/**
 * Gives an existing node a new value by rewriting only that node's text. The key, the line's
 * indentation and a trailing `# comment` stay; so does the alignment of a value that stays on one
 * line (`key:   value` keeps its spaces). A block value (`|` text, an indented mapping or list)
 * is replaced line for line, and comments inside it go with it: they described the old value.
 * Style follows the old node: a flow collection stays flow, a quoted string keeps its quotes, a
 * `|` block keeps its block style when the new string has several lines.
 */
import { isAlias, isCollection, isMap, isScalar, Scalar, type Node } from 'yaml'
import { splice, type EditContext } from './edit-context.js'
import { EditError } from './edit-error.js'
import { entryBounds } from './entry-bounds.js'
import type { EditPath } from './edit-types.js'
import { findNode, isEmptyNode } from './find-node.js'
import { renderBlockDocument, renderBlockValue } from './render-block.js'
import { renderFlow } from './render-scalar.js'
import { contentEnd, lineStart } from './text-lines.js'

/**
 * The text with the node at `path` (which exists) set to `value`.
 *
 * @example
 *   replaceValue(ctx('label: Amount  # shown in forms\n'), ['label'], 'Total')
 *   // → 'label: Total  # shown in forms\n'
 */
export function replaceValue(ctx: EditContext, path: EditPath, value: unknown): string {
  const { text, style } = ctx
  const found = findNode(ctx.doc, path)
  const node = found.node
  assertRewritable(node, path)
  if (found.parent === undefined) return replaceRoot(ctx, node, value)
  const parent = found.parent
  const bounds = entryBounds(text, parent, found.index, path)
  const range = node?.range ?? undefined

  if (parent.flow || (isFlowCollection(node) && isFilledCollection(value))) {
    const flow = renderFlow(value, style)
    if (range === undefined) return splice(text, bounds.end, bounds.end, `: ${flow}`)
    return splice(text, range[0], range[1], flow)
  }

  const column = bounds.start - lineStart(text, bounds.start)
  const scalarStyle = isScalar(node) ? node.type : undefined
  const context = isMap(parent) ? 'pair' : 'item'
  const [first = '', ...rest] = renderBlockValue(value, context, column, style, scalarStyle)
  const more = rest.map((line) => style.eol + line).join('')
  const valueStart = range?.[0] ?? bounds.indicatorEnd
  const valueEnd = range?.[1] ?? bounds.indicatorEnd

  if (!isBlockNode(node)) {
    // Scalar, flow collection, alias or nothing, ending on the line of its last character.
    if (rest.length === 0 && valueStart < valueEnd) {
      return splice(text, valueStart, valueEnd, first.trimStart())
    }
    // An empty value (`key:` or `key: # comment`) or one that becomes several lines: rewrite
    // from the indicator to the end of the line, keeping the comment.
    const lineEnd = contentEnd(text, valueEnd)
    const tail = commentOnly(text.slice(valueEnd, lineEnd))
    return splice(text, bounds.indicatorEnd, lineEnd, first + tail + more)
  }

  // A block value runs to the end of its last line; `range[1]` may already be past its newline.
  const lastLineEnd = contentEnd(text, text[valueEnd - 1] === '\n' ? valueEnd - 1 : valueEnd)
  const startsBelow = lineStart(text, valueStart) !== lineStart(text, bounds.indicatorEnd)
  const keyLineTail = startsBelow
    ? commentOnly(text.slice(bounds.indicatorEnd, contentEnd(text, bounds.indicatorEnd)))
    : ''
  return splice(text, bounds.indicatorEnd, lastLineEnd, first + keyLineTail + more)
}

/** The whole document's contents replaced (a list becoming a mapping, `{}` being filled…). */
function replaceRoot(ctx: EditContext, node: Node | null, value: unknown): string {
  const { text, style } = ctx
  const lines = renderBlockDocument(value, style).join(style.eol)
  const range = node?.range ?? undefined
  if (range === undefined || isEmptyNode(node)) {
    if (range !== undefined && range[0] !== range[1]) {
      return splice(text, range[0], contentEnd(text, range[1]), lines)
    }
    if (text === '') return lines + style.eol
    return text.endsWith('\n') ? text + lines + style.eol : text + style.eol + lines
  }
  const end = range[1]
  return splice(text, range[0], contentEnd(text, text[end - 1] === '\n' ? end - 1 : end), lines)
}

/** Anchored or tagged nodes change meaning when their text is replaced: refuse them. */
function assertRewritable(node: Node | null, path: EditPath): void {
  if (node === null || isAlias(node)) return
  if (node.anchor !== undefined) {
    throw new EditError('unsupported', path, `has an anchor (&${node.anchor}) that aliases may use`)
  }
  if (node.tag !== undefined && !isEmptyNode(node)) {
    throw new EditError('unsupported', path, `has an explicit tag (${node.tag})`)
  }
}

function isBlockNode(node: Node | null): boolean {
  if (isCollection(node)) return !node.flow
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)
}

function isFlowCollection(node: Node | null): boolean {
  return isCollection(node) && node.flow === true && node.items.length > 0
}

function isFilledCollection(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0
}

/** The rest of a line after a value, when it is a comment (kept) rather than just spaces. */
function commentOnly(rest: string): string {
  if (!rest.trimStart().startsWith('#')) return ''
  return rest.startsWith(' ') || rest.startsWith('\t') ? rest : ` ${rest}`
}
