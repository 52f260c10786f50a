/**
 * How a column's values convert when its type changes: which values can be converted (checked in
 * JavaScript on each value's text form, the same on both dialects, so `plan` can count the rows
 * that would not convert), and the SQL expression that converts the others. Values that fail the
 * check are set to NULL before the conversion runs, and only when destructive steps are allowed.
 *
 * A value converts when the new type holds it as the same value: numbers must be finite (and
 * whole, within range, for integers; below 10^(18-scale) for numeric), booleans are
 * true/false/t/f/yes/no/y/n/on/off/1/0, dates `YYYY-MM-DD`, date-times ISO 8601, times
 * `HH:MM[:SS[.ffffff]]`, JSON must parse. Anything converts to text.
 *
 * @example
 *   const conversion = conversionOf('text', { kind: 'double' }, 'postgres')
 *   conversion.check?.('12.5') // true
 *   conversion.check?.('n/a') // false
 */
import type { Dialect } from '../data/connection/database.js'
import type { ColumnType } from '../data/schema/column-type.js'

/** What kind of values a live column holds, from its SQL type. */
export type SourceClass = 'text' | 'number' | 'boolean' | 'date' | 'datetime' | 'time' | 'json'

export interface Conversion {
  /** undefined: every value converts; otherwise the test each value's text form must pass. */
  readonly check: ((text: string) => boolean) | undefined
  /** The SQL computing the new value from the column `column` (already quoted). */
  sql(column: string): string
}

export function sourceClassOf(sqlType: string, dialect: Dialect): SourceClass {
  const type = sqlType.toLowerCase()
  if (dialect === 'sqlite') {
    return type === 'integer' || type === 'real' || type === 'numeric' ? 'number' : 'text'
  }
  if (/^(smallint|integer|bigint|real|double precision|numeric|decimal)\b/.test(type)) {
    return 'number'
  }
  if (type === 'boolean') return 'boolean'
  if (type === 'date') return 'date'
  if (type.startsWith('timestamp')) return 'datetime'
  if (type.startsWith('time')) return 'time'
  if (type === 'json' || type === 'jsonb') return 'json'
  return 'text'
}

const never = (): boolean => false

const numberPattern = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/
const isNumberText = (text: string): boolean =>
  numberPattern.test(text) && Number.isFinite(Number(text))

const trueWords = ['true', 't', 'yes', 'y', 'on', '1']
const falseWords = ['false', 'f', 'no', 'n', 'off', '0']
const isBooleanWord = (text: string): boolean => {
  const word = text.trim().toLowerCase()
  return trueWords.includes(word) || falseWords.includes(word)
}

const daysIn = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate()
const validDate = (y: string, m: string, d: string): boolean => {
  const month = Number(m)
  return month >= 1 && month <= 12 && Number(d) >= 1 && Number(d) <= daysIn(Number(y), month)
}
const validClock = (h: string, m: string, s: string | undefined): boolean =>
  Number(h) < 24 && Number(m) < 60 && Number(s ?? 0) < 60

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const isDateText = (text: string): boolean => {
  const m = datePattern.exec(text.trim())
  return m !== null && validDate(m[1]!, m[2]!, m[3]!)
}

const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i
const isDateTimeText = (text: string): boolean => {
  const m = dateTimePattern.exec(text.trim())
  return m !== null && validDate(m[1]!, m[2]!, m[3]!) && validClock(m[4] ?? '0', m[5] ?? '0', m[6])
}

const timePattern = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?$/
const isTimeText = (text: string): boolean => {
  const m = timePattern.exec(text.trim())
  return m !== null && validClock(m[1]!, m[2]!, m[3])
}

