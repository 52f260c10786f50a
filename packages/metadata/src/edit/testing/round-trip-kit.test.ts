import { describe, expect, it } from 'vitest'
import { changedHunk, commentsOf, diffLines, withLines } from './round-trip-kit.js'

describe('the round-trip kit', () => {
  it('diffLines reports exactly the lines that changed, CR included', () => {
    expect(diffLines('a\nb\nc\n', 'a\nB\nc\n')).toEqual({ removed: [2], added: ['B'] })
    expect(diffLines('a\r\nb\r\n', 'a\nb\r\n')).toEqual({ removed: [1], added: ['a'] })
    expect(diffLines('a\nb\n', 'a\nb\n')).toEqual({ removed: [], added: [] })
  })

  it('changedHunk finds the one changed block, or nothing', () => {
    expect(changedHunk('a\nb\nc\nd\n', 'a\nx\ny\nd\n')).toEqual({
      from: 2,
      to: 3,
      added: ['x', 'y'],
    })
    expect(changedHunk('a\nc\n', 'a\nb\nc\n')).toEqual({ from: 2, to: 1, added: ['b'] })
    expect(changedHunk('a\n', 'a\n')).toBeUndefined()
  })

  it('withLines builds the expected text of an edit', () => {
    expect(withLines('a\nb\nc\n', 2, 2, ['B', 'B2'])).toBe('a\nB\nB2\nc\n')
    expect(withLines('a\r\nb\r\n', 2, 1, ['x'])).toBe('a\r\nx\r\nb\r\n')
  })

  it('commentsOf lists comments, not # inside quoted values', () => {
    expect(commentsOf("a: '#1' # one\n# two\nb: [x] # three\n")).toEqual(['one', 'two', 'three'])
  })
})
