/**
 * A currency field pinned to one currency (`currencyConfig.currencyMode: fixed`) whose
 * `precision` contradicts that currency's minor unit: two decimals of a yen that has none, or two
 * of a dinar that has three (the third digit would be dropped). Ports the spec's #7918 check on
 * both places precision is written: the field's own `precision` and `currencyConfig.precision`.
 * A `dynamic` currency has no single minor unit to compare with, so it is never checked.
 */
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import type { Rule } from '../rule-context.js'
import { isRecord } from '../value-guards.js'
import { currencyFractionDigits } from './currency-fraction-digits.js'
import { declaredFields } from './field-definition.js'

/** The spec's default `currencyConfig.defaultCurrency`. */
const specDefaultCurrency = 'CNY'

export const currencyPrecisionRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  for (const { def, path } of declaredFields(ctx.doc)) {
    const config = def.currencyConfig
    if (def.type !== 'currency' || !isRecord(config) || config.currencyMode !== 'fixed') continue
    const currency =
      typeof config.defaultCurrency === 'string' ? config.defaultCurrency : specDefaultCurrency
    const digits = currencyFractionDigits(currency)
    if (digits === undefined) continue
    const places = [
      { precision: def.precision, at: [...path, 'precision'] },
      { precision: config.precision, at: [...path, 'currencyConfig', 'precision'] },
    ]
    for (const { precision, at } of places) {
      if (typeof precision !== 'number' || precision === digits) continue
      ctx.out.push(
        report(
          'OOS_FIELD_CURRENCY_PRECISION',
          locate(ctx.doc, at),
          [currency.toUpperCase(), digits, precision],
          `set precision to ${digits}, or remove it to follow the currency`,
        ),
      )
    }
  }
}
