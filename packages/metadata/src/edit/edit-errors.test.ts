/**
 * Refused edits: each names the path and the reason, and nothing is written. Studio shows the
 * message next to the control that asked for the edit.
 */
import { describe, expect, it } from 'vitest'
import { applyEdits } from './apply-edits.js'
import { setIn } from './edit-document.js'
import { EditError, formatPath } from './edit-error.js'
import type { Edit } from './edit-types.js'
import { dealObject } from './testing/object-fixtures.js'

function refusal(text: string, edit: Edit): EditError {
  try {
    applyEdits(text, [edit])
  } catch (error) {
    if (error instanceof EditError) return error
    throw error
  }
  throw new Error('the edit was applied')
}

describe('invalid paths', () => {
  it.each<[string, Edit, string, string]>([
    [
      'walking through a scalar',
      { op: 'set', path: ['fields', 'amount', 'type', 'x'], value: 1 },
      'not-a-collection',
      'fields.amount.type: is a scalar ("currency"), not a mapping or sequence',
    ],
    [
      'an index into a mapping',
      { op: 'set', path: ['fields', 0], value: 1 },
      'invalid-path',
      'fields: is a mapping; index it with a key, not [0]',
    ],
    [
      'a key into a list',
      { op: 'set', path: ['validations', 'first'], value: 1 },
      'invalid-path',
      'validations: is a sequence; index it with a number, not "first"',
    ],
    [
      'an index past the end',
      { op: 'set', path: ['validations', 5], value: 'x' },
      'index-out-of-range',
      'validations[5]: the sequence has 2 items; set index 2 to append',
    ],
    [
      'deleting a missing key',
      { op: 'delete', path: ['fields', 'nope'] },
      'not-found',
      'fields.nope: no such key',
    ],
    [
      'deleting a missing item',
      { op: 'delete', path: ['validations', 2] },
      'index-out-of-range',
      'validations[2]: index out of range',
    ],
    [
      'creating a list item inside a missing list',
      { op: 'set', path: ['fields', 'tags', 'choices', 0], value: 'a' },
      'not-found',
      'fields.tags.choices[0]: cannot create [0] in a list that does not exist; set the whole list instead',
    ],
    [
      'renaming a missing key',
      { op: 'rename', path: ['fields', 'nope'], to: 'x' },
      'not-found',
      'fields.nope: no such key',
    ],
    [
      'deleting the document',
      { op: 'delete', path: [] },
      'unsupported',
      '(document): the document itself cannot be deleted',
    ],
  ])('refuses %s', (_, edit, reason, message) => {
    const error = refusal(dealObject, edit)
    expect(error.reason).toBe(reason)
    expect(error.message).toBe(message)
  })
})

describe('invalid values', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['a Date', new Date(0)],
    ['a function', () => 1],
    ['NaN', Number.NaN],
    ['a Map', new Map()],
  ])('refuses %s', (_, value) => {
    const error = refusal(dealObject, { op: 'set', path: ['label'], value })
    expect(error.reason).toBe('invalid-value')
    expect(error.message).toMatch(/^label: /)
  })

  it('names the nested path of a bad value', () => {
    const error = refusal(dealObject, { op: 'set', path: ['fields', 'x'], value: { a: [1, 2n] } })
    expect(error.message).toBe('fields.x.a[1]: a bigint cannot be written as YAML data')
  })

  it('refuses keys that reach into prototypes', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as unknown
    expect(refusal(dealObject, { op: 'set', path: ['fields', 'x'], value }).reason).toBe(
      'invalid-value',
    )
    expect(refusal(dealObject, { op: 'rename', path: ['label'], to: 'constructor' }).reason).toBe(
      'invalid-value',
    )
  })
})

describe('texts and nodes the editor will not rewrite', () => {
  it('refuses a text with YAML errors', () => {
    const error = refusal('a: [1\n', { op: 'set', path: ['b'], value: 2 })
    expect(error.reason).toBe('invalid-document')
  })

  it('refuses to change an anchored node that aliases may share', () => {
    const text = 'base: &b text\nother: *b\n'
    expect(refusal(text, { op: 'set', path: ['base'], value: 'x' }).reason).toBe('unsupported')
    // The alias itself can be replaced: only that entry changes.
    expect(setIn(text, ['other'], 'own')).toBe('base: &b text\nother: own\n')
  })

  it('refuses to walk through an alias', () => {
    const text = 'base: &b { a: 1 }\nother: *b\n'
    const error = refusal(text, { op: 'set', path: ['other', 'a'], value: 2 })
    expect(error.message).toBe('other: is an alias (b); edit the anchored node')
  })

  it('refuses explicitly tagged values', () => {
    expect(refusal('a: !!str 5\n', { op: 'set', path: ['a'], value: 6 }).reason).toBe('unsupported')
  })

  it('refuses explicit `? key` entries', () => {
    expect(refusal('? a\n: 1\n', { op: 'set', path: ['a'], value: 2 }).reason).toBe('unsupported')
  })

  it('refuses duplicate keys rather than guessing which one is meant', () => {
    expect(refusal('a: 1\na: 2\n', { op: 'set', path: ['a'], value: 3 }).reason).toBe('unsupported')
  })
})

describe('a refused edit in a batch', () => {
  it('throws before returning anything, so a save never writes half of it', () => {
    const edits: Edit[] = [
      { op: 'set', path: ['label'], value: 'Opportunity' },
      { op: 'delete', path: ['fields', 'nope'] },
    ]
    expect(() => applyEdits(dealObject, edits)).toThrow('fields.nope: no such key')
  })
})

describe('formatPath', () => {
  it('writes paths the way a reader would', () => {
    expect(formatPath(['fields', 'stage', 'options', 2, 'label'])).toBe(
      'fields.stage.options[2].label',
    )
    expect(formatPath(['fields', 'two words'])).toBe('fields["two words"]')
    expect(formatPath([])).toBe('(document)')
  })
})
