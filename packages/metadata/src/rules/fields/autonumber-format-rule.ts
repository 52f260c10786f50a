/**
 * The `autonumberFormat` of an autonumber field: literal text plus `{…}` tokens, where `{0000}`
 * is the counter, `{YYYY}`, `{MM}`, `{DD}` and `{YYYYMMDD}` are the creation date, and any other
 * token names a field of the record. A format without a counter gives every record of one period
 * the same number (and autonumbers are unique), and a misspelt token would print literally or
 * fail at insert; both are reported where they are written. A missing format is fine: the spec
 * defaults it to `{0000}`.
 */
import { didYouMeanHint } from '../../diagnostics/did-you-mean.js'
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import type { Rule } from '../rule-context.js'
import { locateInScalar } from '../scalar-offset.js'
import { declaredFields } from './field-definition.js'

const dateTokens: readonly string[] = ['YYYY', 'MM', 'DD', 'YYYYMMDD']
const counterToken = /^0+$/

export const autonumberFormatRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  const object = ctx.symbols.objects.get(declaredName(ctx.doc))
  const fieldNames = object === undefined ? [] : [...object.fields.keys()]
  for (const { def, path } of declaredFields(ctx.doc)) {
    const format = def.autonumberFormat
    if (def.type !== 'autonumber' || typeof format !== 'string') continue
    const at = [...path, 'autonumberFormat']
    let counter = false
    for (const match of format.matchAll(/\{([^{}]*)\}/g)) {
      const token = match[1] as string
      if (counterToken.test(token)) counter = true
      if (counterToken.test(token) || dateTokens.includes(token) || fieldNames.includes(token)) {
        continue
      }
      ctx.out.push(
        report(
          'OOS_FIELD_AUTONUMBER_FORMAT',
          locateInScalar(ctx.doc, at, match.index),
          [format, `uses {${token}}, which is neither a date token nor a field`],
          didYouMeanHint(token, [...dateTokens, ...fieldNames]) ??
            'use {0000} for the counter, {YYYY}, {MM}, {DD} or {YYYYMMDD} for the date, or {field_name}',
        ),
      )
    }
    if (!counter) {
      ctx.out.push(
        report(
          'OOS_FIELD_AUTONUMBER_FORMAT',
          locate(ctx.doc, at),
          [format, 'has no {0000} counter, so records would share one number'],
          'add a counter such as {0000}',
        ),
      )
    }
  }
}
