/**
 * Checks one filter operand against the field it is compared with and encodes it for the column
 * (through `toColumn`, like a write, so booleans, JSON lists and timestamps compare like with
 * like). A wrong shape is an InvalidFilter naming the field and the operator — a number where a
 * date belongs fails here, not as a database error.
 */
import { InvalidFilter } from '@objectos/errors'
import type { FieldNode } from '../../ir/field-node.js'
import type { Dialect } from '../connection/database.js'
import { toColumn } from '../values/row-codec.js'
import type { FilterKind } from './filter-operators.js'

/** The most members an `$in`/`$nin` list may have (bound parameters are not free). */
export const maxListMembers = 1000

/** Where an operand sits, for messages: `"amount" $gte`. */
export interface OperandSite {
  readonly path: string
  readonly op: string
}

export function invalid(site: OperandSite, detail: string): Error {
  return InvalidFilter.create(`"${site.path}" ${site.op}: ${detail}`)
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const dateTimePattern =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d{1,6})?)?$/

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined (use null to match empty fields)'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`
}

/** The value a field of this kind and storage compares with, as the record would hold it. */
export function checkOperand(
  field: FieldNode,
  kind: FilterKind,
  site: OperandSite,
  value: unknown,
): unknown {
  if (value === null) {
    throw invalid(site, 'null is not a value here; use {"$null": true} to match empty fields')
  }
  const expected = (what: string) => invalid(site, `expects ${what}, got ${describe(value)}`)
  switch (kind) {
    case 'text':
    case 'reference':
      if (typeof value !== 'string') throw expected('a string')
      return value
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw expected('a number')
      return value
    case 'boolean':
      if (typeof value !== 'boolean') throw expected('true or false')
      return value
    case 'list':
      if (typeof value === 'string') return value
      if (typeof value === 'number' && Number.isFinite(value)) return value
      throw expected('a string or a number (one list element)')
    case 'temporal':
      if (typeof value !== 'string') throw expected(`a ${field.storage} string`)
      return temporal(field, site, value)
    case 'json':
      throw invalid(site, 'JSON fields can only be tested with $null')
  }
}

function temporal(field: FieldNode, site: OperandSite, value: string): string {
  if (field.storage === 'date') {
    const m = datePattern.exec(value)
    const valid = m !== null && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
    if (!valid) throw invalid(site, `expects a date YYYY-MM-DD, got "${value}"`)
    return value
  }
  if (field.storage === 'time') {
    const m = timePattern.exec(value)
    if (m === null) throw invalid(site, `expects a time HH:MM[:SS], got "${value}"`)
    return `${m[1]}:${m[2]}:${m[3] ?? '00'}${m[4] ?? ''}`
  }
  // datetime: an instant. Without an offset it is read as UTC, never as the server's local time.
  const m = dateTimePattern.exec(value)
  const zoned = m !== null && m[1] === undefined && value.length > 10 ? `${value}Z` : value
  const time = m === null ? Number.NaN : Date.parse(zoned.replace(' ', 'T'))
  if (Number.isNaN(time)) {
    throw invalid(site, `expects an ISO 8601 date-time, got "${value}"`)
  }
  return new Date(time).toISOString()
}

/** One operand, checked and encoded for the column. */
export function encodeScalar(
  field: FieldNode,
  kind: FilterKind,
  site: OperandSite,
  value: unknown,
  dialect: Dialect,
): unknown {
  return toColumn(field, checkOperand(field, kind, site, value), dialect)
}

/** A list operand (`$in`, `$nin`, `$between`), each member checked, not yet encoded. */
export function checkList(
  field: FieldNode,
  kind: FilterKind,
  site: OperandSite,
  value: unknown,
): unknown[] {
  if (!Array.isArray(value)) throw invalid(site, `expects a list, got ${describe(value)}`)
  if (value.length > maxListMembers) {
    throw invalid(site, `at most ${maxListMembers} values, got ${value.length}`)
  }
  return value.map((member: unknown, index) =>
    checkOperand(field, kind, { path: site.path, op: `${site.op}[${index}]` }, member),
  )
}

/** Encodes checked members one by one for scalar columns. */
export function encodeMembers(field: FieldNode, members: readonly unknown[], dialect: Dialect) {
  return members.map((member) => toColumn(field, member, dialect))
}

/** A multi-value field's operand: the elements as one JSON list, encoded like the column. */
export function encodeElements(field: FieldNode, members: readonly unknown[], dialect: Dialect) {
  return toColumn(field, members, dialect)
}

/** `$null` / `$exists` take a boolean and nothing else. */
export function checkFlag(site: OperandSite, value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw invalid(site, `expects true or false, got ${describe(value)}`)
  return value
}
