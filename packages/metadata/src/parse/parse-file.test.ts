import { describe, expect, it } from 'vitest'
import { parseFile } from './parse-file.js'

const objectPath = 'objects/account.object.yaml'

/** Parses YAML text as an object file. */
const parse = (content: string | Uint8Array, path = objectPath) => parseFile({ path, content })

/** The diagnostics as `line:column CODE`, the way a user scans them. */
const found = (content: string | Uint8Array, path = objectPath) =>
  parse(content, path).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)

describe('parseFile: a valid file', () => {
  const text = ['# An account', 'name: account', 'fields:', '  name: { type: text }', ''].join('\n')

  it('returns the document with kind, stem, text and plain data', () => {
    const { document, diagnostics } = parse(text)
    expect(diagnostics).toEqual([])
    expect(document).toMatchObject({
      file: objectPath,
      kind: 'object',
      stem: 'account',
      text,
      value: { name: 'account', fields: { name: { type: 'text' } } },
    })
    expect(document?.yaml.toString()).toContain('# An account')
    expect(document?.lines.linePos(text.indexOf('fields'))).toEqual({ line: 3, col: 1 })
  })

  it('names the manifest by its file name', () => {
    expect(parse('name: crm\n', 'objectos.yaml').document).toMatchObject({
      kind: 'manifest',
      stem: 'objectos',
    })
  })

  it('reads YAML 1.2 core values whatever the %YAML directive says', () => {
    const { document } = parse('%YAML 1.1\n---\nname: x\nflag: yes\nnumber: 010\nempty:\n')
    expect(document?.value).toEqual({ name: 'x', flag: 'yes', number: 10, empty: null })
  })

  it('accepts the core tags that only restate a plain value', () => {
    const { document, diagnostics } = parse('name: !!str 123\nmax: !!int "5"\nmeta: !!map {}\n')
    expect(diagnostics).toEqual([])
    expect(document?.value).toEqual({ name: '123', max: 5, meta: {} })
  })

  it('shares the value of an anchor with its aliases', () => {
    const { document } = parse('a: &opts [x, y]\nb: *opts\n')
    expect(document?.value).toEqual({ a: ['x', 'y'], b: ['x', 'y'] })
  })
})

describe('parseFile: file gates', () => {
  it('refuses a file name without a known kind', () => {
    expect(parse('name: x\n', 'objects/account.yaml').diagnostics).toMatchObject([
      { code: 'OOS_FILE_UNKNOWN_KIND', line: 1, column: 1, file: 'objects/account.yaml' },
    ])
  })

  it('refuses a file over 1 MiB', () => {
    expect(found(`name: ${'x'.repeat(1024 * 1024)}\n`)).toEqual(['1:1 OOS_FILE_TOO_LARGE'])
  })

  it('refuses invalid UTF-8 at the bad byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('name: a\nlabel: x'), 0xfe])
    expect(found(bytes)).toEqual(['2:9 OOS_FILE_NOT_UTF8'])
  })

  it('accepts a BOM without shifting columns', () => {
    expect(found('\uFEFFname: [\n')).toEqual(['2:1 OOS_YAML_SYNTAX'])
    expect(parse('\uFEFFname: a\n').document?.value).toEqual({ name: 'a' })
  })

  it.each(['', '\n\n', '# only a comment\n', '---\n', '---\n...\n'])(
    'refuses the empty file %j',
    (text) => {
      expect(found(text)).toEqual(['1:1 OOS_FILE_EMPTY'])
    },
  )
})

describe('parseFile: YAML structure', () => {
  it('reports syntax errors where the parser stopped', () => {
    const { diagnostics } = parse('name: a\nfields: [text\nlabel: x\n')
    expect(diagnostics[0]).toMatchObject({ code: 'OOS_YAML_SYNTAX', line: 3, column: 1 })
    expect(diagnostics[0]?.message).toMatch(/^YAML syntax error: /)
  })

  it('reports a tab used for indentation', () => {
    expect(found('name: a\nfields:\n\tx: 1\n')).toContain('3:1 OOS_YAML_SYNTAX')
  })

  it('reports a duplicate key at its second occurrence', () => {
    const { diagnostics } = parse('name: a\nfields:\n  x: 1\n  y: 2\n  x: 3\n')
    expect(diagnostics).toMatchObject([
      { code: 'OOS_YAML_DUPLICATE_KEY', line: 5, column: 3, path: ['fields', 'x'] },
    ])
    expect(diagnostics[0]?.message).toBe('duplicate key "x"')
  })

  it('treats keys that become the same string as duplicates', () => {
    expect(found('codes:\n  1: a\n  "1": b\n')).toEqual(['3:3 OOS_YAML_DUPLICATE_KEY'])
  })

  it('refuses a second document', () => {
    expect(found('name: a\n---\nname: b\n')).toEqual(['2:1 OOS_YAML_MULTIPLE_DOCUMENTS'])
  })

  it.each([
    ['- a\n- b\n', 'a list'],
    ['just text\n', 'a text value'],
    ['42\n', 'a number'],
    ['~\n', 'null'],
  ])('refuses a root that is not a mapping: %j', (text, what) => {
    const { diagnostics } = parse(text)
    expect(diagnostics).toMatchObject([{ code: 'OOS_YAML_ROOT_NOT_MAPPING', line: 1, column: 1 }])
    expect(diagnostics[0]?.message).toBe(`the top level must be a mapping of keys, found ${what}`)
  })

  it('refuses nesting deeper than 100 levels, even 100,000 levels deep', () => {
    const deep = `name: a\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`
    // The root mapping is level 1, so the 100th `[` (column 4 + 99) is level 101.
    expect(found(deep)).toEqual(['2:103 OOS_YAML_TOO_DEEP'])
    const blockDeep = Array.from({ length: 120 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')
    expect(found(`${blockDeep} 1\n`)).toEqual(['101:101 OOS_YAML_TOO_DEEP'])
  })
})

describe('parseFile: never throws', () => {
  it('returns diagnostics or a document for arbitrary bytes', () => {
    let seed = 42
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed / 0x7fffffff
    }
    const alphabet = ' \n\t-:?[]{},&*!|>\'"#%@`ab01\u00e9\u2028\\'
    for (let i = 0; i < 300; i++) {
      const length = Math.floor(random() * 80)
      const text = Array.from(
        { length },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('')
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256))
      for (const content of [text, bytes]) {
        const result = parse(content)
        expect(result.document !== undefined || result.diagnostics.length > 0).toBe(true)
      }
    }
  })
})
