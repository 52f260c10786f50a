/**
 * Binds records to CEL variables. Empty fields are left out, so `has(record.x)` means "x is
 * set", as the spec's examples read; dates and date-times become timestamps. Evaluation errors
 * (an operand that is empty, `record.amount < 0` with no amount) mean "unknown": a validation
 * rule does not fire and a formula is empty, as SQL treats NULL.
 */
import type { ObjectNode } from '../../ir/object-node.js'
import type { Program } from '../../ir/program.js'
import type { DataContext } from './data-context.js'

export function celRecord(
  object: ObjectNode,
  record: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(record)) {
    if (value === null || value === undefined) continue
    const field = object.fields.get(name)
    if (field === undefined) continue
    if ((field.storage === 'date' || field.storage === 'datetime') && typeof value === 'string') {
      out[name] = new Date(field.storage === 'date' ? `${value}T00:00:00Z` : value)
    } else out[name] = value
  }
  return out
}

export interface CelRows {
  readonly record: Record<string, unknown>
  readonly previous?: Record<string, unknown> | undefined
}

/** Evaluates a program; undefined when the expression cannot be evaluated on these values. */
export function evaluate(program: Program, rows: CelRows, context: DataContext): unknown {
  const user = { id: context.userId ?? null }
  try {
    return program.evaluate({
      record: rows.record,
      previous: rows.previous ?? {},
      current_user: user,
      user,
    })
  } catch {
    return undefined
  }
}
