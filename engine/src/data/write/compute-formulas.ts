/**
 * Formula fields are computed on every write from the record being written and stored in their
 * column, so they are readable, sortable, filterable and indexable like any field. Formulas run
 * in declaration order, each seeing the ones before it.
 */
import type { ObjectNode } from '../../ir/object-node.js'
import { celRecord, celValue, evaluate } from './cel-binding.js'
import type { DataContext } from './data-context.js'

/**
 * Computes the formulas into `record` and returns the record as CEL reads it (formulas
 * included), so the validation rules that run next need not convert it again.
 */
export function computeFormulas(
  object: ObjectNode,
  record: Record<string, unknown>,
  context: DataContext,
): Record<string, unknown> {
  const row = celRecord(object, record)
  for (const field of object.fields.values()) {
    if (field.formula === undefined) continue
    const value = formulaValue(
      field.formulaReturn,
      evaluate(field.formula, { record: row }, context),
    )
    record[field.name] = value
    row[field.name] = celValue(field, value)
  }
  return row
}

function formulaValue(returnType: string | undefined, result: unknown): unknown {
  if (result === undefined || result === null) return null
  switch (returnType) {
    case 'number':
      return typeof result === 'number' && Number.isFinite(result)
        ? result
        : typeof result === 'bigint'
          ? Number(result)
          : null
    case 'boolean':
      return typeof result === 'boolean' ? result : null
    case 'date':
      return result instanceof Date && !Number.isNaN(result.getTime())
        ? result.toISOString().slice(0, 10)
        : null
    default:
      return typeof result === 'string' ? result : String(result)
  }
}
