import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { detectStyle } from './source-style.js'
import { dealObject, wideObject } from './testing/object-fixtures.js'

const styleOf = (text: string) => detectStyle(text, parseDocument(text))

describe('detectStyle', () => {
  it('reads a 2-space file with indented lists, single quotes and padded flow mappings', () => {
    expect(styleOf(dealObject)).toEqual({
      eol: '\n',
      indent: 2,
      indentSeq: true,
      singleQuote: true,
      flowMapPadding: true,
      flowSeqPadding: false,
    })
  })

  it('reads a 4-space file with lists flush under their key', () => {
    expect(styleOf(wideObject)).toMatchObject({ indent: 4, indentSeq: false })
  })

  it('reads CRLF line endings, double quotes and unpadded flow collections', () => {
    const text = 'a:\r\n   b: "x"\r\n   c: {d: 1}\r\n   e: [ 1 ]\r\n'
    expect(styleOf(text)).toEqual({
      eol: '\r\n',
      indent: 3,
      indentSeq: true,
      singleQuote: false,
      flowMapPadding: false,
      flowSeqPadding: true,
    })
  })

  it('falls back to 2 spaces and indented lists when the file shows neither', () => {
    expect(styleOf('name: x\n')).toMatchObject({ indent: 2, indentSeq: true, eol: '\n' })
  })
})