const isJsonText = (text: string): boolean => {
  // PostgreSQL's jsonb refuses the NUL character, which JSON.parse accepts.
  if (text.includes('\\u0000')) return false
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

const int32 = 2_147_483_647

/**
 * Whether a number written as text fits numeric(18, scale) once rounded to `scale` decimals,
 * computed on the digits (a double cannot tell 9999999999999999.99 from 10^16).
 */
export function fitsNumeric(text: string, scale: number): boolean {
  const m = /^\s*[-+]?(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?\s*$/.exec(text)
  if (m === null || !isNumberText(text)) return false
  const digits = `${m[1] ?? ''}${m[2] ?? ''}`.replace(/^0+/, '')
  if (digits === '') return true
  const fraction = (m[2] ?? '').length - Number(m[3] ?? 0)
  // value × 10^scale = digits × 10^shift
  const shift = scale - fraction
  if (shift >= 0) return digits.length + shift <= 18
  const kept = digits.slice(0, Math.max(0, digits.length + shift))
  const roundUp = Number(digits[digits.length + shift] ?? '0') >= 5
  const scaled = BigInt(kept === '' ? '0' : kept) + (roundUp ? 1n : 0n)
  return scaled < 10n ** 18n
}

/** Which values of a `from` column convert to `to`, per dialect. */
export function checkOf(
  from: SourceClass,
  to: ColumnType,
  dialect: Dialect,
): ((text: string) => boolean) | undefined {
  switch (to.kind) {
    case 'text':
      return undefined
    case 'double':
      return from === 'number' || from === 'boolean' ? undefined : isNumberText
    case 'numeric': {
      if (from === 'boolean' || (dialect === 'sqlite' && from === 'number')) return undefined
      if (dialect === 'sqlite') return isNumberText
      return (text) => fitsNumeric(text, to.scale)
    }
    case 'integer': {
      if (from === 'boolean') return undefined
      const limit = dialect === 'postgres' ? int32 : Number.MAX_SAFE_INTEGER
      return (text) => {
        const value = Number(text)
        return isNumberText(text) && Number.isInteger(value) && Math.abs(value) <= limit
      }
    }
    case 'boolean':
      if (from === 'boolean') return undefined
      if (from === 'number') return (text) => isNumberText(text) && [0, 1].includes(Number(text))
      return isBooleanWord
    case 'date':
      if (from === 'date' || from === 'datetime') return undefined
      return from === 'text' || from === 'json' ? isDateText : never
    case 'datetime':
      if (from === 'date' || from === 'datetime') return undefined
      return from === 'text' || from === 'json' ? isDateTimeText : never
    case 'time':
      if (from === 'time' || from === 'datetime') return undefined
      return from === 'text' || from === 'json' ? isTimeText : never
    case 'json':
      return from === 'number' || from === 'boolean' || from === 'json' ? undefined : isJsonText
  }
}

const sqlWords = (words: readonly string[]): string => words.map((w) => `'${w}'`).join(', ')

/** `CASE` turning boolean words (or 0/1) into the dialect's true/false. */
function booleanSql(value: string, from: SourceClass, dialect: Dialect): string {
  const [yes, no] = dialect === 'postgres' ? ['true', 'false'] : ['1', '0']
  if (from === 'number')
    return `case when ${value} = 1 then ${yes} when ${value} = 0 then ${no} end`
  const word = dialect === 'postgres' ? `lower(trim(${value}::text))` : `lower(trim(${value}))`
  return `case when ${word} in (${sqlWords(trueWords)}) then ${yes} when ${word} in (${sqlWords(falseWords)}) then ${no} end`
}

function postgresSql(column: string, from: SourceClass, to: ColumnType, sqlType: string): string {
  switch (to.kind) {
    case 'text':
      return `${column}::text`
    case 'boolean':
      return from === 'boolean' ? column : booleanSql(column, from, 'postgres')
    case 'double':
    case 'numeric':
    case 'integer':
      if (from === 'number') return `${column}::${sqlType}`
      if (from === 'boolean') return `${column}::integer::${sqlType}`
      return to.kind === 'double'
        ? `trim(${column}::text)::double precision`
        : `trim(${column}::text)::numeric::${sqlType}`
    case 'date':
    case 'datetime':
    case 'time':
      if (from === 'date' || from === 'datetime' || from === 'time') return `${column}::${sqlType}`
      return `trim(${column}::text)::${sqlType}`
    case 'json':
      return `${column}::text::jsonb`
  }
}

function sqliteSql(column: string, from: SourceClass, to: ColumnType, sqlType: string): string {
  if (to.kind === 'boolean') return booleanSql(column, from, 'sqlite')
  switch (sqlType) {
    case 'real':
      return from === 'number' ? `cast(${column} as real)` : `cast(trim(${column}) as real)`
    case 'integer':
      return from === 'number'
        ? `cast(${column} as integer)`
        : `cast(cast(trim(${column}) as real) as integer)`
    default:
      return `cast(${column} as text)`
  }
}

/**
 * The conversion of a column of SQL type `fromType` to `to` (spelled `sqlType` in `dialect`).
 * When no value can convert (a time to a date), the expression is NULL.
 */
export function conversionOf(
  fromType: string,
  to: ColumnType,
  sqlType: string,
  dialect: Dialect,
): Conversion {
  const from = sourceClassOf(fromType, dialect)
  const check = checkOf(from, to, dialect)
  return {
    check,
    sql(column) {
      if (check === never) return dialect === 'postgres' ? `null::${sqlType}` : 'null'
      return dialect === 'postgres'
        ? postgresSql(column, from, to, sqlType)
        : sqliteSql(column, from, to, sqlType)
    },
  }
}
