/**
 * Test support for the edit API's round-trip proofs: build a ParsedDocument without parseFile,
 * diff two texts line by line (a line keeps its `\r`, so CRLF bytes are compared too), and list
 * a text's comments. Used only by the edit tests.
 */
import { Lexer, LineCounter, parse, parseDocument } from 'yaml'
import type { ParsedDocument } from '../../parse/parsed-document.js'

/**
 * A ParsedDocument straight from `yaml`, as parseFile would build it.
 *
 * @example
 *   parsedDoc('name: deal\n').value // → { name: 'deal' }
 */
export function parsedDoc(text: string, file = 'objects/deal.object.yaml'): ParsedDocument {
  const lines = new LineCounter()
  const yaml = parseDocument(text, { lineCounter: lines, schema: 'core', uniqueKeys: false })
  const base = file.slice(file.lastIndexOf('/') + 1)
  return {
    file,
    kind: 'object',
    stem: base.slice(0, base.indexOf('.')),
    text,
    yaml,
    lines,
    value: yaml.toJS() as unknown,
  }
}

export interface LineChange {
  /** 1-based numbers of the lines of `before` that are not in `after`. */
  readonly removed: readonly number[]
  /** The lines of `after` that were not in `before`, in order. */
  readonly added: readonly string[]
}

/**
 * The smallest line change from `before` to `after` (longest common subsequence): every line not
 * listed is kept unchanged and in order.
 *
 * @example
 *   diffLines('a\nb\nc\n', 'a\nB\nc\n') // → { removed: [2], added: ['B'] }
 */
export function diffLines(before: string, after: string): LineChange {
  const a = before.split('\n')
  const b = after.split('\n')
  const width = b.length + 1
  const lcs = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0)
    }
  }
  const removed: number[] = []
  const added: string[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++
      j++
    } else if (
      j < b.length &&
      (i === a.length || (lcs[i * width + j + 1] ?? 0) >= (lcs[(i + 1) * width + j] ?? 0))
    ) {
      added.push(b[j++] as string)
    } else {
      removed.push(++i)
    }
  }
  return { removed, added }
}

/** The one block of lines that differs between two texts. */
export interface Hunk {
  /** First replaced line of `before` (1-based). */
  readonly from: number
  /** Last replaced line of `before`; `from - 1` when lines were only added. */
  readonly to: number
  /** The lines of `after` in place of `from`..`to`. */
  readonly added: readonly string[]
}

/**
 * The smallest single block of lines that turns `before` into `after` (everything above and
 * below it is identical), or undefined when the texts are equal.
 *
 * @example
 *   changedHunk('a\nb\nc\n', 'a\nB\nc\n') // → { from: 2, to: 2, added: ['B'] }
 */
export function changedHunk(before: string, after: string): Hunk | undefined {
  if (before === after) return undefined
  const a = before.split('\n')
  const b = after.split('\n')
  let prefix = 0
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  const room = Math.min(a.length, b.length) - prefix
  while (suffix < room && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++
  return { from: prefix + 1, to: a.length - suffix, added: b.slice(prefix, b.length - suffix) }
}

/**
 * `text` with its lines `from`..`to` (1-based, inclusive; `to = from - 1` inserts before `from`)
 * replaced by `lines` — the expected output of an edit, written as the lines it changes.
 *
 * @example
 *   withLines('a\nb\nc\n', 2, 1, ['x']) // → 'a\nx\nb\nc\n'
 */
export function withLines(
  text: string,
  from: number,
  to: number,
  lines: readonly string[],
): string {
  const all = text.split('\n')
  const eol = text.includes('\r\n') ? '\r' : ''
  all.splice(from - 1, to - from + 1, ...lines.map((line) => line + eol))
  return all.join('\n')
}

/**
 * Every comment of a YAML text, in order, without its leading `#` and spaces.
 *
 * @example
 *   commentsOf('a: 1 # one\n# two\n') // → ['one', 'two']
 */
export function commentsOf(text: string): string[] {
  const comments: string[] = []
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('#')) comments.push(token.replace(/^#\s*/, '').trimEnd())
  }
  return comments
}

/** The 1-based numbers of the lines of `text` holding `needle`. */
export function linesWith(text: string, needle: string): number[] {
  return text.split('\n').flatMap((line, i) => (line.includes(needle) ? [i + 1] : []))
}

/**
 * The data at `path` in a YAML text, read the way the metadata parser reads it (core schema).
 *
 * @example
 *   valueAt('a:\n  b: [1, 2]\n', 'a', 'b', 1) // → 2
 */
export function valueAt(text: string, ...path: (string | number)[]): unknown {
  let node: unknown = parse(text, { schema: 'core' })
  for (const key of path) node = (node as Record<string | number, unknown> | undefined)?.[key]
  return node
}
