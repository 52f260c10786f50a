/**
 * Whether a literal is a value a field can store — the spec's stored value contract
 * (`valueSchemaFor`, field-value.zod.ts) as plain checks: text for text types, a finite number
 * for numeric ones, `YYYY-MM-DD` for a date, an option value for a select, a list for a
 * multi-value field. Used for defaults; filter values reuse the option part.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { show } from '../../schema/describe-value.js'
import { isRecord } from '../value-guards.js'
import {
  booleanValueTypes,
  fileValueTypes,
  isMultiValue,
  numberValueTypes,
  optionTypes,
  optionValues,
  referenceValueTypes,
  stringValueTypes,
  type FieldDef,
} from './field-types.js'

/** Why a value does not fit, and where inside the value (an index into a list, or nothing). */
export type ValueProblem =
  | { readonly kind: 'type'; readonly problem: string; readonly at: readonly PathSegment[] }
  | { readonly kind: 'option'; readonly value: string; readonly at: readonly PathSegment[] }

const datePattern = /^\d{4}-\d{2}-\d{2}$/
const timePattern = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/
const instantZone = /([Zz]|[+-]\d{2}:?\d{2})$/
const fileIdPattern = /^[A-Za-z0-9_-]{1,64}$/

/**
 * The problems of `value` as a stored value of `field` (none when it fits).
 *
 * @example
 *   storedValueProblems({ type: 'number' }, 'abc')
 *   // → [{ kind: 'type', problem: 'is "abc", not a number', at: [] }]
 *   storedValueProblems({ type: 'select', options: [{ value: 'new' }] }, 'nwe')
 *   // → [{ kind: 'option', value: 'nwe', at: [] }]
 */
export function storedValueProblems(field: FieldDef, value: unknown): ValueProblem[] {
  if (!isMultiValue(field)) return elementProblems(field, value, [])
  if (!Array.isArray(value)) {
    return [{ kind: 'type', problem: `is ${show(value)}, but the field holds a list`, at: [] }]
  }
  return value.flatMap((item: unknown, i) => elementProblems(field, item, [i]))
}

function elementProblems(
  field: FieldDef,
  value: unknown,
  at: readonly PathSegment[],
): ValueProblem[] {
  const type = String(field.type)
  if (optionTypes.has(type)) {
    const options = optionValues(field)
    if (typeof value === 'string' && (options.length === 0 || options.includes(value))) return []
    return typeof value === 'string' || typeof value === 'number'
      ? [{ kind: 'option', value: String(value), at }]
      : [{ kind: 'type', problem: `is ${show(value)}, not an option value`, at }]
  }
  const expected = expectedShape(type, value)
  return expected === undefined
    ? []
    : [{ kind: 'type', problem: `is ${show(value)}, not ${expected}`, at }]
}

/** What the type stores, when `value` is not that; undefined when it fits (or anything goes). */
function expectedShape(type: string, value: unknown): string | undefined {
  if (stringValueTypes.has(type)) return typeof value === 'string' ? undefined : 'text'
  if (numberValueTypes.has(type)) return isFiniteNumber(value) ? undefined : 'a number'
  if (booleanValueTypes.has(type)) return typeof value === 'boolean' ? undefined : 'true or false'
  if (type === 'date') {
    return typeof value === 'string' && datePattern.test(value)
      ? undefined
      : 'a date written YYYY-MM-DD'
  }
  if (type === 'datetime') {
    return isInstant(value)
      ? undefined
      : 'an ISO 8601 date and time with a zone, e.g. 2026-03-15T14:30:00Z'
  }
  if (type === 'time') {
    return typeof value === 'string' && timePattern.test(value)
      ? undefined
      : 'a time written HH:MM or HH:MM:SS'
  }
  if (referenceValueTypes.has(type)) {
    return typeof value === 'string' && value.trim() !== '' && !/^\s*[[{]/.test(value)
      ? undefined
      : 'a record id'
  }
  if (fileValueTypes.has(type)) {
    return typeof value === 'string' && fileIdPattern.test(value) ? undefined : 'a file id'
  }
  if (type === 'location') {
    return isRecord(value) && isFiniteNumber(value.lat) && isFiniteNumber(value.lng)
      ? undefined
      : 'a location { lat, lng }'
  }
  if (type === 'address' || type === 'composite' || type === 'record') {
    return isRecord(value) ? undefined : 'a mapping'
  }
  if (type === 'repeater') {
    return Array.isArray(value) && value.every(isRecord) ? undefined : 'a list of mappings'
  }
  if (type === 'vector') {
    return Array.isArray(value) && value.every(isFiniteNumber) ? undefined : 'a list of numbers'
  }
  return undefined
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function isInstant(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    !Number.isNaN(Date.parse(value)) &&
    instantZone.test(value.slice(10))
  )
}
