/**
 * Turns a composed YAML document into plain JavaScript data, enforcing the safety rules on the way
 * in one pass over the nodes: only core tags, no `__proto__`/`constructor`/`prototype` keys, no
 * merge keys, plain-text keys only, no duplicate keys (compared as the strings they become), and
 * aliases that resolve, do not contain themselves and expand to a bounded number of nodes.
 *
 * We build the value ourselves instead of calling `Document.toJS()`: the aliases are counted as
 * they are resolved (a "billion laughs" file stops at the first alias past the limit, in linear
 * time), and no key ever reaches an object's prototype. An alias shares the value of its anchor,
 * as `toJS()` does, so a bounded expansion also means bounded memory.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml'
import type { Diagnostic, DiagnosticLocation, PathSegment } from '../diagnostics/diagnostic.js'
import { report } from '../diagnostics/report.js'
import { locationAt } from './locate.js'

/** How many nodes aliases may add to a file in total when expanded. */
export const maxAliasExpansion = 10_000

/** Explicit tags that only restate what plain YAML already means; every other tag is refused. */
const allowedTags = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
)

/** The longest value the hint for a mistaken tag writes out quoted. */
const maxQuotedHint = 120

/** Keys that could reach or shadow a JavaScript prototype. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

export interface BuiltValue {
  readonly value: unknown
  /** Safety problems; when there are any, `value` must not be used. */
  readonly diagnostics: Diagnostic[]
}

interface Built {
  readonly value: unknown
  /** Nodes in the expanded value, for the alias budget. */
  readonly size: number
}

/**
 * @example
 *   const lines = new LineCounter()
 *   const doc = parseDocument('a: [1, 2]', { lineCounter: lines })
 *   buildValue(doc, lines, 'x.object.yaml', 'a: [1, 2]') // → { value: { a: [1, 2] }, diagnostics: [] }
 */
export function buildValue(
  doc: Document.Parsed,
  lines: LineCounter,
  file: string,
  text: string,
): BuiltValue {
  return new ValueBuilder(lines, file, text).build(doc.contents)
}

class ValueBuilder {
  private readonly diagnostics: Diagnostic[] = []
  private readonly anchors = new Map<string, Node>()
  private readonly anchored = new Map<Node, Built>()
  private readonly open = new Set<Node>()
  private readonly path: PathSegment[] = []
  private expansion = 0
  private stopped = false

  constructor(
    private readonly lines: LineCounter,
    private readonly file: string,
    private readonly text: string,
  ) {}

  build(root: unknown): BuiltValue {
    const { value } = this.node(root)
    return { value, diagnostics: this.diagnostics }
  }

  private node(node: unknown): Built {
    if (this.stopped || node === null || node === undefined) return { value: null, size: 1 }
    if (isAlias(node)) return this.alias(node)
    const yamlNode = node as Node
    if (yamlNode.anchor) {
      // Anchors are looked up by name as the document is read: an alias refers to the last node
      // with that anchor before it, which is the one registered most recently.
      this.anchors.set(yamlNode.anchor, yamlNode)
      this.open.add(yamlNode)
    }
    if (yamlNode.tag !== undefined && !allowedTags.has(yamlNode.tag)) {
      const offset = tagOffset(this.text, yamlNode.range?.[0] ?? 0)
      const tag = shortTag(yamlNode.tag)
      const hint = localTagHint(this.text, offset, yamlNode.range?.[1] ?? offset, tag)
      this.diagnostics.push(report('OOS_YAML_TAG', this.at(offset), [tag], hint))
    }
    const built = isMap(node)
      ? this.map(node.items)
      : isSeq(node)
        ? this.seq(node.items)
        : { value: isScalar(node) ? node.value : null, size: 1 }
    if (yamlNode.anchor) {
      this.open.delete(yamlNode)
      this.anchored.set(yamlNode, built)
    }
    return built
  }

