/**
 * Binds records to CEL variables: every field of the object is present, an empty one as null
 * (so `record.x == null` works, and `has(record.x)` is false — see compile-program.ts); dates and
 * date-times become timestamps. Evaluation errors (an operand that is empty, `record.amount < 0`
 * with no amount) mean "unknown": a validation rule does not fire and a formula is empty, as SQL
 * treats NULL.
 */
import type { FieldNode } from '../../ir/field-node.js'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Program } from '../../ir/program.js'
import type { DataContext } from './data-context.js'

export function celRecord(
  object: ObjectNode,
  record: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, field] of object.fields) out[name] = celValue(field, record[name])
  return out
}

/** One record value as CEL reads it: null when empty, a timestamp for dates. */
export function celValue(field: FieldNode, value: unknown): unknown {
  if (value === null || value === undefined) return null
  if ((field.storage === 'date' || field.storage === 'datetime') && typeof value === 'string') {
    return new Date(field.storage === 'date' ? `${value}T00:00:00Z` : value)
  }
  return value
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
