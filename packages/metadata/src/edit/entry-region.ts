/**
 * Which lines belong to an entry of a block mapping or block sequence — the rule deletes and
 * inserts both follow, so comments stay with what they describe:
 *
 * - the entry's own lines: from its key (or `-`) to the last line of its value, including the
 *   trailing `# comment` on those lines;
 * - comment lines right after it that are indented deeper than its key (they sit inside it), also
 *   across blank lines;
 * - the comment lines directly above its key at the key's own indentation, up to the first blank
 *   line or other line — except the file's header comment, which belongs to the file.
 *
 * Everything else stays: comments separated from the key by a blank line, comments at a shallower
 * indentation, and comments indented deeper above the key (they trail the previous entry).
 */
import {
  indentOf,
  isBlank,
  isComment,
  lineAt,
  lineStart,
  nextLineStart,
  previousLineStart,
} from './text-lines.js'

/** Whole lines `[start, end)`: `start` is a line start, `end` the start of the next line (or EOF). */
export interface Region {
  readonly start: number
  readonly end: number
}

/**
 * The lines owned by the entry whose key or `-` is at `at` and whose value ends at `valueEnd`.
 *
 * @example
 *   const text = 'a: 1\n# about b\nb:\n  c: 1 # one\n  # still b\nz: 2\n'
 *   ownedRegion(text, text.indexOf('b:'), text.indexOf(' # one'))
 *   // → the lines '# about b' to '  # still b': { start: 5, end: 43 }
 */
export function ownedRegion(text: string, at: number, valueEnd: number): Region {
  const column = at - lineStart(text, at)
  let end = nextLineStart(text, Math.max(at, valueEnd - 1))
  for (let p = end; p < text.length; p = nextLineStart(text, p)) {
    const line = lineAt(text, p)
    if (isBlank(line)) continue
    if (!isComment(line) || indentOf(line) <= column) break
    end = nextLineStart(text, p)
  }
  const keyLine = lineStart(text, at)
  let start = keyLine
  for (let p = previousLineStart(text, start); p >= 0; p = previousLineStart(text, p)) {
    const line = lineAt(text, p)
    if (!isComment(line) || indentOf(line) !== column) break
    start = p
  }
  if (start !== keyLine && isHeader(text, start)) start = keyLine
  return { start, end }
}

/** Whether the lines above `start` hold no content: the comment there is the file's header. */
function isHeader(text: string, start: number): boolean {
  for (let p = previousLineStart(text, start); p >= 0; p = previousLineStart(text, p)) {
    const line = lineAt(text, p)
    const directive = line.startsWith('%') || line.trimEnd() === '---'
    if (!isBlank(line) && !isComment(line) && !directive) return false
  }
  return true
}

/** Whether the line starting at `start` exists and is blank. */
export function isBlankLineAt(text: string, start: number): boolean {
  return start >= 0 && start < text.length && isBlank(lineAt(text, start))
}
