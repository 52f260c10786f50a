/**
 * `set` on realistic files: each test states exactly which lines change (changedHunk) — every
 * other line, comment and blank line is byte-identical — and that the text parses to the data.
 */
import { describe, expect, it } from 'vitest'
import { applyEdits } from './apply-edits.js'
import { setIn } from './edit-document.js'
import { dealObject, wideObject } from './testing/object-fixtures.js'
import { changedHunk, commentsOf, parsedDoc, valueAt, withLines } from './testing/round-trip-kit.js'

describe('setting an existing scalar', () => {
  it('rewrites only the value, keeping key, spacing and trailing comment', () => {
    const out = setIn(dealObject, ['label'], 'Opportunity')
    expect(changedHunk(dealObject, out)).toEqual({
      from: 5,
      to: 5,
      added: ['label: Opportunity  # shown in menus'],
    })
    expect(valueAt(out, 'label')).toBe('Opportunity')
  })

  it('keeps the quotes a string was written with', () => {
    expect(changedHunk(dealObject, setIn(dealObject, ['pluralLabel'], 'Opps'))?.added).toEqual([
      'pluralLabel: "Opps"',
    ])
    expect(changedHunk(dealObject, setIn(dealObject, ['icon'], 'star'))?.added).toEqual([
      "icon: 'star'",
    ])
  })

  it('quotes a new string only when YAML needs it', () => {
    const line = (value: unknown) =>
      changedHunk(dealObject, setIn(dealObject, ['fields', 'name', 'label'], value))?.added
    expect(line('Title')).toEqual(['    label: Title'])
    expect(line('a: b')).toEqual(["    label: 'a: b'"])
    expect(line('123')).toEqual(["    label: '123'"])
    expect(line('#1')).toEqual(["    label: '#1'"])
    expect(line(42)).toEqual(['    label: 42'])
    expect(line(false)).toEqual(['    label: false'])
    expect(line(null)).toEqual(['    label: null'])
  })

  it('changes a value inside a flow mapping in place', () => {
    const out = setIn(dealObject, ['fields', 'stage', 'options', 1, 'color'], '#000000')
    expect(changedHunk(dealObject, out)).toEqual({
      from: 25,
      to: 25,
      added: ["      - { label: Won, value: won, color: '#000000' }"],
    })
  })

  it('keeps a flow list flow when it is replaced or grows', () => {
    const replaced = setIn(dealObject, ['fields', 'tags', 'options'], ['hot', 'warm, humid'])
    expect(changedHunk(dealObject, replaced)?.added).toEqual(["    options: [hot, 'warm, humid']"])
    const grown = setIn(dealObject, ['fields', 'tags', 'options', 3], 'lost')
    expect(changedHunk(dealObject, grown)?.added).toEqual([
      "    options: [hot, cold, 'needs review', lost]",
    ])
    expect(valueAt(grown, 'fields', 'tags', 'options')).toEqual([
      'hot',
      'cold',
      'needs review',
      'lost',
    ])
  })

  it('rewrites the lines of a `|` block and keeps its header', () => {
    const out = setIn(dealObject, ['fields', 'notes', 'defaultValue'], 'Call.\nEmail.\n')
    expect(changedHunk(dealObject, out)).toEqual({
      from: 45,
      to: 46,
      added: ['      Call.', '      Email.'],
    })
    expect(valueAt(out, 'fields', 'notes', 'defaultValue')).toBe('Call.\nEmail.\n')
  })

  it('keeps the folded style of a `>` block', () => {
    const out = setIn(dealObject, ['description'], 'Deals in progress.')
    expect(changedHunk(dealObject, out)).toEqual({
      from: 7,
      to: 9,
      added: ['description: >-', '  Deals in progress.'],
    })
  })

  it('writes a multi-line string into a plain value as a block, keeping the comment', () => {
    const out = setIn(dealObject, ['label'], 'Deal\nor opportunity')
    expect(changedHunk(dealObject, out)?.added).toEqual([
      'label: |-  # shown in menus',
      '  Deal',
      '  or opportunity',
    ])
    expect(valueAt(out, 'label')).toBe('Deal\nor opportunity')
  })
})

