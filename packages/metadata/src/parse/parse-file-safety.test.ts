import { describe, expect, it } from 'vitest'
import { maxAliasExpansion } from './build-value.js'
import { parseFile } from './parse-file.js'

/** Parses YAML text as an object file. */
const parse = (content: string) => parseFile({ path: 'objects/account.object.yaml', content })

/** The diagnostics as `line:column CODE`, the way a user scans them. */
const found = (content: string) =>
  parse(content).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)

describe('parseFile: safety', () => {
  it('refuses custom and language tags at the tag', () => {
    const text =
      'name: a\nx: !foo bar\ny: !!binary aGk=\nz: &s !!set { a }\nw: !!timestamp 2001-01-01\n'
    const { diagnostics } = parse(text)
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '2:4 tag "!foo" is not allowed; only plain YAML values are',
      '3:4 tag "!!binary" is not allowed; only plain YAML values are',
      '4:7 tag "!!set" is not allowed; only plain YAML values are',
      '5:4 tag "!!timestamp" is not allowed; only plain YAML values are',
    ])
    expect(diagnostics.every((d) => d.code === 'OOS_YAML_TAG')).toBe(true)
  })

  it('hints that a value starting with "!" must be quoted; a core tag gets no such hint', () => {
    const text = [
      'name: a',
      "when: !has(record.x) && it's # why",
      'rules: [{ when: !has(record.y), then: x }]',
      'icon: !!binary aGk=',
      'meta: !thing',
      '  a: 1',
      '',
    ].join('\n')
    expect(parse(text).diagnostics.map((d) => d.hint)).toEqual([
      `a value that starts with "!" must be quoted: '!has(record.x) && it''s'`,
      `a value that starts with "!" must be quoted: '!has(record.y)'`,
      undefined,
      'a value that starts with "!" must be quoted',
    ])
  })

  it('refuses a tag on a block mapping at the tag, not at the first key', () => {
    expect(found('name: a\nx: !thing\n  y: 1\n')).toEqual(['2:4 OOS_YAML_TAG'])
  })

  it('refuses tags that %TAG remaps away from the core schema', () => {
    expect(found('%TAG !! tag:example.com,2000:\n---\nname: !!str a\n')).toEqual([
      '3:7 OOS_YAML_TAG',
    ])
  })

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses the key %s anywhere, at the key',
    (key) => {
      const { diagnostics, document } = parse(
        `name: a\nfields:\n  amount:\n    "${key}": { x: 1 }\n`,
      )
      expect(document).toBeUndefined()
      expect(diagnostics).toMatchObject([
        { code: 'OOS_YAML_FORBIDDEN_KEY', line: 4, column: 5, path: ['fields', 'amount', key] },
      ])
    },
  )

  it('never pollutes Object.prototype', () => {
    parse('__proto__: { polluted: true }\nfields: { __proto__: { polluted: true } }\n')
    parse('a: &p { polluted: true }\n? __proto__\n: *p\n')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('refuses merge keys with a clear message', () => {
    const { diagnostics } = parse('base: &b { type: text }\nfields:\n  x:\n    <<: *b\n')
    expect(diagnostics).toMatchObject([
      {
        code: 'OOS_YAML_MERGE_KEY',
        line: 4,
        column: 5,
        message: 'merge keys ("<<") are not supported',
      },
    ])
  })

  it('refuses keys that are lists, mappings or aliases', () => {
    expect(found('name: a\n? [x, y]\n: 1\n')).toEqual(['2:3 OOS_YAML_COMPLEX_KEY'])
    expect(found('name: &n a\n*n : 1\n')).toEqual(['2:1 OOS_YAML_COMPLEX_KEY'])
  })

  it('refuses an alias without an anchor before it', () => {
    expect(found('name: a\nlabel: *missing\nother: &missing x\n')).toEqual([
      '2:8 OOS_YAML_ALIAS_UNDEFINED',
    ])
  })

  it('refuses an alias inside the node it names', () => {
    expect(found('name: a\nloop: &l\n  - 1\n  - *l\n')).toEqual(['4:5 OOS_YAML_ALIAS_CYCLE'])
  })

  it('stops a billion-laughs file at the first alias past the budget, with one diagnostic', () => {
    const lines = [
      'name: lol',
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ]
    for (const [prev, next] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi', 'ij']) {
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]`)
    }
    // Expanded, this document has 9^10 ≈ 3.5 billion strings.
    const { diagnostics, document } = parse(`${lines.join('\n')}\n`)
    expect(document).toBeUndefined()
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ code: 'OOS_YAML_ALIAS_LIMIT', line: 6 })
    expect(diagnostics[0]?.message).toContain(`more than ${maxAliasExpansion} nodes`)
  })

  it('allows aliases within the budget', () => {
    const items = Array.from({ length: 200 }, () => '*o').join(', ')
    expect(found(`name: a\no: &o { label: x, value: y }\nlist: [${items}]\n`)).toEqual([])
  })

  it('reports every safety problem of a file at once', () => {
    expect(found('name: a\nx: !foo 1\nconstructor: 2\n<<: {}\n')).toEqual([
      '2:4 OOS_YAML_TAG',
      '3:1 OOS_YAML_FORBIDDEN_KEY',
      '4:1 OOS_YAML_MERGE_KEY',
    ])
  })
})
