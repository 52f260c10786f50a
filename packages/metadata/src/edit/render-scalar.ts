/**
 * Scalars, keys and flow collections as YAML text, in the file's quote style. The `yaml`
 * stringifier decides when a string needs quotes or a block; only the one value is rendered,
 * never the file. Block collections are laid out by render-block.ts on top of this.
 */
import { Document, isScalar, Pair, Scalar, visit, YAMLMap, YAMLSeq, type Node } from 'yaml'
import type { SourceStyle } from './source-style.js'

/** The scalar style of the value being replaced, kept when the new value allows it. */
export type ScalarStyle = Scalar.Type | undefined

/**
 * A scalar (or an empty `{}`/`[]`) after `key:` ('pair') or `-` ('item'), as lines: the first
 * continues the indicator's line and starts with a space; more lines come for a `|` or `>` block,
 * indented for an indicator at `column`.
 *
 * @example
 *   renderScalar('a: b', 'pair', 2, style)        // → [" 'a: b'"]
 *   renderScalar('one\ntwo', 'pair', 2, style)    // → [' |-', '    one', '    two']
 */
export function renderScalar(
  value: unknown,
  context: 'pair' | 'item',
  column: number,
  style: SourceStyle,
  scalarStyle?: ScalarStyle,
): string[] {
  const doc = newDocument()
  const node = createNode(doc, value, scalarStyle)
  if (context === 'pair') {
    const map = new YAMLMap()
    map.items.push(new Pair(new Scalar('x'), node))
    doc.contents = map
  } else {
    const seq = new YAMLSeq()
    seq.items.push(node)
    doc.contents = seq
  }
  const lines = toLines(doc, style)
  const first = (lines[0] ?? '').slice(context === 'pair' ? 2 : 1)
  const pad = ' '.repeat(column)
  return [first, ...lines.slice(1).map((line) => (line === '' ? line : pad + line))]
}

/** A mapping key as it would be written: plain when it can be, quoted when it must. */
export function renderKey(key: string, style: SourceStyle, flow: boolean): string {
  if (flow) return flowScalar(key, style)
  const doc = newDocument()
  doc.contents = doc.createNode({ [key]: null })
  const line = toLines(doc, style)[0] ?? ''
  return line.slice(0, line.length - ': null'.length)
}

/**
 * A value on one line in flow style, with the file's bracket padding; `key` makes it a flow
 * mapping entry.
 *
 * @example
 *   renderFlow(['a', 'b c'], style)           // → '[a, b c]'
 *   renderFlow({ value: 'x' }, style)         // → '{ value: x }'
 *   renderFlow('Needs, analysis', style, 'k') // → "k: 'Needs, analysis'"
 */
export function renderFlow(value: unknown, style: SourceStyle, key?: string): string {
  if (key !== undefined) return `${flowScalar(key, style)}: ${renderFlow(value, style)}`
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const inner = value.map((item) => renderFlow(item, style)).join(', ')
    return style.flowSeqPadding ? `[ ${inner} ]` : `[${inner}]`
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 0) return '{}'
    const inner = entries.map(([k, v]) => renderFlow(v, style, k)).join(', ')
    return style.flowMapPadding ? `{ ${inner} }` : `{${inner}}`
  }
  return flowScalar(value, style)
}

/** A scalar in flow context, where `,` `[` `]` `{` `}` also force quotes. */
function flowScalar(value: unknown, style: SourceStyle): string {
  // A JSON string is a valid double-quoted YAML scalar and keeps line breaks as `\n` escapes.
  if (typeof value === 'string' && /[\n\r]/.test(value)) return JSON.stringify(value)
  const doc = newDocument()
  doc.contents = doc.createNode([value], { flow: true })
  const line = toLines(doc, style, false)[0] ?? '[]'
  return line.slice(1, -1)
}

function newDocument(): Document {
  return new Document(null, { schema: 'core', aliasDuplicateObjects: false })
}

function createNode(doc: Document, value: unknown, scalarStyle?: ScalarStyle): Node {
  const node = doc.createNode(value)
  visit(node, {
    Scalar(_, scalar) {
      // A block scalar starting with a space needs an indentation indicator, and `yaml` gets it
      // wrong for indents other than 2: quote such strings instead.
      const text = scalar.value
      if (typeof text === 'string' && text.includes('\n') && /^\s/.test(text)) {
        scalar.type = Scalar.QUOTE_DOUBLE
      }
    },
  })
  if (!isScalar(node) || typeof value !== 'string' || scalarStyle === undefined) return node
  if (node.type === Scalar.QUOTE_DOUBLE) return node
  // A string keeps the old quoting or block style; `yaml` falls back when it cannot. Plain and
  // quoted styles would fold a multi-line string over several lines: `yaml` picks a block then.
  const block = scalarStyle === Scalar.BLOCK_LITERAL || scalarStyle === Scalar.BLOCK_FOLDED
  const blockable = value.trim() !== '' && !/^\s/.test(value)
  if (block ? blockable : !value.includes('\n')) node.type = scalarStyle
  return node
}

function toLines(doc: Document, style: SourceStyle, padding = true): string[] {
  const text = doc.toString({
    indent: style.indent,
    indentSeq: style.indentSeq,
    lineWidth: 0,
    singleQuote: style.singleQuote,
    blockQuote: true,
    flowCollectionPadding: padding,
  })
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}