describe('setting a missing key', () => {
  it('creates the intermediate mappings after the last entry, before a sibling comment', () => {
    const out = setIn(dealObject, ['fields', 'amount', 'currencyConfig', 'precision'], 2)
    expect(changedHunk(dealObject, out)).toEqual({
      from: 34,
      to: 33,
      added: ['    currencyConfig:', '      precision: 2'],
    })
    expect(valueAt(out, 'fields', 'amount', 'currencyConfig')).toEqual({ precision: 2 })
  })

  it('separates a new list item by a blank line when its siblings are', () => {
    const rule = { name: 'has_name', condition: "record.name == ''", message: 'Name it.' }
    const out = setIn(dealObject, ['validations', 2], rule)
    expect(out).toBe(
      withLines(dealObject, 57, 56, [
        '',
        '  - name: has_name',
        "    condition: record.name == ''",
        '    message: Name it.',
      ]),
    )
    expect(valueAt(out, 'validations', 2)).toEqual(rule)
  })

  it('fills an empty value, keeping its comment', () => {
    const text = 'name: deal\nfields: # none yet\nicon: target\n'
    expect(setIn(text, ['fields', 'name', 'type'], 'text')).toBe(
      'name: deal\nfields: # none yet\n  name:\n    type: text\nicon: target\n',
    )
  })

  it('turns an empty `{}` into a block mapping', () => {
    expect(setIn('fields: {}\n', ['fields', 'name'], { type: 'text' })).toBe(
      'fields:\n  name:\n    type: text\n',
    )
  })

  it('adds to a non-empty flow mapping inside it', () => {
    expect(setIn('a: { b: 1 }\n', ['a', 'c'], [1, 'x, y'])).toBe('a: { b: 1, c: [1, "x, y"] }\n')
  })

  it('writes into an empty or comment-only file', () => {
    expect(setIn('', ['name'], 'deal')).toBe('name: deal\n')
    expect(setIn('# draft\n', ['name'], 'deal')).toBe('# draft\nname: deal\n')
  })
})

describe('setting a collection', () => {
  it('reconciles a mapping: only changed, added and removed entries touch the text', () => {
    const amount = { type: 'currency', label: 'Total', min: 0, scale: 2 }
    const out = setIn(dealObject, ['fields', 'amount'], amount)
    expect(valueAt(out, 'fields', 'amount')).toEqual(amount)
    // label changed, max (with its comment) removed, scale added; the rest is untouched.
    expect(out.split('\n').slice(27, 34)).toEqual([
      '  amount:',
      '    type: currency # stored in cents',
      '    label: Total',
      '    min: 0',
      '    scale: 2',
      '    # end of amount',
      '',
    ])
    expect(commentsOf(out)).toEqual(
      commentsOf(dealObject).filter((c) => c !== 'Amounts above this need approval.'),
    )
  })

  it('leaves the text identical when the value is unchanged', () => {
    const value = valueAt(dealObject, 'fields', 'stage')
    expect(setIn(dealObject, ['fields', 'stage'], value)).toBe(dealObject)
  })

  it('replaces a scalar by a block mapping, keeping the trailing comment on the key line', () => {
    const out = setIn(dealObject, ['label'], { en: 'Deal', de: 'Geschäft' })
    expect(changedHunk(dealObject, out)?.added).toEqual([
      'label:  # shown in menus',
      '  en: Deal',
      '  de: Geschäft',
    ])
  })

  it('replaces a block mapping by a scalar', () => {
    const out = setIn(dealObject, ['fields', 'tags'], 'none')
    expect(changedHunk(dealObject, out)).toEqual({ from: 36, to: 39, added: ['  tags: none'] })
  })
})

describe('the file style', () => {
  it('indents new blocks like the file (4 spaces, lists flush with their key)', () => {
    const out = setIn(wideObject, ['fields', 'due'], { type: 'date', label: 'Due' })
    expect(out).toBe(
      wideObject.replace(
        'indexes: []',
        '    due:\n        type: date\n        label: Due\nindexes: []',
      ),
    )
  })

  it('keeps CRLF line endings on every new line', () => {
    const crlf = dealObject.replace(/\n/g, '\r\n')
    const out = applyEdits(crlf, [
      { op: 'set', path: ['label'], value: 'Opportunity' },
      { op: 'set', path: ['fields', 'amount', 'currencyConfig'], value: { precision: 2 } },
    ])
    expect(out.replace(/\r\n/g, '')).not.toContain('\n')
    expect(out).toBe(
      setIn(setIn(dealObject, ['label'], 'Opportunity'), ['fields', 'amount', 'currencyConfig'], {
        precision: 2,
      }).replace(/\n/g, '\r\n'),
    )
  })

  it('keeps a byte order mark and does not count it as indentation', () => {
    expect(setIn('\uFEFFname: a\n', ['label'], 'A')).toBe('\uFEFFname: a\nlabel: A\n')
  })

  it('keeps a missing final newline missing', () => {
    const out = setIn(wideObject, ['views'], ['all'])
    expect(out.endsWith('\n')).toBe(false)
    expect(out).toBe(`${wideObject}\nviews:\n- all`)
  })
})

describe('input', () => {
  it('accepts a ParsedDocument and leaves it untouched', () => {
    const doc = parsedDoc(dealObject)
    const out = setIn(doc, ['name'], 'opportunity')
    expect(valueAt(out, 'name')).toBe('opportunity')
    expect(doc.text).toBe(dealObject)
    expect((doc.value as Record<string, unknown>).name).toBe('deal')
  })
})
