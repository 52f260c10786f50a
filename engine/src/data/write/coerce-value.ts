/**
 * Turns an input value into the field's canonical value, or says why it cannot: numbers must be
 * numbers, dates `YYYY-MM-DD`, datetimes ISO 8601 (normalised to UTC), times `HH:MM[:SS]`,
 * lists arrays of strings. No guessing: `"12"` is not a number and `1` is not `true`.
 *
 * @example
 *   coerceValue(amountField, 12.345) // → { ok: true, value: 12.35 } (currency, 2 places)
 *   coerceValue(amountField, '12') // → { ok: false, code: 'type', message: 'must be a number' }
 */
import type { FieldNode } from '../../ir/field-node.js'

export type Coerced =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly code: string; readonly message: string }

const fail = (message: string, code = 'type'): Coerced => ({ ok: false, code, message })
const ok = (value: unknown): Coerced => ({ ok: true, value })

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d+)?)?$/
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

export function coerceValue(field: FieldNode, value: unknown): Coerced {
  if (value === null || value === undefined) return ok(null)
  if (field.multiple) return coerceList(value)
  switch (field.storage) {
    case 'string':
    case 'reference':
      return typeof value === 'string' ? ok(value) : fail('must be a string')
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('must be a number')
      if (field.scale === undefined) return ok(value)
      const factor = 10 ** field.scale
      return ok(Math.round(value * factor) / factor)
    }
    case 'integer':
      return Number.isInteger(value) ? ok(value) : fail('must be a whole number')
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : fail('must be true or false')
    case 'date':
      return coerceDate(value)
    case 'datetime': {
      if (value instanceof Date && !Number.isNaN(value.getTime())) return ok(value.toISOString())
      if (typeof value !== 'string' || !dateTimePattern.test(value)) {
        return fail('must be an ISO 8601 date-time with a time zone, e.g. 2026-05-01T09:30:00Z')
      }
      const parsed = new Date(value)
      return Number.isNaN(parsed.getTime())
        ? fail('is not a real date-time')
        : ok(parsed.toISOString())
    }
    case 'time': {
      const match = typeof value === 'string' ? timePattern.exec(value) : null
      if (match === null) return fail('must be a time of day HH:MM or HH:MM:SS')
      return ok(`${match[1]}:${match[2]}:${match[3] ?? '00'}`)
    }
    case 'json':
      return isJson(value, 0) ? ok(value) : fail('must be plain JSON')
  }
}

function coerceDate(value: unknown): Coerced {
  const match = typeof value === 'string' ? datePattern.exec(value) : null
  if (match === null) return fail('must be a date YYYY-MM-DD')
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return fail('is not a real date')
  return ok(value)
}

function coerceList(value: unknown): Coerced {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    return fail('must be a list of strings')
  }
  return ok([...new Set(value)])
}

function isJson(value: unknown, depth: number): boolean {
  if (depth > 32) return false
  if (value === null || ['string', 'boolean'].includes(typeof value)) return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1))
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).every(
      ([k, v]) => k !== '__proto__' && k !== 'constructor' && isJson(v, depth + 1),
    )
  }
  return false
}
