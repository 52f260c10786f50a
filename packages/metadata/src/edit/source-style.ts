/**
 * How a file is written, so new text matches its neighbours: line endings, the indentation step,
 * whether block sequences are indented under their key, the preferred quote, and whether flow
 * collections pad their brackets (`{ a: 1 }` or `{a: 1}`). Read once from the original text.
 */
import { isMap, isScalar, isSeq, Scalar, visit, type Document } from 'yaml'
import { lineStart } from './text-lines.js'

export interface SourceStyle {
  readonly eol: '\n' | '\r\n'
  /** Spaces per nesting level of block mappings (2 unless the file uses another step). */
  readonly indent: number
  /** `key:\n  - a` (true) or `key:\n- a` (false). */
  readonly indentSeq: boolean
  /** Quote strings that need quoting with `'…'` rather than `"…"`. */
  readonly singleQuote: boolean
  /** `{ a: 1 }` rather than `{a: 1}`. */
  readonly flowMapPadding: boolean
  /** `[ a, b ]` rather than `[a, b]`. */
  readonly flowSeqPadding: boolean
}

/**
 * @example
 *   detectStyle('a:\r\n    b: 1\r\n', parseDocument('a:\r\n    b: 1\r\n'))
 *   // → { eol: '\r\n', indent: 4, indentSeq: true, singleQuote: false, … }
 */
export function detectStyle(text: string, doc: Document): SourceStyle {
  const column = (offset: number) => offset - lineStart(text, offset)
  let indent: number | undefined
  let indentSeq: boolean | undefined
  let flowMapPadding: boolean | undefined
  let flowSeqPadding: boolean | undefined
  let single = 0
  let double = 0
  visit(doc, {
    Pair(_, pair) {
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined
      const value = pair.value
      if (!keyRange || !(isMap(value) || isSeq(value)) || value.flow || !value.range) return
      // Only a collection that starts on the line below its key shows the step.
      if (lineStart(text, keyRange[0]) === lineStart(text, value.range[0])) return
      const step = column(value.range[0]) - column(keyRange[0])
      if (isMap(value) && indent === undefined && step > 0) indent = step
      if (isSeq(value) && indentSeq === undefined) indentSeq = step > 0
    },
    Map(_, map) {
      if (map.flow && map.items.length > 0 && map.range && flowMapPadding === undefined) {
        flowMapPadding = text[map.range[0] + 1] === ' '
      }
    },
    Seq(_, seq) {
      if (seq.flow && seq.items.length > 0 && seq.range && flowSeqPadding === undefined) {
        flowSeqPadding = text[seq.range[0] + 1] === ' '
      }
    },
    Scalar(_, scalar) {
      if (scalar.type === Scalar.QUOTE_SINGLE) single++
      else if (scalar.type === Scalar.QUOTE_DOUBLE) double++
    },
  })
  return {
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    indent: indent ?? 2,
    indentSeq: indentSeq ?? true,
    singleQuote: single > double,
    flowMapPadding: flowMapPadding ?? true,
    flowSeqPadding: flowSeqPadding ?? false,
  }
}
