import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { kindOfPath } from '@objectos/schemas'
import { describe, expect, it } from 'vitest'
import { mutatedCases, systematicCases } from '../../test/support/yaml-cases.js'
import { fastLoad } from './fast-load.js'
import { locate } from './locate.js'
import { parseFile, parseFileComposed } from './parse-file.js'
import type { SourceFile } from './parsed-document.js'

/** Equal as plain data: same key order, same types (1 is not '1'), -0 is not 0, NaN is NaN. */
function sameData(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false
  if (typeof a === 'number') return Object.is(a, b)
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length || keysA.some((k, i) => k !== keysB[i])) return false
  const recordA = a as Record<string, unknown>
  const recordB = b as Record<string, unknown>
  return keysA.every((k) => sameData(recordA[k], recordB[k]))
}

/**
 * The promise of the fast path, for one file: when it reads a value, the composed path gives a
 * document with the same value; when the composed path reports anything, parseFile gives no
 * document and the same diagnostics. Returns whether the fast path read the file.
 */
function agree(file: SourceFile): boolean {
  const quick = parseFile(file)
  const composed = parseFileComposed(file)
  const text = decoded(file)
  // What parseFile hands the fast path: files of no known kind, too large or not UTF-8 never
  // get there.
  const reaches =
    text !== undefined &&
    kindOfPath(file.path) !== undefined &&
    !composed.diagnostics.some((d) => d.code === 'OOS_FILE_TOO_LARGE')
  const fast = reaches ? fastLoad(text) : undefined
  const shown = `${file.path}: ${JSON.stringify(text ?? '(not UTF-8)').slice(0, 400)}`
  expect(quick.diagnostics, shown).toEqual(composed.diagnostics)
  if (composed.document === undefined) {
    expect(quick.document, shown).toBeUndefined()
    expect(fast, shown).toBeUndefined()
    return false
  }
  expect(sameData(quick.document?.value, composed.document.value), shown).toBe(true)
  if (fast !== undefined) expect(sameData(fast, composed.document.value), shown).toBe(true)
  return fast !== undefined
}

function decoded(file: SourceFile): string | undefined {
  if (typeof file.content === 'string') return file.content
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.content)
  } catch {
    return undefined
  }
}

function filesUnder(root: string): SourceFile[] {
  const paths: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (/\.ya?ml$/.test(name)) paths.push(full)
    }
  }
  walk(root)
  return paths.map((p) => ({ path: relative(root, p), content: new Uint8Array(readFileSync(p)) }))
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

describe('the fast path against the composed path', () => {
  it('agrees on every file of the broken-file corpus', () => {
    const corpus = here('../../test/fixtures/corpus')
    for (const dir of readdirSync(corpus)) filesUnder(join(corpus, dir)).forEach(agree)
  })

  it('reads every file of the CRM example and of the benchmark app, as the composed path does', async () => {
    const crm = filesUnder(here('../../../../examples/crm'))
    expect(crm.length).toBeGreaterThan(10)
    for (const file of crm) expect(agree(file), file.path).toBe(true)
    const bench = here('../../../../bench/validate/generate-objects.js')
    const { generateApp } = (await import(bench)) as {
      generateApp: (count: number) => SourceFile[]
    }
    for (const file of generateApp(200)) expect(agree(file), file.path).toBe(true)
  })

  it('agrees on every core scalar form, key form, block scalar and document shape', () => {
    const cases = systematicCases()
    const fast = cases.map((text) => agree({ path: 'objects/x.object.yaml', content: text }))
    expect(cases.length).toBeGreaterThan(500)
    // Not vacuous: a good share of the tricky inputs goes through the fast path.
    expect(fast.filter(Boolean).length).toBeGreaterThan(cases.length / 4)
  })

  it('agrees on thousands of random edits of real files', () => {
    const corpus = here('../../test/fixtures/corpus')
    const bases = readdirSync(corpus)
      .flatMap((dir) => filesUnder(join(corpus, dir)))
      .map((f) => new TextDecoder().decode(f.content as Uint8Array))
    const cases = mutatedCases(bases, 3000, 20_24)
    const fast = cases.map((text) => agree({ path: 'objects/x.object.yaml', content: text }))
    expect(fast.filter(Boolean).length).toBeGreaterThan(cases.length / 10)
  })
})

