/**
 * Property-style round trips: long random walks of edits (set existing scalars, add keys, append
 * items, delete entries, replace scalars by collections) over the realistic fixtures. After every
 * edit the text must parse to exactly the intended data, every line outside the edited entry
 * must be unchanged and in order, and every comment must survive except those on removed lines.
 */
import { describe, expect, it } from 'vitest'
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parse,
  parseDocument,
  type Node,
  type Scalar,
} from 'yaml'
import type { PathSegment } from '../diagnostics/diagnostic.js'
import { applyEdits } from './apply-edits.js'
import type { Edit } from './edit-types.js'
import {
  dealObject,
  dealObjectFourSpaces,
  unusualObject,
  wideObject,
} from './testing/object-fixtures.js'
import { changedHunk, commentsOf, diffLines } from './testing/round-trip-kit.js'

type Path = PathSegment[]

/** A node of the document with where its entry sits (1-based lines). */
interface Target {
  readonly path: Path
  readonly node: Node
  readonly flowParent: boolean
  readonly firstLine: number
  readonly lastLine: number
  /** Line of the entry holding the parent collection (0 for the root). */
  readonly parentLine: number
  /** Lines of the collection holding the entry, and of the entry's value. */
  readonly parentSpan: readonly [number, number]
  readonly valueSpan: readonly [number, number]
  readonly siblings: number
  /** The key shares its line with a `-` (the first key of a mapping in a list). */
  readonly afterDash: boolean
  /** The text before the key or item on its line. */
  readonly prefix: string
}

const scalars: readonly unknown[] = [
  'plain',
  'two words',
  'a: b',
  '#hash',
  "it's",
  'say "hi"',
  'yes',
  'null',
  '123',
  '',
  ' lead',
  'x, y',
  '[x]',
  '{y}',
  '- dash',
  '@at',
  'ünï©ødé',
  42,
  -1.5,
  0,
  true,
  false,
  null,
  'line one\nline two',
  'ends with newline\n',
]
const keys = ['extra', 'with space', 'true', '1', 'snake_case', 'a:b', 'k-dash']
const collections: readonly unknown[] = [
  { type: 'text', label: 'New' },
  ['a', 'b, c'],
  { nested: { deep: [1, { x: 'y' }] } },
  [],
  {},
]

function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function targetsOf(text: string): Target[] {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, schema: 'core' })
  const line = (offset: number) => lines.linePos(offset).line
  const out: Target[] = []
  const span = (node: Node): [number, number] => {
    const [start, end] = node.range ?? [0, 1]
    return [line(start), line(Math.max(start, end - 1))]
  }
  const walk = (node: unknown, path: Path, parentLine: number) => {
    if (!isMap(node) && !isSeq(node)) return
    node.items.forEach((item, index) => {
      const entry = isMap(node) ? (item as { key: Node; value: Node | null }) : undefined
      const child = (entry ? entry.value : item) as Node | null
      const childPath = [...path, entry ? String((entry.key as Scalar).value) : index]
      const start = entry ? entry.key.range?.[0] : child?.range?.[0]
      const end = child?.range?.[1] ?? entry?.key.range?.[1]
      if (child === null || start === undefined || end === undefined) return
      const last = Math.max(line(start), line(Math.max(start, end - 1)))
      const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start)
      const afterDash = (entry ? /^\s*-\s/ : /^\s*-\s+-\s/).test(before)
      out.push({
        path: childPath,
        node: child,
        flowParent: node.flow === true,
        firstLine: line(start),
        lastLine: last,
        parentLine,
        parentSpan: span(node),
        valueSpan: span(child),
        siblings: node.items.length,
        afterDash,
        prefix: entry ? before : before.replace(/-\s*$/, ''),
      })
      walk(child, childPath, line(start))
    })
  }
  walk(doc.contents, [], 0)
  return out
}

