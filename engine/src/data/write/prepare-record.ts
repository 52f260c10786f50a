/**
 * Builds the record a create or update will store, from the caller's input: refuses unknown and
 * computed fields, converts values to their canonical form, applies defaults (create), merges
 * over the stored row (update), computes formulas, then runs every field check and validation
 * rule. All problems come back together as one ValidationFailed (422) with per-field errors.
 */
import { ValidationFailed, type FieldError } from '@objectos/errors'
import type { ObjectNode } from '../../ir/object-node.js'
import { celRecord, evaluate } from './cel-binding.js'
import { checkField } from './check-field.js'
import { coerceValue } from './coerce-value.js'
import { computeFormulas } from './compute-formulas.js'
import type { DataContext } from './data-context.js'
import { runValidations } from './run-validations.js'

/** System fields a caller may set: the owner (permissions decide who may, later). */
const writableSystemFields: ReadonlySet<string> = new Set(['owner_id'])

export interface PreparedRecord {
  /** The full record to store (every field). */
  readonly record: Record<string, unknown>
  /** The fields the caller gave (after conversion). */
  readonly changed: ReadonlySet<string>
}

export function readInput(
  object: ObjectNode,
  input: unknown,
  previous: Readonly<Record<string, unknown>> | undefined,
): { values: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = []
  const values: Record<string, unknown> = {}
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw ValidationFailed.withFields(
      [{ field: '', code: 'type', message: 'the record must be a JSON object' }],
      object.name,
      1,
    )
  }
  for (const [name, value] of Object.entries(input)) {
    const field = object.fields.get(name)
    if (field === undefined || name === '__proto__') {
      errors.push({
        field: name,
        code: 'unknown_field',
        message: `${object.name} has no field "${name}"`,
      })
      continue
    }
    const computed = field.source !== 'input' && !writableSystemFields.has(name)
    if (computed || field.readonly) {
      // Echoing a stored value back (a client PATCHing what it read) is harmless.
      const same =
        previous !== undefined && JSON.stringify(previous[name]) === JSON.stringify(value)
      if (!same) {
        errors.push({
          field: name,
          code: 'readonly',
          message: `${field.label} is ${computed ? 'computed' : 'read-only'} and cannot be written`,
        })
      }
      continue
    }
    const coerced = coerceValue(field, value)
    if (!coerced.ok) {
      errors.push({ field: name, code: coerced.code, message: `${field.label} ${coerced.message}` })
    } else values[name] = coerced.value
  }
  return { values, errors }
}

export function prepareRecord(
  object: ObjectNode,
  input: unknown,
  previous: Readonly<Record<string, unknown>> | undefined,
  context: DataContext,
  now: Date,
): PreparedRecord {
  const { values, errors } = readInput(object, input, previous)
  const record: Record<string, unknown> = previous === undefined ? {} : { ...previous }
  Object.assign(record, values)
  if (previous === undefined) applyDefaults(object, record, values, context, now)
  const celRow = computeFormulas(object, record, context)
  for (const field of object.fields.values()) {
    if (field.source !== 'input') continue
    // On update only the fields a write touches are judged by their own checks; required is
    // judged on the whole merged record so a write cannot empty a required field.
    if (previous !== undefined && !(field.name in values) && !field.required) continue
    errors.push(...checkField(field, record[field.name] ?? null))
  }
  if (errors.length === 0) {
    errors.push(
      ...runValidations(
        object,
        previous === undefined ? 'insert' : 'update',
        record,
        previous,
        context,
        celRow,
      ),
    )
  }
  if (errors.length > 0) throw ValidationFailed.withFields(errors, object.name, errors.length)
  return { record, changed: new Set(Object.keys(values)) }
}

function applyDefaults(
  object: ObjectNode,
  record: Record<string, unknown>,
  given: Readonly<Record<string, unknown>>,
  context: DataContext,
  now: Date,
): void {
  for (const field of object.fields.values()) {
    const current = given[field.name]
    if (field.defaultValue === undefined || (current !== undefined && current !== null)) continue
    const def = field.defaultValue
    let value: unknown
    if (def.kind === 'literal') value = def.value
    else if (def.kind === 'now') {
      value =
        field.storage === 'date'
          ? now.toISOString().slice(0, 10)
          : field.storage === 'time'
            ? now.toISOString().slice(11, 19)
            : now.toISOString()
    } else {
      const result = evaluate(def.program, { record: celRecord(object, record) }, context)
      value = result instanceof Date ? result.toISOString() : result
      if (field.storage === 'date' && typeof value === 'string') value = value.slice(0, 10)
    }
    const coerced = coerceValue(field, value)
    if (coerced.ok) record[field.name] = coerced.value
  }
}
