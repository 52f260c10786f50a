import { describe, expect, it } from 'vitest'
import { LineCounter, parseDocument } from 'yaml'
import { locate } from './locate.js'
import type { ParsedDocument } from './parsed-document.js'

/** A ParsedDocument built straight from `yaml`, so these tests do not depend on parseFile. */
function docOf(text: string): ParsedDocument {
  const lines = new LineCounter()
  const yaml = parseDocument(text, { lineCounter: lines })
  return {
    file: 'objects/account.object.yaml',
    kind: 'object',
    stem: 'account',
    text,
    yaml,
    lines,
    value: yaml.toJS(),
  }
}

const account = docOf(
  [
    'name: account', // 1
    'label: Account', // 2
    'fields:', // 3
    '  amount:', // 4
    '    type: currancy', // 5
    '    lable: Amount', // 6
    '  tags:', // 7
    '    type: select', // 8
    '    options:', // 9
    '      - label: Hot', // 10
    '        value: hot', // 11
    '      - { label: Cold, value: cold }', // 12
    '',
  ].join('\n'),
)

const at = (line: number, column: number) => ({ line, column })

describe('locate', () => {
  it('points at the value of a nested key', () => {
    expect(locate(account, ['fields', 'amount', 'type'])).toMatchObject(at(5, 11))
  })

  it('points at the key when asked for the key part', () => {
    expect(locate(account, ['fields', 'amount', 'lable'], 'key')).toMatchObject(at(6, 5))
    expect(locate(account, ['fields', 'amount'], 'key')).toMatchObject(at(4, 3))
  })

  it('walks sequence indexes, in block and flow style', () => {
    expect(locate(account, ['fields', 'tags', 'options', 0, 'value'])).toMatchObject(at(11, 16))
    expect(locate(account, ['fields', 'tags', 'options', 1])).toMatchObject(at(12, 9))
    expect(locate(account, ['fields', 'tags', 'options', 1, 'value'], 'key')).toMatchObject(
      at(12, 24),
    )
  })

  it('falls back to the deepest node that exists', () => {
    // `fields.amount` exists (its mapping starts at line 5), `required` does not.
    expect(locate(account, ['fields', 'amount', 'required'])).toMatchObject(at(5, 5))
    expect(locate(account, ['fields', 'amount', 'required'], 'key')).toMatchObject(at(5, 5))
    expect(locate(account, ['fields', 'tags', 'options', 7])).toMatchObject(at(10, 7))
    expect(locate(account, ['fields', 'nope', 'type'])).toMatchObject(at(4, 3))
  })

  it('does not index into a scalar', () => {
    expect(locate(account, ['name', 'first'])).toMatchObject(at(1, 7))
  })

  it('returns the path it was given and the file', () => {
    const path = ['fields', 'amount', 'type'] as const
    expect(locate(account, path)).toEqual({
      file: 'objects/account.object.yaml',
      line: 5,
      column: 11,
      path,
    })
  })

  it('points at the root for an empty path and at 1:1 for an empty document', () => {
    expect(locate(account, [])).toMatchObject(at(1, 1))
    expect(locate(docOf(''), ['fields'])).toMatchObject(at(1, 1))
  })

  it('points at the key of an entry without a value', () => {
    const doc = docOf('name: x\nfields:\n  amount:\n')
    expect(locate(doc, ['fields', 'amount'])).toMatchObject({ line: 3 })
    expect(locate(doc, ['fields', 'amount'], 'key')).toMatchObject(at(3, 3))
  })

  it('follows aliases into the anchored node', () => {
    const doc = docOf('base: &b\n  type: text\nfields:\n  title: *b\n')
    expect(locate(doc, ['fields', 'title', 'type'])).toMatchObject(at(2, 9))
  })

  it('matches numeric keys by their text', () => {
    const doc = docOf('codes:\n  404: missing\n')
    expect(locate(doc, ['codes', '404'])).toMatchObject(at(2, 8))
  })
})