describe('documents read by the fast path', () => {
  const file = {
    path: 'objects/deal.object.yaml',
    content: '# a deal\nname: deal\nfields:\n  amount: { type: currency }\n',
  }

  it('compose their YAML Document when asked, and locate exactly as composed ones', () => {
    const quick = parseFile(file).document
    const composed = parseFileComposed(file).document
    if (quick === undefined || composed === undefined) throw new Error('expected documents')
    for (const path of [['name'], ['fields', 'amount', 'type'], ['fields', 'nope']]) {
      expect(locate(quick, path)).toEqual(locate(composed, path))
      expect(locate(quick, path, 'key')).toEqual(locate(composed, path, 'key'))
    }
    expect(quick.yaml).toBe(quick.yaml)
    expect(String(quick.yaml)).toBe(String(composed.yaml))
    expect({ ...quick, yaml: undefined, lines: undefined }).toEqual({
      ...composed,
      yaml: undefined,
      lines: undefined,
    })
  })
})

describe('what the fast path leaves to the composed path', () => {
  const deep = `a: ${'['.repeat(60)}${']'.repeat(60)}\n`
  it.each([
    ['an anchor and its alias', 'a: &x 1\nb: *x\n'],
    ['a merge key', 'a: {b: 1}\n<<: {c: 2}\n'],
    ['a core tag', 'a: !!str 1\n'],
    ['!!binary', 'a: !!binary aGk=\n'],
    ['!!set', 'a: !!set {x}\n'],
    ['!!omap', 'a: !!omap [b: 1]\n'],
    ['!!timestamp', 'a: !!timestamp 2024-01-01\n'],
    ['a local tag', 'a: !include other.yaml\n'],
    ['the non-specific tag', 'a: ! 1\n'],
    ['a verbatim tag', 'a: !<tag:yaml.org,2002:str> x\n'],
    ['a %TAG directive', '%TAG !e! tag:e.com,2000:\n---\na: 1\n'],
    ['a %YAML directive', '%YAML 1.2\n---\na: 1\n'],
    ['a __proto__ key', '__proto__: {a: 1}\n'],
    ['a constructor key', 'constructor: 1\n'],
    ['a prototype key', 'a: {prototype: 1}\n'],
    ['a collection as a key', '[a, b]: 1\n'],
    ['a null key', '~: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a tab', 'a: 1\nb:\t2\n'],
    ['a lone CR', 'a: 1\rb: 2\n'],
    ['a BOM after the first', '\ufeffa: 1\n'],
    ['content on a document marker line', '--- a: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a quoted scalar over two lines', 'a: "x\n  y"\n'],
    ['a plain scalar over two lines', 'a: x\n  y\n'],
    ['a flow collection over two lines', 'a: [x,\n  y]\n'],
    ['a comment glued to a flow collection', 'a: [x]#c\n'],
    ['an empty block sequence entry', 'a:\n  - x\n  -\n'],
    ['a key longer than 1,000 characters', `${'k'.repeat(1001)}: 1\n`],
    ['a kept block scalar at the end without a line break', 'a: |+\n  x\n  '],
    ['nesting past half the limit', deep],
    ['a root that is not a mapping', '- a\n'],
    ['an empty mapping at the root', '{}\n'],
    ['a file with nothing in it', '# only a comment\n'],
  ])('%s', (_what, text) => {
    expect(fastLoad(text)).toBeUndefined()
  })

  it('reads core scalars as the yaml package does', () => {
    const text = 'a: [0o17, 0x1F, +1, .5, 1e3, .inf, -.Inf, .NaN, ~, Null, TRUE, yes, 0b101, 012]\n'
    expect(fastLoad(text)).toEqual({
      a: [15, 31, 1, 0.5, 1000, Infinity, -Infinity, NaN, null, null, true, 'yes', '0b101', 12],
    })
  })
})
