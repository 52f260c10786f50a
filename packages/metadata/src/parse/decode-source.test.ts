import { describe, expect, it } from 'vitest'
import { decodeSource, firstInvalidByte, maxFileBytes } from './decode-source.js'

const path = 'objects/account.object.yaml'
const utf8 = (text: string) => new TextEncoder().encode(text)
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

describe('decodeSource', () => {
  it('decodes UTF-8 bytes and passes strings through', () => {
    expect(decodeSource({ path, content: utf8('label: Café\n') }).text).toBe('label: Café\n')
    expect(decodeSource({ path, content: 'label: Café\n' }).text).toBe('label: Café\n')
  })

  it('accepts and drops a byte-order mark, from bytes and from strings', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf])
    expect(decodeSource({ path, content: concat(bom, utf8('name: a\n')) }).text).toBe('name: a\n')
    expect(decodeSource({ path, content: '\uFEFFname: a\n' }).text).toBe('name: a\n')
  })

  it('refuses a file over 1 MiB before decoding it, naming size and limit', () => {
    const big = new Uint8Array(maxFileBytes + 1).fill(0x20)
    const result = decodeSource({ path, content: big })
    expect(result.diagnostic).toMatchObject({
      code: 'OOS_FILE_TOO_LARGE',
      line: 1,
      column: 1,
      message: `file is ${maxFileBytes + 1} bytes, over the limit of ${maxFileBytes} bytes (1 MiB)`,
    })
  })

  it('measures strings in UTF-8 bytes, not characters', () => {
    // 400k three-byte characters: 400k UTF-16 units but 1.2 MB on disk.
    const text = '€'.repeat(400_000)
    expect(decodeSource({ path, content: text }).diagnostic?.code).toBe('OOS_FILE_TOO_LARGE')
    expect(decodeSource({ path, content: 'a'.repeat(maxFileBytes) }).text).toHaveLength(
      maxFileBytes,
    )
  })

  it('reports the line and column of the first invalid byte', () => {
    // Line 3, after "  label: Caf" plus a valid two-byte "é": the bad byte is the 14th character.
    const content = concat(
      utf8('name: a\nfields:\n  label: Café'),
      new Uint8Array([0xff]),
      utf8('\n'),
    )
    expect(decodeSource({ path, content }).diagnostic).toMatchObject({
      code: 'OOS_FILE_NOT_UTF8',
      line: 3,
      column: 14,
      message: 'file is not valid UTF-8: unexpected byte 0xFF',
    })
  })

  it('counts columns after a BOM as an editor does', () => {
    const content = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('ab'), new Uint8Array([0xc3]))
    expect(decodeSource({ path, content }).diagnostic).toMatchObject({ line: 1, column: 3 })
  })

  it('treats Latin-1 text as not UTF-8', () => {
    const latin1 = new Uint8Array([
      0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a,
    ])
    expect(decodeSource({ path, content: latin1 }).diagnostic).toMatchObject({
      code: 'OOS_FILE_NOT_UTF8',
      line: 1,
      column: 10,
    })
  })
})

describe('firstInvalidByte', () => {
  const at = (...bytes: number[]) => firstInvalidByte(new Uint8Array(bytes))

  it('accepts well-formed sequences of every length', () => {
    expect(at(...utf8('aé€😀'))).toBe(10)
  })

  it('finds stray continuation bytes, truncated sequences and invalid lead bytes', () => {
    expect(at(0x61, 0x80)).toBe(1)
    expect(at(0x61, 0xe2, 0x82)).toBe(1)
    expect(at(0x61, 0xe2, 0x28, 0xa1)).toBe(1)
    expect(at(0xf5, 0x80, 0x80, 0x80)).toBe(0)
  })

  it('finds overlong forms, surrogates and code points past U+10FFFF', () => {
    expect(at(0xc0, 0xaf)).toBe(0)
    expect(at(0xe0, 0x80, 0xaf)).toBe(0)
    expect(at(0xed, 0xa0, 0x80)).toBe(0)
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0)
  })
})
