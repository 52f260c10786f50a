/**
 * Bounds that exclude every value: `min` above `max`, `minLength` above `maxLength`. Each bound
 * is valid on its own, so the schema accepts the pair, and every write would then be refused.
 */
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import type { Rule } from '../rule-context.js'
import { declaredFields } from './field-definition.js'

/** Lower and upper bound keys of a field. */
const boundPairs: readonly (readonly [string, string])[] = [
  ['min', 'max'],
  ['minLength', 'maxLength'],
]

export const fieldBoundsRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  for (const { def, path } of declaredFields(ctx.doc)) {
    for (const [lowKey, highKey] of boundPairs) {
      const low = def[lowKey]
      const high = def[highKey]
      if (typeof low !== 'number' || typeof high !== 'number' || low <= high) continue
      ctx.out.push(
        report(
          'OOS_FIELD_BAD_RANGE',
          locate(ctx.doc, [...path, lowKey]),
          [lowKey, low, highKey, high],
          `swap the two values, or lower ${lowKey}`,
        ),
      )
    }
  }
}
