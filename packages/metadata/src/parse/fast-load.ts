/**
 * The fast path of the parse stage. Composing a `yaml` Document (every node with its source range
 * and comments) costs ten times what reading the plain data does, and a valid file needs the
 * Document only to place a diagnostic or to be edited. So the data is read first with js-yaml,
 * through a schema that resolves scalars exactly as the `yaml` core schema does
 * (core-scalar-schema.ts), and the Document is composed later, only if someone asks
 * (lazy-document.ts).
 *
 * The fast path answers only when it is sure the composed path would give a document with the
 * same value; otherwise it answers nothing, and the file takes the composed path, which gives the
 * exact diagnostics. It answers nothing for:
 * - what js-yaml refuses: syntax errors, duplicate keys, any explicit tag (`!!str`, `!!binary`,
 *   `!!set`, `!!omap`, `!!timestamp`, `!include`: the schema declares none), several documents;
 * - what the text shows (see `composedOnly`): tabs, a lone CR, a BOM, directives, verbatim tags,
 *   empty block sequence entries, content on a document marker line, lines over 1,000
 *   characters, a kept block scalar (`|+`) in a text without a final line break;
 * - what the parse shows (see the listener): an anchor (so any alias or merge), the non-specific
 *   tag `!`, a plain or quoted scalar or a flow collection written over several lines, a comment
 *   glued to a flow node (`[a]#c`);
 * - what the value shows: a key that was a collection or null, a key the safety rules refuse
 *   (`__proto__`, `constructor`, `prototype`, `<<`), a root that is not a non-empty mapping,
 *   nesting deeper than half the nesting limit.
 * Each of these is either refused by the composed path or read differently by the two parsers
 * in some case. The differential test (fast-load.test.ts) holds the promise over the corpus, the
 * examples, the benchmark app, every core scalar form and thousands of edited files.
 */
import { load, type LoadOptions, type State } from 'js-yaml'
import { coreScalarSchema } from './core-scalar-schema.js'
import { maxNestingDepth } from './nesting-limit.js'

/** Keys the safety rules refuse (build-value.ts), and `null`, which js-yaml makes of null keys. */
const refusedKeys = new Set(['__proto__', 'constructor', 'prototype', '<<', 'null'])

/** The value may nest this deep; deeper files take the composed path, which sets the limit. */
const maxFastDepth = Math.floor(maxNestingDepth / 2)

/** The parts of js-yaml's parser state a listener reads that its typings leave out. */
interface NodeState {
  readonly kind: string | null
  readonly tag: string | null
  readonly anchor: string | null
}

/** Thrown from the listener to abandon the fast path as soon as a node rules it out. */
const notFast = new Error('not for the fast path')

/**
 * The value of a YAML text with a mapping at its root, or undefined when the composed path must
 * decide.
 *
 * @example
 *   fastLoad('name: account\nfields: {}\n') // → { name: 'account', fields: {} }
 *   fastLoad('a: &x 1\nb: *x\n')            // → undefined (anchors take the composed path)
 */
export function fastLoad(text: string): Record<string, unknown> | undefined {
  if (!plainText(text)) return undefined
  // Every mapping and sequence js-yaml built (a node's close event repeats when nodes nest).
  const built = new Set<object>()
  const starts: number[] = []
  const options: LoadOptions & { maxDepth: number } = {
    schema: coreScalarSchema,
    // Not in the typings: js-yaml stops past this depth instead of exhausting the stack.
    maxDepth: maxFastDepth + 2,
    listener(event: string, state: State) {
      if (event === 'open') {
        starts.push(state.position)
        return
      }
      const node = state as unknown as NodeState
      const start = starts.pop() ?? 0
      if (node.anchor !== null || node.tag === '!') throw notFast
      if (unevenFlowNode(state.input, start, state.position, node.kind)) throw notFast
      if (node.kind === 'mapping' || node.kind === 'sequence') built.add(state.result as object)
    },
  }
  let value: unknown
  try {
    value = load(text, options)
  } catch {
    return undefined
  }
  if (!isPlainMapping(value) || Object.keys(value).length === 0) return undefined
  // Every collection js-yaml built must be in the value exactly once: one that is missing was a
  // mapping key (which js-yaml turns into a string) or was read twice while js-yaml backtracked.
  const found = countCollections(value, 1, built)
  return found === built.size ? value : undefined
}

