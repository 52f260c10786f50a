/**
 * Lowers a validated CEL row condition (a sharing rule's `condition`, a policy's `using`) into
 * the RowCondition the access layer compiles into SQL. Validation already refused every
 * condition that does not lower (OOS_CEL_NOT_ROW_FILTER), so a failure here is a bug, not input.
 *
 * @example
 *   lowerCondition('record.stage == "won"', 'record', fields, 'sharing rule won_deals')
 */
import { lowerRowCondition, type RowCondition } from '@objectos/metadata'

export function lowerCondition(
  source: string,
  rows: 'record' | 'bare',
  fields: ReadonlySet<string>,
  where: string,
): RowCondition {
  const lowered = lowerRowCondition(source, rows, fields)
  if (!lowered.ok) {
    throw new Error(
      `${where}: the condition "${source}" cannot become a row filter: ${lowered.reason}`,
    )
  }
  return lowered.condition
}
