import { describe, expect, it } from 'vitest'
import { rules } from '../check-rules.js'
import { lines } from '../testing/parsed-app.js'
import { fieldBoundsRule } from './field-bounds-rule.js'
import { objectFindings, runRule } from './testing/run-field-rule.js'

describe('field bounds', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(fieldBoundsRule)
  })

  it('accepts bounds in order, equal bounds and single bounds', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  rate: { type: percent, min: 0, max: 100 }',
      '  code: { type: text, minLength: 3, maxLength: 3 }',
      '  size: { type: number, min: 5 }',
    )
    expect(objectFindings(fieldBoundsRule, item)).toEqual([])
  })

  it('reports min above max and minLength above maxLength at the lower bound', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  rate:',
      '    type: percent',
      '    min: 100', // 5:10
      '    max: 0',
      '  code: { type: text, minLength: 10, maxLength: 5 }', // 7:34
    )
    expect(objectFindings(fieldBoundsRule, item)).toEqual([
      '5:10 OOS_FIELD_BAD_RANGE',
      '7:34 OOS_FIELD_BAD_RANGE',
    ])
    const [first] = runRule(fieldBoundsRule, { 'objects/item.object.yaml': item })
    expect(first?.message).toBe('min (100) is greater than max (0); no value can satisfy both')
  })
})
