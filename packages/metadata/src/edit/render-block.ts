/**
 * New values in block style, laid out the way the file lays out its own: mapping entries one
 * indentation step under their key, list items under their key or flush with it (as the file
 * does), a mapping in a list starting on the `-` line. Scalars come from render-scalar.ts. Lines
 * are returned without line endings; the caller joins them with the file's line ending.
 */
import { isPlainObject } from './plain-data.js'
import { renderKey, renderScalar, type ScalarStyle } from './render-scalar.js'
import type { SourceStyle } from './source-style.js'

/**
 * A value after `key:` ('pair') or `-` ('item') whose indicator is at `column`. The first line
 * continues the indicator's line: it starts with a space, or is empty when a block collection
 * follows on the next lines.
 *
 * @example
 *   renderBlockValue({ type: 'text' }, 'pair', 2, style) // → ['', '    type: text']
 *   renderBlockValue({ a: 1, b: 2 }, 'item', 2, style)   // → [' a: 1', '    b: 2']
 *   renderBlockValue('a: b', 'pair', 2, style)           // → [" 'a: b'"]
 */
export function renderBlockValue(
  value: unknown,
  context: 'pair' | 'item',
  column: number,
  style: SourceStyle,
  scalarStyle?: ScalarStyle,
): string[] {
  let lines: string[]
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    const at = context === 'pair' ? column + style.indent : column + 2
    lines = Object.entries(value).flatMap(([key, item]) => renderBlockEntry(key, item, at, style))
  } else if (Array.isArray(value) && value.length > 0) {
    const at = context === 'item' ? column + 2 : style.indentSeq ? column + style.indent : column
    lines = value.flatMap((item) => renderBlockEntry(undefined, item, at, style))
  } else {
    return renderScalar(value, context, column, style, scalarStyle)
  }
  // Under a key the collection starts on the next line; after `-` its first entry shares the line.
  if (context === 'pair') return ['', ...lines]
  const [first = '', ...rest] = lines
  return [` ${first.trimStart()}`, ...rest]
}

/**
 * A whole mapping entry (`key: value`) or, without a key, a list item (`- value`), every line
 * indented to `column`.
 *
 * @example
 *   renderBlockEntry('label', 'Amount', 4, style) // → ['    label: Amount']
 *   renderBlockEntry(undefined, 'x', 2, style)    // → ['  - x']
 */
export function renderBlockEntry(
  key: string | undefined,
  value: unknown,
  column: number,
  style: SourceStyle,
): string[] {
  const indicator = key === undefined ? '-' : `${renderKey(key, style, false)}:`
  const [first = '', ...rest] = renderBlockValue(
    value,
    key === undefined ? 'item' : 'pair',
    column,
    style,
  )
  return [' '.repeat(column) + indicator + first, ...rest]
}

/** A whole document's contents, for an empty file or a root that changes kind. */
export function renderBlockDocument(value: unknown, style: SourceStyle): string[] {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([key, item]) => renderBlockEntry(key, item, 0, style))
  }
  if (Array.isArray(value) && value.length > 0) {
    return value.flatMap((item) => renderBlockEntry(undefined, item, 0, style))
  }
  const [first = '', ...rest] = renderScalar(value, 'item', 0, style)
  return [first.trimStart(), ...rest]
}
