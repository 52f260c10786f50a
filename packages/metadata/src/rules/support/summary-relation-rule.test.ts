import { describe, expect, it } from 'vitest'
import { rules } from '../check-rules.js'
import { runRule } from '../fields/testing/run-field-rule.js'
import { lines } from '../testing/parsed-app.js'
import { summaryRelationRule } from './summary-relation-rule.js'

/** An account with one summary over `deal`, and a deal object with the given fields. */
function check(summary: string, ...dealFields: string[]) {
  return runRule(summaryRelationRule, {
    'objects/account.object.yaml': lines(
      'name: account',
      'fields:',
      '  name: { type: text }',
      `  total: { type: summary, summaryOperations: { ${summary} } }`, // 4
    ),
    'objects/deal.object.yaml': lines('name: deal', 'fields:', ...dealFields),
  })
}

const sum = 'object: deal, field: amount, function: avg'

describe('summary relation', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(summaryRelationRule)
  })

  it('accepts a child with one master_detail or one lookup back to the parent', () => {
    expect(
      check(
        sum,
        '  amount: { type: number }',
        '  account: { type: master_detail, reference: account }',
      ),
    ).toEqual([])
    expect(
      check(sum, '  amount: { type: number }', '  account: { type: lookup, reference: account }'),
    ).toEqual([])
  })

  it('reports a child with no field back to the parent, at the child object', () => {
    const found = check(
      sum,
      '  amount: { type: number }',
      '  other: { type: lookup, reference: deal }',
    )
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      'objects/account.object.yaml:4:56 OOS_SUPPORT_SUMMARY_RELATION',
    ])
    expect(found[0]?.message).toBe(
      'summary field "total" rolls up "deal", which has no lookup or master_detail field to "account"',
    )
    expect(found[0]?.hint).toBe('add a master_detail field with "reference: account" to deal')
  })

  it('reports a child with several fields back to the parent, asking to name one', () => {
    const found = check(
      sum,
      '  amount: { type: number }',
      '  buyer: { type: lookup, reference: account }',
      '  seller: { type: master_detail, reference: account }',
    )
    expect(found.map((d) => [d.message, d.hint])).toEqual([
      [
        'summary field "total" rolls up "deal", which has several fields to "account" (buyer, seller)',
        'name the one to follow with "relationshipField: buyer"',
      ],
    ])
  })

  it('leaves a declared relationshipField and an unknown child to the reference rules', () => {
    expect(check(`${sum}, relationshipField: amount`, '  amount: { type: number }')).toEqual([])
    expect(
      check('object: nothing, field: x, function: count', '  amount: { type: number }'),
    ).toEqual([])
  })
})
