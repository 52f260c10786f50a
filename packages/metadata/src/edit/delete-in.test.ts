/**
 * `delete` and the comment-ownership rule: an entry takes its own lines, the comments directly
 * above its key at its indentation, and the deeper-indented comments after it — nothing else.
 */
import { describe, expect, it } from 'vitest'
import { deleteIn } from './edit-document.js'
import { dealObject, wideObject } from './testing/object-fixtures.js'
import { changedHunk, commentsOf, valueAt } from './testing/round-trip-kit.js'

describe('deleting a mapping entry', () => {
  it('removes the entry with the comment above it and one of the blank lines around it', () => {
    const out = deleteIn(dealObject, ['fields', 'stage'])
    expect(changedHunk(dealObject, out)).toEqual({ from: 19, to: 27, added: [] })
    expect(Object.keys(valueAt(out, 'fields') as object)).toEqual([
      'name',
      'amount',
      'tags',
      'notes',
    ])
    expect(commentsOf(out)).toEqual(
      commentsOf(dealObject).filter(
        (c) => c !== 'The pipeline stage drives the kanban board.' && c !== 'in pipeline order',
      ),
    )
  })

  it('takes deeper comments after the entry with it (they sit inside it)', () => {
    const out = deleteIn(dealObject, ['fields', 'amount'])
    expect(changedHunk(dealObject, out)).toEqual({ from: 28, to: 35, added: [] })
    expect(commentsOf(out)).not.toContain('end of amount')
  })

  it('leaves a comment at the same indentation after the entry to the next reader', () => {
    const out = deleteIn(dealObject, ['fields', 'amount', 'max'])
    expect(changedHunk(dealObject, out)).toEqual({ from: 32, to: 33, added: [] })
    expect(commentsOf(out)).toContain('end of amount')
  })

  it('keeps a comment separated from the key by a blank line', () => {
    const text = 'a: 1\n\n# about the file\n\nb: 2\nc: 3\n'
    expect(deleteIn(text, ['b'])).toBe('a: 1\n\n# about the file\n\nc: 3\n')
  })

  it('keeps a deeper comment above the key: it trails the previous entry', () => {
    const text = 'a:\n  x: 1\n  # still about a\nb: 2\n'
    expect(deleteIn(text, ['b'])).toBe('a:\n  x: 1\n  # still about a\n')
  })

  it('never takes the file header, even right above the first key', () => {
    const text = '# Deal object.\n# Owned by sales.\nname: deal\nlabel: Deal\n'
    expect(deleteIn(text, ['name'])).toBe('# Deal object.\n# Owned by sales.\nlabel: Deal\n')
  })

  it('removes the first entry and the blank line after it', () => {
    const out = deleteIn(dealObject, ['fields', 'name'])
    expect(changedHunk(dealObject, out)).toEqual({ from: 14, to: 18, added: [] })
  })

  it('leaves `{}` when the last entry goes, so the data stays an empty mapping', () => {
    const text = 'fields: # none left\n  # the only one\n  name:\n    type: text\nicon: x\n'
    expect(deleteIn(text, ['fields', 'name'])).toBe('fields: {} # none left\nicon: x\n')
    expect(deleteIn('only: 1 # c\n', ['only'])).toBe('{}\n')
  })

  it('keeps a missing final newline missing when the last line goes', () => {
    const out = deleteIn(wideObject, ['indexes'])
    expect(out).toBe(wideObject.slice(0, wideObject.lastIndexOf('\n')))
  })
})

describe('deleting a list item', () => {
  it('removes the item with its comment and one blank line', () => {
    const out = deleteIn(dealObject, ['validations', 0])
    expect(changedHunk(dealObject, out)).toEqual({ from: 49, to: 53, added: [] })
    expect((valueAt(out, 'validations') as { name: string }[]).map((v) => v.name)).toEqual([
      'won_needs_amount',
    ])
  })

  it('removes the last item without touching the comment at the end of the file', () => {
    const out = deleteIn(dealObject, ['validations', 1])
    expect(changedHunk(dealObject, out)).toEqual({ from: 54, to: 57, added: [] })
    expect(out.endsWith('\n\n# Keep this file sorted by pipeline order.\n')).toBe(true)
  })

  it('removes a flow mapping item on its own line', () => {
    const out = deleteIn(dealObject, ['fields', 'stage', 'options', 1])
    expect(changedHunk(dealObject, out)).toEqual({ from: 25, to: 25, added: [] })
  })

  it('leaves `[]` when the last item goes', () => {
    expect(deleteIn('tags:\n  - a # only\nname: x\n', ['tags', 0])).toBe('tags: []\nname: x\n')
  })

  it('joins the next key onto the `-` line when the first key of an item goes', () => {
    const text = 'list:\n  - name: a # first\n    type: text\n  - name: b\n'
    expect(deleteIn(text, ['list', 0, 'name'])).toBe('list:\n  - type: text\n  - name: b\n')
    expect(deleteIn(text, ['list', 1, 'name'])).toBe(
      'list:\n  - name: a # first\n    type: text\n  - {}\n',
    )
  })
})

describe('deleting from flow collections', () => {
  it.each([
    [['tags', 0], 'tags: [b, c] # t\n'],
    [['tags', 1], 'tags: [a, c] # t\n'],
    [['tags', 2], 'tags: [a, b] # t\n'],
  ])('removes %j with its separator', (path, expected) => {
    expect(deleteIn('tags: [a, b, c] # t\n', path)).toBe(expected)
  })

  it('removes mapping entries and leaves `{}` for the last', () => {
    expect(deleteIn('o: { a: 1, b: 2 }\n', ['o', 'a'])).toBe('o: { b: 2 }\n')
    expect(deleteIn('o: { a: 1 }\n', ['o', 'a'])).toBe('o: {}\n')
  })
})