  private alias(node: { source: string; range?: readonly number[] | null }): Built {
    const offset = node.range?.[0] ?? 0
    const target = this.anchors.get(node.source)
    if (target === undefined) {
      this.diagnostics.push(report('OOS_YAML_ALIAS_UNDEFINED', this.at(offset), [node.source]))
      return { value: null, size: 1 }
    }
    const built = this.anchored.get(target)
    if (built === undefined || this.open.has(target)) {
      this.diagnostics.push(report('OOS_YAML_ALIAS_CYCLE', this.at(offset), [node.source]))
      return { value: null, size: 1 }
    }
    this.expansion += built.size
    if (this.expansion > maxAliasExpansion) {
      this.diagnostics.push(
        report('OOS_YAML_ALIAS_LIMIT', this.at(offset), [node.source, maxAliasExpansion]),
      )
      this.stopped = true
      return { value: null, size: 1 }
    }
    return built
  }

  private seq(items: readonly unknown[]): Built {
    const value: unknown[] = []
    let size = 1
    for (let i = 0; i < items.length && !this.stopped; i++) {
      this.path.push(i)
      const item = this.node(items[i])
      this.path.pop()
      value.push(item.value)
      size += item.size
    }
    return { value, size }
  }

  private map(pairs: readonly { key: unknown; value: unknown }[]): Built {
    const value: Record<string, unknown> = {}
    const seen = new Set<string>()
    let size = 1
    for (const pair of pairs) {
      if (this.stopped) break
      const key = this.key(pair.key, seen)
      if (key === undefined) continue
      seen.add(key)
      this.path.push(key)
      const item = this.node(pair.value)
      this.path.pop()
      // Safe: `key()` refused "__proto__", the only key whose assignment is not a plain own property.
      value[key] = item.value
      size += 1 + item.size
    }
    return { value, size }
  }

  /** The key as the string it becomes in JavaScript, or undefined (after reporting) when refused. */
  private key(node: unknown, seen: ReadonlySet<string>): string | undefined {
    const offset = (node as Node | null)?.range?.[0] ?? 0
    if (node !== null && node !== undefined && !isScalar(node)) {
      this.diagnostics.push(report('OOS_YAML_COMPLEX_KEY', this.at(offset), []))
      return undefined
    }
    const raw = this.node(node).value
    const key = raw === null || raw === undefined ? '' : String(raw)
    if (!forbiddenKeys.has(key) && key !== '<<' && !seen.has(key)) return key
    const at = this.at(offset, key)
    this.diagnostics.push(
      forbiddenKeys.has(key)
        ? report('OOS_YAML_FORBIDDEN_KEY', at, [key])
        : key === '<<'
          ? report('OOS_YAML_MERGE_KEY', at, [])
          : report('OOS_YAML_DUPLICATE_KEY', at, [key]),
    )
    return undefined
  }

  /** A location at `offset`, with the current path (plus `key`, for problems with a key). */
  private at(offset: number, key?: string): DiagnosticLocation {
    const path = key === undefined ? [...this.path] : [...this.path, key]
    return locationAt(this.file, this.lines, offset, path)
  }
}

/** `tag:yaml.org,2002:binary` → `!!binary`; local tags stay as written. */
function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag
}

/**
 * For a local tag (`!has(x) && y`), most likely a value that starts with `!`: the tag and the
 * node it is attached to (`end`), quoted as the value they were meant to be. Core-schema tags
 * (`!!binary`) are deliberate and get no hint.
 */
function localTagHint(text: string, offset: number, end: number, tag: string): string | undefined {
  if (!tag.startsWith('!') || tag.startsWith('!!') || !text.startsWith(tag, offset)) return
  const advice = 'a value that starts with "!" must be quoted'
  // Bounded: a hostile file may hold thousands of tags on large nodes.
  const written = text.slice(offset, Math.min(end, offset + maxQuotedHint + 1)).trimEnd()
  if (written.length > maxQuotedHint || /[\r\n]/.test(written)) return advice
  return `${advice}: '${written.replace(/'/g, "''")}'`
}

/**
 * Where the tag of the node starting at `nodeStart` is written. Node ranges start at the content,
 * after its properties; the tag is the last `!…` token before it, separated from it only by
 * whitespace, an anchor or a comment. Falls back to the node itself.
 */
function tagOffset(text: string, nodeStart: number): number {
  let bang = text.lastIndexOf('!', nodeStart - 1)
  if (bang < 0) return nodeStart
  while (bang > 0 && !/\s/.test(text[bang - 1] as string)) bang--
  const between = text.slice(bang, nodeStart)
  return /^!\S*(\s+(&\S+|#[^\n]*))*\s*$/.test(between) ? bang : nodeStart
}