/**
 * What the fast path leaves to the composed path, found in the text: tabs, a lone CR (a line
 * break to js-yaml, text to `yaml`), a BOM, directives (`%YAML`, `%TAG`), verbatim tags (`!<…>`),
 * empty block sequence entries (a line ending in `-`: js-yaml looks past them for content at any
 * indentation), content on a document marker line (`--- a: b`: `yaml` refuses it, js-yaml not).
 */
const composedOnly =
  /[\t\uFEFF]|\r(?!\n)|^%|!<|(?:^| )-(?: +#.*)? *\r?$|^(?:---|\.\.\.)(?! *(?:#.*)?\r?$)/m

/** Implicit keys may be at most 1024 characters long in `yaml`; js-yaml has no such limit. */
const maxLineLength = 1000

/** A block scalar that keeps its final line breaks (`|+`, `>2+`). */
const keepChomping = /[|>][1-9]?\+/

function plainText(text: string): boolean {
  if (composedOnly.test(text)) return false
  // js-yaml ends a text without a final line break with one, which a kept block scalar keeps.
  if (!text.endsWith('\n') && keepChomping.test(text)) return false
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start)
    const next = end < 0 ? text.length : end
    if (next - start > maxLineLength) return false
    start = next + 1
  }
  return true
}

/**
 * Whether the node parsed between `start` (before any separating space or comment) and `end` is
 * in flow style (a plain or quoted scalar, `[…]`, `{…}`) and either written over several lines
 * or followed by a comment without a space (`[a]#c`, `'a'#c`). The parsers hold continuation
 * lines to indentation rules they do not apply alike, and `yaml` refuses a glued comment that
 * js-yaml reads. Block scalars (`|`, `>`) and block collections they read the same.
 */
function unevenFlowNode(input: string, start: number, end: number, kind: string | null): boolean {
  let i = start
  while (i < end) {
    const c = input.charCodeAt(i)
    if (c === 0x20 || c === 0x0a || c === 0x0d) i++
    else if (c === 0x23) while (i < end && input.charCodeAt(i) !== 0x0a) i++
    else break
  }
  if (i >= end) return false
  const first = input.charCodeAt(i)
  // Scalars starting with `|` or `>` are block scalars; collections starting with `[` or `{`
  // are flow collections, others block ones (`- item`, `key: value`).
  const flow =
    kind === 'scalar' ? first !== 0x7c && first !== 0x3e : first === 0x5b || first === 0x7b
  if (!flow) return false
  if (input.charCodeAt(end) === 0x23) return true
  // Every line break has a LF: plainText() refused a lone CR.
  const lineBreak = input.indexOf('\n', i)
  return lineBreak !== -1 && lineBreak < end
}

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The mappings and sequences in `value`, or -1 when one was not built by the parser, or a key or
 * the depth rules the value out.
 */
function countCollections(value: unknown, depth: number, built: ReadonlySet<object>): number {
  if (typeof value !== 'object' || value === null) return 0
  if (depth > maxFastDepth || !built.has(value)) return -1
  let count = 1
  if (Array.isArray(value)) {
    for (const item of value) {
      const inner = countCollections(item, depth + 1, built)
      if (inner < 0) return -1
      count += inner
    }
    return count
  }
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (refusedKeys.has(key)) return -1
    const inner = countCollections(record[key], depth + 1, built)
    if (inner < 0) return -1
    count += inner
  }
  return count
}
