/**
 * Reports a value that is not an option of its select-like field, with the closest option as a
 * did-you-mean hint (or the list of options when none is close). Defaults, view filters, page
 * filters, navigation filters and lookup filters all name option values; they all report here.
 */
import type { DiagnosticLocation } from '../../diagnostics/diagnostic.js'
import { didYouMeanHint } from '../../diagnostics/did-you-mean.js'
import { report } from '../../diagnostics/report.js'
import type { RuleContext } from '../rule-context.js'
import { isRecord } from '../value-guards.js'
import { optionValues, type FieldDef } from './field-types.js'

/** How many options a hint lists before it stops. */
const listedOptions = 8

/**
 * @example
 *   reportUnknownOption(ctx, at, 'wroking', 'status', 'lead', statusDef)
 *   // → '"wroking" is not an option of field "status" of object "lead"' (did you mean "working"?)
 */
export function reportUnknownOption(
  ctx: RuleContext,
  at: DiagnosticLocation,
  value: string,
  field: string,
  object: string,
  def: FieldDef,
): void {
  ctx.out.push(
    report('OOS_FIELD_UNKNOWN_OPTION', at, [value, field, object], optionHint(value, def)),
  )
}

/**
 * @example
 *   optionHint('nwe', { options: [{ value: 'new' }, { value: 'working' }] }) // → 'did you mean "new"?'
 *   optionHint('zzz', { options: [{ value: 'new' }] })                     // → 'the options are: new'
 *   optionHint('New', { options: [{ label: 'New', value: 'new' }] })
 *   // → '"New" is the label of option "new"; filters and defaults use the value'
 */
export function optionHint(value: string, def: FieldDef): string | undefined {
  const options = optionValues(def)
  if (options.length === 0) return undefined
  const labelled = Array.isArray(def.options)
    ? def.options.find(
        (o: unknown) => isRecord(o) && o.label === value && typeof o.value === 'string',
      )
    : undefined
  if (isRecord(labelled)) {
    return `"${value}" is the label of option "${String(labelled.value)}"; filters and defaults use the value`
  }
  const close = didYouMeanHint(value, options)
  if (close !== undefined) return close
  const shown = options.slice(0, listedOptions).join(', ')
  return `the options are: ${shown}${options.length > listedOptions ? ', …' : ''}`
}
