/**
 * Maps a position inside a string value back to the YAML source. A CEL error at character 12 of
 * `condition` must point at the right column even when the value was written in double quotes
 * with escapes, in single quotes with doubled `''`, folded over several lines, or as a `|` / `>`
 * block scalar whose text starts on the next line. When the mapping is unsure it answers the
 * start of the scalar, never a wrong column.
 */
import { isScalar, type Scalar } from 'yaml'
import type { DiagnosticLocation, PathSegment } from '../diagnostics/diagnostic.js'
import { locate } from '../parse/locate.js'
import type { ParsedDocument } from '../parse/parsed-document.js'

/**
 * The location of character `index` of the string at `path`.
 *
 * @example
 *   // condition: "record.amout > 0"
 *   locateInScalar(doc, ['condition'], 7) // → the column of `amout`
 */
export function locateInScalar(
  doc: ParsedDocument,
  path: readonly PathSegment[],
  index: number,
): DiagnosticLocation {
  const node = doc.yaml.getIn(path, true)
  const offset = isScalar(node) ? sourceOffset(doc.text, node, index) : undefined
  if (offset === undefined) return locate(doc, path)
  const { line, col } = doc.lines.linePos(offset)
  return line === 0 ? locate(doc, path) : { file: doc.file, line, column: col, path }
}

/** The offset in `text` of character `index` of the scalar's value, if it can be aligned. */
export function sourceOffset(text: string, node: Scalar, index: number): number | undefined {
  const value = node.value
  const range = node.range
  if (typeof value !== 'string' || range === undefined || range === null) return undefined
  if (index < 0 || index > value.length) return undefined
  const [start, end] = range
  const type = node.type
  let p = start
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') p += 1
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const headerEnd = text.indexOf('\n', start)
    if (headerEnd < 0) return undefined
    p = headerEnd + 1
  }
  const doubleQuoted = type === 'QUOTE_DOUBLE'
  const singleQuoted = type === 'QUOTE_SINGLE'
  for (let i = 0; i <= index; i++) {
    if (i === value.length) return p <= end ? p : undefined
    const c = value[i]
    for (;;) {
      if (p >= end) return undefined
      const s = text[p]
      if (doubleQuoted && s === '\\') {
        if (text[p + 1] === '\n' || text[p + 1] === '\r') {
          p = skipLineBreak(text, p + 1)
          continue
        }
        if (i === index) return p
        p += escapeLength(text[p + 1])
        break
      }
      if (s === c) {
        if (i === index) return p
        p += singleQuoted && c === "'" && text[p + 1] === "'" ? 2 : 1
        break
      }
      // Indentation, a folded line break or a comment-free line end: source only, skip it.
      if (s === ' ' || s === '\t' || s === '\n' || s === '\r') {
        p += 1
        continue
      }
      return undefined
    }
  }
  return undefined
}

/** Source length of a double-quoted escape starting with `\` followed by `c`. */
function escapeLength(c: string | undefined): number {
  if (c === 'x') return 4
  if (c === 'u') return 6
  if (c === 'U') return 10
  return 2
}

/** Skips a line break and the indentation after it. */
function skipLineBreak(text: string, p: number): number {
  let q = p
  if (text[q] === '\r') q += 1
  if (text[q] === '\n') q += 1
  while (text[q] === ' ' || text[q] === '\t') q += 1
  return q
}
