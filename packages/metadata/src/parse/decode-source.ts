/**
 * The first gate a file passes: its size (checked on the bytes, before any decoding work) and its
 * encoding (strict UTF-8; a leading byte-order mark is accepted and dropped, so columns match what
 * an editor shows). A bad byte is reported at its own line and column.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { report } from '../diagnostics/report.js'
import type { SourceFile } from './parsed-document.js'

/** The largest metadata file accepted, in bytes (1 MiB). */
export const maxFileBytes = 1024 * 1024

export type DecodeResult =
  | { readonly text: string; readonly diagnostic?: undefined }
  | { readonly text?: undefined; readonly diagnostic: Diagnostic }

/**
 * The file's text without a BOM, or the one diagnostic that stops it from being read.
 *
 * @example
 *   decodeSource({ path: 'objects/a.object.yaml', content: new Uint8Array([0x61, 0xff]) })
 *   // → { diagnostic: OOS_FILE_NOT_UTF8 at 1:2 }
 */
export function decodeSource(file: SourceFile): DecodeResult {
  const { content } = file
  const bytes = typeof content === 'string' ? utf8Length(content) : content.byteLength
  if (bytes > maxFileBytes) {
    const at = { file: file.path, line: 1, column: 1, path: [] }
    return { diagnostic: report('OOS_FILE_TOO_LARGE', at, [bytes, maxFileBytes]) }
  }
  if (typeof content === 'string') {
    return { text: content.charCodeAt(0) === 0xfeff ? content.slice(1) : content }
  }
  try {
    // The decoder drops a leading BOM itself (ignoreBOM defaults to false).
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(content) }
  } catch {
    return { diagnostic: notUtf8(file.path, content) }
  }
}

function notUtf8(path: string, bytes: Uint8Array): Diagnostic {
  const offset = firstInvalidByte(bytes)
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1
  const line = countNewlines(bytes, offset) + 1
  // Columns count UTF-16 code units, like every other position the toolkit reports; the bytes
  // before the bad one on its line are valid, so decoding them is safe.
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const from = lineStart === 0 && hasBom ? 3 : lineStart
  const column = new TextDecoder('utf-8').decode(bytes.subarray(from, offset)).length + 1
  const byte = `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`
  return report('OOS_FILE_NOT_UTF8', { file: path, line, column, path: [] }, [byte])
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++
  return n
}

/**
 * The offset of the first byte that does not begin a well-formed UTF-8 sequence (stray
 * continuation bytes, truncated sequences, overlong forms, surrogates and code points above
 * U+10FFFF all count), or the length when the bytes are valid.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    let max = 0xbf
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b === 0xe0) [need, min] = [2, 0xa0]
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f]
    else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80]
    else if (b === 0xf0) [need, min] = [3, 0x90]
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f]
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80]
    else return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      // Only the first continuation byte has a narrowed range.
      const lo = k === 1 ? min : 0x80
      const hi = k === 1 ? max : 0xbf
      if (c === undefined || c < lo || c > hi) return i
    }
    i += need + 1
  }
  return bytes.length
}

/** The UTF-8 length of a string: what the file would weigh on disk. */
function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}
