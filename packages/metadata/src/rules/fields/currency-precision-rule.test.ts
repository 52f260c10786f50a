import { describe, expect, it } from 'vitest'
import { rules } from '../check-rules.js'
import { lines } from '../testing/parsed-app.js'
import { currencyFractionDigits } from './currency-fraction-digits.js'
import { currencyPrecisionRule } from './currency-precision-rule.js'
import { objectFindings, runRule } from './testing/run-field-rule.js'

const check = (object: string) => objectFindings(currencyPrecisionRule, object)

describe('currency precision', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(currencyPrecisionRule)
  })

  it('knows the minor units of common currencies, in any case', () => {
    expect([
      currencyFractionDigits('eur'),
      currencyFractionDigits('JPY'),
      currencyFractionDigits('KWD'),
      currencyFractionDigits('BTC'),
    ]).toEqual([2, 0, 3, undefined])
  })

  it('accepts matching precision, dynamic currencies and unknown codes', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  a: { type: currency, precision: 2, currencyConfig: { currencyMode: fixed, defaultCurrency: EUR } }',
      '  b: { type: currency, precision: 2, currencyConfig: { currencyMode: dynamic, defaultCurrency: JPY } }',
      '  c: { type: currency, currencyConfig: { precision: 8, currencyMode: fixed, defaultCurrency: BTC } }',
      '  d: { type: currency, currencyConfig: { currencyMode: fixed, defaultCurrency: JPY } }',
    )
    expect(check(item)).toEqual([])
  })

  it('reports a precision that contradicts a fixed currency, on the field and in its config', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  price:',
      '    type: currency',
      '    precision: 2', // 5:16
      '    currencyConfig:',
      '      currencyMode: fixed',
      '      defaultCurrency: jpy',
      '  fee:',
      '    type: currency',
      '    currencyConfig: { precision: 2, currencyMode: fixed, defaultCurrency: KWD }', // 11:34
      '  tip:',
      '    type: currency',
      '    currencyConfig: { precision: 3, currencyMode: fixed }', // 14:34 (CNY by default)
    )
    expect(check(item)).toEqual([
      '5:16 OOS_FIELD_CURRENCY_PRECISION',
      '11:34 OOS_FIELD_CURRENCY_PRECISION',
      '14:34 OOS_FIELD_CURRENCY_PRECISION',
    ])
    const [first] = runRule(currencyPrecisionRule, { 'objects/item.object.yaml': item })
    expect(first).toMatchObject({
      message: 'currency JPY has 0 fraction digits, but precision is 2',
      hint: 'set precision to 0, or remove it to follow the currency',
    })
  })
})
