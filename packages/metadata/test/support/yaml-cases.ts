/**
 * Tricky YAML texts for the fast path's differential test: every core scalar form as a value and
 * as a key, quoted and escaped strings, block scalars with every chomping and indentation
 * indicator (with and without a final line break), flow collections, comments, CRLF, unicode,
 * document markers, tags and anchors, plus random edits of real files. Deterministic: a seed gives
 * the same texts on every run.
 */

/** Scalars in every form the two parsers must read alike, valid or not. */
export const scalarForms: readonly string[] = [
  ...['0o17', '0o8', '0x1F', '0X1F', '0x', '-0x1', '+1', '+12', '-0', '012', '0b101', '1_000'],
  ...['.5', '1.', '0.0', '1e3', '1E3', '1e+3', '+.5e-3', '.e3', '1.e3', '0.1e400'],
  ...['12345678901234567890', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '.NAN', '-.inf'],
  ...['~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'False', 'yes', 'on'],
  ...['""', "''", '"q"', "'q'", "'it''s'", '"a\\tb"', '"\\u263A"', '"\\x41"', '"\\/"', '"\\q"'],
  ...['"\\N\\_\\L\\P"', '"\\uD83D"', '"\\U0001F600"', '"\\e\\0\\a\\b\\v\\f"', "'\\n'", '"#x"'],
  ...['é', '😀', 'a\u00a0b', 'a\u2028b', 'a\u0085b', '\u0007', 'a b', 'a  b ', 'a#b', 'a #b'],
  ...['a:b', 'a :b', ':', '-', '- a', '-1', '==', '!=', 'a\\b', '"', "'", '@x', '`x', '%x'],
  ...['[a, b]', '{a: 1}', '[]', '{}', '[ ]', '[a,]', '{a}', '{a: }', '{: a}', '[a: 1]', '[[a]]'],
  ...['{a: [b, {c: d}], e: }', '{a: 1, a: 2}', '[a]#c', "'a'#c", '[a] #c', "'#dc2626'"],
  ...['&a x', '*a', '!x y', '! y', '!!str 1', '!!int "1"', '!!binary aGk=', '!!set {a}'],
  ...['!!omap [a: 1]', '!!timestamp 2024-01-01', '!<tag:yaml.org,2002:str> x', '!include x'],
  ...['? a', '<<: {a: 1}', '|', '>', '|-', '>+', '|2', 'x: y: z', '- - a', '# c', 'a # c'],
  ...['"multi\n  line"', "'multi\n\n  line'", 'multi\n  line', '[a,\n  b]', '{a: 1,\n b: 2}'],
]

/** Keys: plain words, core scalars that become other strings, and keys the parse stage refuses. */
export const keyForms: readonly string[] = [
  ...['name', 'a b', '"quoted"', "'single'", '1', '1.0', '0x1F', '-0', 'true', 'TRUE', 'null'],
  ...['~', "''", '.inf', '.NaN', '1e3', '__proto__', 'constructor', 'prototype', '<<'],
  ...['[a, b]', '{a: 1}', '? x', '&k key', '!!str k', 'k'.repeat(1030), 'é', '"a\\tb"'],
]

/** Block scalar headers with their content lines. */
const blockScalars: readonly string[] = [
  '|\n  a\n  b\n',
  '>\n  a\n  b\n\n  c\n',
  '|-\n  a\n\n',
  '|+\n  a\n\n\n',
  '>-\n  a\n   b\n  c\n',
  '>+\n  a\n',
  '|2\n   a\n',
  '>2+\n   a\n\n',
  '|\n\n  a\n',
  '|\n\n   a\n  b\n',
  '|\n  a\n # c\n',
  '|\n  a\n  \n b: 1\n',
  '>\n a\n\n  b\n c\n',
  '|\n  record.amount > 0 &&\n    record.x\n',
]

/** A small seeded PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Systematic cases: each scalar form as a value (top level, nested, in a sequence and in a flow
 * collection), each key form, each block scalar with and without a final line break, each with
 * LF and CRLF line ends.
 *
 * @example
 *   systematicCases().length // → several hundred texts
 */
export function systematicCases(): string[] {
  const texts: string[] = []
  for (const s of scalarForms) {
    texts.push(`a: ${s}\n`, `a:\n  b: ${s}\n  c: 1\n`, `a:\n  - ${s}\n  - x\n`, `a: [${s}, x]\n`)
    texts.push(`a: { b: ${s} }\n`, `a: ${s}`)
  }
  for (const k of keyForms) texts.push(`${k}: 1\n`, `a:\n  ${k}: x\n`, `a: {${k}: x}\n`)
  for (const b of blockScalars) {
    texts.push(
      `a: ${b}`,
      `a: ${b}b: 2\n`,
      `a: ${b.trimEnd()}`,
      `a:\n  - ${b.replace(/\n/g, '\n  ')}`,
    )
  }
  texts.push(
    '---\na: 1\n',
    '--- \na: 1\n',
    '--- a: 1\n',
    '---{a: }\n',
    'a: 1\n...\n',
    'a: 1\n---\n',
  )
  texts.push('%YAML 1.2\n---\na: 1\n', '%TAG !e! tag:e.com,2000:\n---\na: !e!x 1\n', '\ufeffa: 1\n')
  texts.push(
    'a:\n  - b\n  -\n',
    'k0: \r\n\n  - \n- ',
    'a:\r b\n',
    'a: 1\r\n\tb: 2\n',
    'a: "x\ty"\n',
  )
  texts.push(
    'a: &x {b: 1}\nc: *x\n',
    'a: &x 1\nb: *x\n',
    'a: {b: 1}\n<<: {c: 2}\n',
    '#c\na: 1 #d\n',
  )
  return [...texts, ...texts.map((t) => t.replace(/\n/g, '\r\n'))]
}

const edits = [':', '-', ' ', "'", '"', '#', '{', '}', '[', ']', ',', '\n', '|', '>', '&', '*']
const moreEdits = ['!', '?', '%', '@', '`', '\t', '\r\n', '\r', '  ', '\\', '\n- ', '\n  ', '---']

/**
 * Random edits of real files: inserted indicators, deleted characters, values and keys replaced
 * by a scalar or key form.
 *
 * @example
 *   mutatedCases(['name: a\n'], 100, 7) // → 100 edited texts
 */
export function mutatedCases(bases: readonly string[], count: number, seed: number): string[] {
  const next = random(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T
  const inserts = [...edits, ...moreEdits, ...scalarForms]
  const texts: string[] = []
  for (let n = 0; n < count; n++) {
    let text = pick(bases)
    for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
      const at = Math.floor(next() * (text.length + 1))
      const op = next()
      if (op < 0.35) text = text.slice(0, at) + pick(inserts) + text.slice(at)
      else if (op < 0.6) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3))
      else if (op < 0.8) {
        const colon = text.indexOf(': ', at)
        const end = text.indexOf('\n', colon)
        if (colon >= 0) {
          text = text.slice(0, colon + 2) + pick(scalarForms) + (end < 0 ? '' : text.slice(end))
        }
      } else {
        const lineStart = text.lastIndexOf('\n', at) + 1
        const key = /^( *)[^:\n]*:/.exec(text.slice(lineStart))
        if (key) {
          const rest = text.slice(lineStart + key[0].length - 1)
          text = text.slice(0, lineStart) + (key[1] ?? '') + pick(keyForms) + rest
        }
      }
    }
    texts.push(next() < 0.1 ? text.replace(/\n/g, '\r\n') : text)
  }
  return texts
}
