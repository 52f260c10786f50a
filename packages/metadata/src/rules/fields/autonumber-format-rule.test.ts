import { describe, expect, it } from 'vitest'
import { rules } from '../check-rules.js'
import { lines } from '../testing/parsed-app.js'
import { autonumberFormatRule } from './autonumber-format-rule.js'
import { objectFindings, runRule } from './testing/run-field-rule.js'

const check = (object: string) => objectFindings(autonumberFormatRule, object)

describe('autonumber formats', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(autonumberFormatRule)
  })

  it('accepts a counter with date tokens and fields, and a missing format (it defaults to {0000})', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  region: { type: text }',
      '  number: { type: autonumber, autonumberFormat: "INV-{YYYY}{MM}{DD}-{region}-{000000}" }',
      '  plain: { type: autonumber }',
    )
    expect(check(item)).toEqual([])
  })

  it('reports a format without a counter', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  number:',
      '    type: autonumber',
      '    autonumberFormat: OPP-{YYYY}', // 5:23
    )
    const found = runRule(autonumberFormatRule, { 'objects/item.object.yaml': item })
    expect(found.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      '5:23 OOS_FIELD_AUTONUMBER_FORMAT',
    ])
    expect(found[0]?.message).toBe(
      'autonumber format "OPP-{YYYY}" has no {0000} counter, so records would share one number',
    )
  })

  it('points at an unknown token inside the format, with a did-you-mean hint', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  region: { type: text }',
      '  number:',
      '    type: autonumber',
      '    autonumberFormat: "OPP-{YYY}-{regoin}-{0000}"', // 6:28 and 6:34
    )
    const found = runRule(autonumberFormatRule, { 'objects/item.object.yaml': item })
    expect(found.map((d) => `${d.line}:${d.column} ${d.hint}`)).toEqual([
      '6:28 did you mean "YYYY"?',
      '6:34 did you mean "region"?',
    ])
    expect(found[1]?.message).toBe(
      'autonumber format "OPP-{YYY}-{regoin}-{0000}" uses {regoin}, which is neither a date token nor a field',
    )
  })
})
