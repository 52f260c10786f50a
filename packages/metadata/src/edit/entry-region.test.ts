import { describe, expect, it } from 'vitest'
import { ownedRegion } from './entry-region.js'

/** The owned lines as text, for readable expectations. */
function owned(text: string, key: string, valueEnd: string): string {
  const at = text.indexOf(key)
  const region = ownedRegion(text, at, text.indexOf(valueEnd, at))
  return text.slice(region.start, region.end)
}

describe('ownedRegion', () => {
  it('takes the comment block above at the same indentation and deeper comments after', () => {
    const text = 'a: 1\n# about b\nb:\n  c: 1 # one\n  # still b\nz: 2\n'
    expect(owned(text, 'b:', ' # one')).toBe('# about b\nb:\n  c: 1 # one\n  # still b\n')
  })

  it('stops at a blank line above and keeps deeper comments after blank lines', () => {
    const text = 'a: 1\n# loose\n\nb:\n  c: 1\n\n  # still b\n\nz: 2\n'
    expect(owned(text, 'b:', '\n\n  #')).toBe('b:\n  c: 1\n\n  # still b\n')
  })

  it('leaves comments above at another indentation', () => {
    const text = 'a:\n  x: 1\n  # trails a\nb: 2\n'
    expect(owned(text, 'b:', '\n')).toBe('b: 2\n')
  })

  it('leaves the file header to the file', () => {
    const text = '# header\nb: 2\n'
    expect(owned(text, 'b:', '\n')).toBe('b: 2\n')
  })
})
