import { describe, expect, it } from 'vitest'
import { isScalar } from 'yaml'
import { locateInScalar, sourceOffset } from './scalar-offset.js'
import { lines, parsedDocument } from './testing/parsed-app.js'

const doc = parsedDocument(
  'objects/a.object.yaml',
  lines(
    'plain: record.amount > 0', // 1
    'double: "say \\"hi\\" to record.x"', // 2
    "single: 'it''s record.y'", // 3
    'literal: |', // 4
    '  first line', // 5
    '  second record.z', // 6
    'folded: >-', // 7
    '  one', // 8
    '  two record.w', // 9
    'multi: one', // 10
    '  two record.v', // 11
    'number: 42', // 12
  ),
)

/** line:column of the first occurrence of `needle` in the value at `key`. */
function at(key: string, needle: string): string {
  const value = doc.yaml.get(key) as string
  const { line, column } = locateInScalar(doc, [key], value.indexOf(needle))
  return `${line}:${column}`
}

describe('locateInScalar', () => {
  it('maps plain scalars one to one', () => {
    expect(at('plain', 'amount')).toBe('1:15')
  })

  it('skips escapes in double quotes and doubled quotes in single quotes', () => {
    expect(at('double', 'record')).toBe('2:24')
    expect(at('single', 'record')).toBe('3:16')
  })

  it('follows block scalars and folded lines onto the lines where the text is', () => {
    expect(at('literal', 'record')).toBe('6:10')
    expect(at('folded', 'record')).toBe('9:7')
    expect(at('multi', 'record')).toBe('11:7')
  })

  it('points past the last character for an error at the end of the text', () => {
    const value = doc.yaml.get('plain') as string
    expect(locateInScalar(doc, ['plain'], value.length)).toMatchObject({ line: 1, column: 25 })
  })

  it('falls back to the start of the node when the value is not a string', () => {
    expect(locateInScalar(doc, ['number'], 3)).toMatchObject({ line: 12, column: 9 })
    expect(locateInScalar(doc, ['missing'], 3)).toMatchObject({ line: 1, column: 1 })
  })

  it('answers nothing for an index outside the value', () => {
    const node = doc.yaml.get('plain', true)
    if (!isScalar(node)) throw new Error('expected a scalar')
    expect(sourceOffset(doc.text, node, 99)).toBeUndefined()
    expect(sourceOffset(doc.text, node, -1)).toBeUndefined()
  })
})
