/**
 * Turns a data path (`['fields', 'amount', 'type']`) into a file:line:column by walking the YAML
 * document. Every stage after parsing reports through it, so a diagnostic always points at real
 * text: the node itself when it exists, otherwise the deepest ancestor that does.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml'
import type { DiagnosticLocation, PathSegment } from '../diagnostics/diagnostic.js'
import type { ParsedDocument } from './parsed-document.js'

/** Which part of a mapping entry to point at: its value (default) or its key. */
export type LocatePart = 'key' | 'value'

/**
 * The 1-based line and column of the node at `path`, or of its deepest existing ancestor. With
 * `part: 'key'`, a path whose last segment is an existing mapping key points at that key.
 *
 * @example
 *   // fields:
 *   //   amount:
 *   //     type: currancy
 *   locate(doc, ['fields', 'amount', 'type'])        // → line 3, column 11 (the value)
 *   locate(doc, ['fields', 'amount', 'type'], 'key') // → line 3, column 5 (the key)
 *   locate(doc, ['fields', 'missing'])                // → line 2, column 3 (the `fields` mapping)
 */
export function locate(
  doc: ParsedDocument,
  path: readonly PathSegment[],
  part: LocatePart = 'value',
): DiagnosticLocation {
  return locationAt(doc.file, doc.lines, offsetOf(doc, path, part), path)
}

/**
 * The location of a source offset, for stages that hold an offset rather than a path.
 *
 * @example
 *   locationAt('a.object.yaml', lines, 0, []) // → { file: 'a.object.yaml', line: 1, column: 1, path: [] }
 */
export function locationAt(
  file: string,
  lines: LineCounter,
  offset: number,
  path: readonly PathSegment[],
): DiagnosticLocation {
  const { line, col } = lines.linePos(offset)
  // linePos reports line 0 when the counter has no line starts at all (never after a parse, but a
  // hand-built LineCounter may be empty): count from the file's first character then.
  return line === 0
    ? { file, line: 1, column: offset + 1, path }
    : { file, line, column: col, path }
}

/** The source offset of the deepest existing node on `path`. */
function offsetOf(doc: ParsedDocument, path: readonly PathSegment[], part: LocatePart): number {
  let node: unknown = doc.yaml.contents
  let offset = startOf(node) ?? 0
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as PathSegment
    const collection = resolve(doc, node)
    if (isMap(collection)) {
      const pair = collection.items.find((p) => isPair(p) && keyMatches(p.key, segment))
      if (pair === undefined) return offset
      const keyStart = startOf(pair.key)
      const isLast = i === path.length - 1
      if (isLast && part === 'key' && keyStart !== undefined) return keyStart
      // `key:` with nothing after it has no value node with a range: the key is the best anchor.
      const valueStart = startOf(pair.value)
      if (valueStart === undefined) return keyStart ?? offset
      node = pair.value
      offset = valueStart
    } else if (isSeq(collection)) {
      const index = typeof segment === 'number' ? segment : Number.NaN
      const item: unknown = Number.isInteger(index) ? collection.items[index] : undefined
      const itemStart = startOf(item)
      if (itemStart === undefined) return offset
      node = item
      offset = itemStart
    } else {
      return offset
    }
  }
  return offset
}

/** Follows an alias to the node it names, so paths continue through `*anchor` references. */
function resolve(doc: ParsedDocument, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc.yaml) : node
}

function keyMatches(key: unknown, segment: PathSegment): boolean {
  if (!isScalar(key)) return false
  const value = key.value
  return (
    value === segment ||
    (value !== null && value !== undefined && String(value) === String(segment))
  )
}

function startOf(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object') return undefined
  const range = (node as Node).range
  return range ? range[0] : undefined
}
