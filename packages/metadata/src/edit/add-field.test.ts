/**
 * `addField` and `renameKey`: the two edits Studio's object designer makes most, checked for
 * where the new text lands and that nothing else moves.
 */
import { describe, expect, it } from 'vitest'
import { applyEdits } from './apply-edits.js'
import { addField, renameKey } from './edit-document.js'
import { EditError } from './edit-error.js'
import { dealObject, wideObject } from './testing/object-fixtures.js'
import { changedHunk, commentsOf, valueAt, withLines } from './testing/round-trip-kit.js'

describe('addField', () => {
  it('appends the field after the last one, separated by a blank line like its siblings', () => {
    const definition = {
      type: 'select',
      label: 'Region',
      options: [
        { label: 'EMEA', value: 'emea' },
        { label: 'Americas', value: 'americas' },
      ],
    }
    const out = addField(dealObject, 'region', definition)
    expect(out).toBe(
      withLines(dealObject, 47, 46, [
        '',
        '  region:',
        '    type: select',
        '    label: Region',
        '    options:',
        '      - label: EMEA',
        '        value: emea',
        '      - label: Americas',
        '        value: americas',
      ]),
    )
    expect(valueAt(out, 'fields', 'region')).toEqual(definition)
    expect(commentsOf(out)).toEqual(commentsOf(dealObject))
  })

  it('follows a 4-space file without blank lines between fields', () => {
    const out = addField(wideObject, 'due', { type: 'date', required: true })
    expect(out).toBe(
      wideObject.replace(
        'indexes: []',
        '    due:\n        type: date\n        required: true\nindexes: []',
      ),
    )
  })

  it('creates `fields` when the object has none', () => {
    const text = '# A tag.\nname: tag\nlabel: Tag\n'
    expect(addField(text, 'name', { type: 'text' })).toBe(
      '# A tag.\nname: tag\nlabel: Tag\nfields:\n  name:\n    type: text\n',
    )
  })

  it('refuses to overwrite an existing field', () => {
    expect(() => addField(dealObject, 'amount', { type: 'number' })).toThrowError(
      expect.objectContaining({
        reason: 'key-exists',
        path: ['fields', 'amount'],
        message: 'fields.amount: the field already exists',
      }),
    )
  })

  it('combines with other edits in one save', () => {
    const out = applyEdits(dealObject, [
      { op: 'addField', name: 'close_date', definition: { type: 'date' } },
      { op: 'set', path: ['fields', 'close_date', 'label'], value: 'Close Date' },
      { op: 'delete', path: ['fields', 'tags'] },
    ])
    expect(valueAt(out, 'fields', 'close_date')).toEqual({ type: 'date', label: 'Close Date' })
    expect(valueAt(out, 'fields', 'tags')).toBeUndefined()
  })
})

describe('renameKey', () => {
  it('changes only the key, keeping the value and its comments', () => {
    const out = renameKey(dealObject, ['fields', 'amount'], 'total')
    expect(changedHunk(dealObject, out)).toEqual({ from: 28, to: 28, added: ['  total:'] })
    expect(valueAt(out, 'fields', 'total')).toEqual(valueAt(dealObject, 'fields', 'amount'))
  })

  it('quotes a new key only when it must', () => {
    expect(renameKey('a: 1 # c\n', ['a'], 'two words')).toBe('two words: 1 # c\n')
    expect(renameKey('a: 1 # c\n', ['a'], 'true')).toBe('"true": 1 # c\n')
    expect(renameKey('o: { a: 1 }\n', ['o', 'a'], 'x,y')).toBe('o: { "x,y": 1 }\n')
  })

  it('refuses a name that exists already', () => {
    expect(() => renameKey(dealObject, ['fields', 'amount'], 'name')).toThrowError(
      expect.objectContaining({ reason: 'key-exists', path: ['fields', 'name'] }),
    )
  })

  it('refuses to rename a list item', () => {
    expect(() => renameKey(dealObject, ['validations', 0], 'x')).toThrow(EditError)
  })
})