function expectedAfter(data: unknown, edit: Edit): unknown {
  const copy = structuredClone(data) as Record<string, unknown>
  if (edit.op !== 'set' && edit.op !== 'delete') throw new Error('not generated')
  const parent = edit.path
    .slice(0, -1)
    .reduce<unknown>((node, key) => (node as Record<PathSegment, unknown>)[key], copy) as Record<
    PathSegment,
    unknown
  > &
    unknown[]
  const key = edit.path[edit.path.length - 1] as PathSegment
  if (edit.op === 'set') parent[key] = structuredClone(edit.value)
  else if (Array.isArray(parent)) parent.splice(key as number, 1)
  else delete parent[key]
  return copy
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

/** One random edit that is valid on `text`, with what the line diff may look like. */
function randomEdit(
  random: () => number,
  text: string,
): { edit: Edit; check: (before: string, after: string) => void } {
  const targets = targetsOf(text)
  const roll = random()
  const leaves = targets.filter((t) => isScalar(t.node))
  const maps = targets.filter((t) => isMap(t.node))
  const seqs = targets.filter((t) => isSeq(t.node))
  if (roll < 0.35 && leaves.length > 0) {
    const target = pick(random, leaves)
    const value = pick(random, scalars)
    const oneLine =
      !(target.node as Scalar).type?.startsWith('BLOCK') && target.firstLine === target.lastLine
    const check = (before: string, after: string) => {
      if (!oneLine || (typeof value === 'string' && value.includes('\n') && !target.flowParent))
        return
      const hunk = changedHunk(before, after)
      if (hunk === undefined) return // the same value: nothing to change
      expect([hunk.from, hunk.to]).toEqual([target.lastLine, target.lastLine])
      expect(hunk.added).toHaveLength(1)
    }
    return { edit: { op: 'set', path: target.path, value }, check }
  }
  if (roll < 0.55 && maps.length > 0) {
    const target = pick(random, maps)
    const existing = Object.keys(
      parse(text, { schema: 'core' }) === null ? {} : (getIn(text, target.path) as object),
    )
    const key = keys.find((k) => !existing.includes(k)) ?? `k${Math.floor(random() * 1e6)}`
    const value = random() < 0.5 ? pick(random, scalars) : pick(random, collections)
    return { edit: { op: 'set', path: [...target.path, key], value }, check: onlyAdds(target) }
  }
  if (roll < 0.65 && seqs.length > 0) {
    const target = pick(random, seqs)
    const length = (getIn(text, target.path) as unknown[]).length
    return {
      edit: {
        op: 'set',
        path: [...target.path, length],
        value: pick(random, [...scalars, ...collections]),
      },
      check: onlyAdds(target),
    }
  }
  if (roll < 0.75 && leaves.length > 0) {
    const target = pick(random, leaves)
    return {
      edit: { op: 'set', path: target.path, value: pick(random, collections) },
      check: () => {},
    }
  }
  if (targets.length === 0) {
    return {
      edit: { op: 'set', path: [pick(random, keys)], value: pick(random, scalars) },
      check: () => {},
    }
  }
  const target = pick(random, targets)
  const check = (before: string, after: string) => {
    const hunk = changedHunk(before, after)
    if (hunk === undefined) throw new Error('a delete must change the text')
    if (target.flowParent) {
      expect(hunk.from).toBeGreaterThanOrEqual(target.parentSpan[0])
      expect(hunk.to).toBeLessThanOrEqual(target.parentSpan[1])
      return
    }
    // Outside the entry's own lines only comments and blank lines go, plus the parent's line
    // when it becomes `{}`/`[]`, or the next entry's line when the removed one shared a `-` line.
    const original = before.split('\n')
    const sole = target.siblings === 1
    const merged = target.afterDash && !sole
    const allowed = (n: number) =>
      (n >= target.firstLine && n <= target.lastLine) ||
      (sole && n === target.parentLine) ||
      (merged && n === target.lastLine + 1) ||
      (original[n - 1] ?? '').trim().replace(/^#.*/, '') === ''
    // Identical neighbouring lines make the hunk ambiguous: a line may stand for its twin.
    const allowedText = new Set(original.filter((_, i) => allowed(i + 1)))
    for (let n = hunk.from; n <= hunk.to; n++) {
      if (!allowed(n)) expect(allowedText).toContain(original[n - 1])
    }
    if (sole) {
      expect(hunk.added).toHaveLength(1)
      expect(hunk.added[0]).toMatch(/(\{\}|\[\])\r?$|(\{\}|\[\])\s+#/)
    } else if (merged) {
      const line = target.prefix + (original[target.lastLine] ?? '').trimStart()
      if (hunk.added.length === 0) expect(original[target.firstLine - 1]).toBe(line)
      else expect(hunk.added).toEqual([line])
    } else {
      expect(hunk.added).toEqual([])
    }
  }
  return { edit: { op: 'delete', path: target.path }, check }
}

function onlyAdds(target: Target) {
  return (before: string, after: string) => {
    const hunk = changedHunk(before, after)
    if (hunk === undefined) throw new Error('an insert must change the text')
    if ((target.node as { flow?: boolean }).flow === true) {
      expect(hunk.from).toBeGreaterThanOrEqual(target.valueSpan[0])
      expect(hunk.to).toBeLessThanOrEqual(target.valueSpan[1])
    } else {
      expect(hunk.to).toBe(hunk.from - 1)
    }
  }
}

function getIn(text: string, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<PathSegment, unknown>)[key],
    parse(text, { schema: 'core' }),
  )
}

/** Comments of `before` minus those on the removed lines, compared with those of `after`. */
function expectCommentsKept(before: string, after: string): void {
  const diff = diffLines(before, after)
  const lines = before.split('\n')
  const lost = commentsOf(diff.removed.map((n) => lines[n - 1]).join('\n'))
  const remaining = [...commentsOf(before)]
  for (const comment of lost) remaining.splice(remaining.indexOf(comment), 1)
  const kept = commentsOf(after)
  // Every remaining comment is still there, in order (a replaced line keeps its comment).
  let i = 0
  for (const comment of kept) if (comment === remaining[i]) i++
  expect(i).toBe(remaining.length)
}

const fixtures = {
  'the deal object (LF)': dealObject,
  'the deal object (CRLF)': dealObject.replace(/\n/g, '\r\n'),
  'the 4-space object without final newline': wideObject,
  'the object with unusual layouts': unusualObject,
  'the deal object at 4 spaces': dealObjectFourSpaces,
}

describe.each(Object.entries(fixtures))('random edits on %s', (_, fixture) => {
  it.each(Array.from({ length: 8 }, (_, i) => i + 1))(
    'keep data exact and other lines intact (seed %i)',
    (seed) => {
      const random = mulberry32(seed)
      let text = fixture
      for (let step = 0; step < 40; step++) {
        const { edit, check } = randomEdit(random, text)
        const before = text
        const expected = expectedAfter(parse(before, { schema: 'core' }), edit)
        try {
          text = applyEdits(before, [edit])
          expect(parse(text, { schema: 'core' })).toEqual(expected)
          check(before, text)
          expectCommentsKept(before, text)
          expect(text.includes('\r\n')).toBe(fixture.includes('\r\n'))
          if (fixture.includes('\r\n')) expect(text.replace(/\r\n/g, '')).not.toContain('\n')
          expect(text.endsWith('\n')).toBe(fixture.endsWith('\n'))
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          throw new Error(
            `${message}\nedit: ${JSON.stringify(edit)}\nbefore:\n${before}\nafter:\n${text}`,
            { cause: error },
          )
        }
      }
    },
  )
})

describe('printing without changes', () => {
  it.each(Object.entries(fixtures))('returns %s byte for byte', (_, fixture) => {
    expect(applyEdits(fixture, [])).toBe(fixture)
  })

  it.each(Object.entries(fixtures))(
    'leaves %s unchanged when set to its own data',
    (_, fixture) => {
      const data = parse(fixture, { schema: 'core' }) as unknown
      expect(applyEdits(fixture, [{ op: 'set', path: [], value: data }])).toBe(fixture)
      for (const target of targetsOf(fixture)) {
        const value = getIn(fixture, target.path)
        expect(applyEdits(fixture, [{ op: 'set', path: target.path, value }])).toBe(fixture)
      }
    },
  )
})
