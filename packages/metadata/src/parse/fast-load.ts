/**
 * The fast path of the parse stage. Composing a `yaml` Document (every node with its source range
 * and comments) costs ten times what reading the plain data does, and a valid file needs the
 * Document only to place a diagnostic or to edit it. So the data is read first with js-yaml,
 * through a schema that resolves scalars exactly as the `yaml` core schema does
 * (core-scalar-schema.ts), and the Document is composed later, only if someone asks.
 *
 * The fast path answers only when it is sure the composed path would give a document with the
 * same value; otherwise it answers nothing and the file takes the composed path, which gives
 * the exact diagnostics. It answers nothing when:
 * - js-yaml throws (syntax errors, duplicate keys, explicit tags, several documents, nesting);
 * - the text has a feature where the two parsers might read differently, or that the composed
 *   path refuses with a diagnostic: a tab, a directive (`%YAML`, `%TAG`), a verbatim tag (`!<`),
 *   a non-specific tag (`!`), an anchor (and so any alias or merge);
 * - a mapping key is not plain text (a collection or a null key) or is one the safety rules
 *   refuse (`__proto__`, `constructor`, `prototype`, `<<`);
 * - the root is not a non-empty mapping, or the value nests deeper than half the nesting limit.
 * The differential test (fast-load.test.ts) holds it to this over the corpus and tricky inputs.
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
      if (flowNodeSpansLines(state.input, start, state.position, node.kind)) throw notFast
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
 * Whether the text is free of what the fast path leaves to the composed path: tabs, a lone CR
 * (a line break to js-yaml, text to `yaml`), a BOM, directives, verbatim tags, and empty block
 * sequence entries (js-yaml looks past them for content at any indentation).
 */
function plainText(text: string): boolean {
  return !/[\t\uFEFF]|\r(?!\n)|^%|!<|^ *-(?: *#.*)? *\r?$/m.test(text)
}

/**
 * Whether the node parsed between `start` (before any separating space or comment) and `end` is
 * in flow style (a plain or quoted scalar, `[…]`, `{…}`) and written over several lines. The
 * parsers hold the continuation lines of those to indentation rules they do not apply alike;
 * block scalars (`|`, `>`) and block collections they read the same.
 */
function flowNodeSpansLines(
  input: string,
  start: number,
  end: number,
  kind: string | null,
): boolean {
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
  for (; i < end; i++) {
    const c = input.charCodeAt(i)
    if (c === 0x0a || c === 0x0d) return true
  }
  return false
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
  const items = Array.isArray(value) ? value : Object.values(value)
  if (!Array.isArray(value)) {
    for (const key of Object.keys(value)) if (refusedKeys.has(key)) return -1
  }
  for (const item of items) {
    const inner = countCollections(item, depth + 1, built)
    if (inner < 0) return -1
    count += inner
  }
  return count
}
