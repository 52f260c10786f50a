/**
 * The option list of a select-like field: every `value` once (the stored value is all a record
 * keeps, so two options sharing one could not be told apart), and at most one `default: true`
 * on a field that holds a single value.
 */
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import type { Rule } from '../rule-context.js'
import { asArray, isRecord } from '../value-guards.js'
import { declaredFields } from './field-definition.js'
import { isMultiValue } from './field-types.js'

export const fieldOptionsRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  for (const { name, def, path } of declaredFields(ctx.doc)) {
    const seen = new Set<string>()
    let firstDefault: string | undefined
    asArray(def.options).forEach((option, i) => {
      if (!isRecord(option) || typeof option.value !== 'string') return
      const at = [...path, 'options', i]
      if (seen.has(option.value)) {
        ctx.out.push(
          report(
            'OOS_FIELD_DUPLICATE_OPTION',
            locate(ctx.doc, [...at, 'value']),
            [option.value, name],
            'give each option its own value',
          ),
        )
      }
      seen.add(option.value)
      if (option.default !== true || isMultiValue(def)) return
      if (firstDefault === undefined) {
        firstDefault = option.value
        return
      }
      ctx.out.push(
        report(
          'OOS_FIELD_MULTIPLE_DEFAULTS',
          locate(ctx.doc, [...at, 'default']),
          [name, firstDefault, option.value],
          'keep "default: true" on one option only',
        ),
      )
    })
  }
}
