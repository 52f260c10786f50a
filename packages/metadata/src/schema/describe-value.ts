/**
 * Words for schema messages: how a YAML value, a JSON Schema type and a regular expression read
 * to someone editing a metadata file. YAML users say "mapping" and "list", not "object" and
 * "array", and a snake_case rule reads better than its regular expression.
 */

const typeWords: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'a boolean (true or false)',
  object: 'a mapping',
  array: 'a list',
  null: 'an empty value',
}

/**
 * @example
 *   describeTypes(['boolean', 'object']) // → 'a boolean (true or false) or a mapping'
 */
export function describeTypes(types: readonly string[]): string {
  const words = types.map((t) => typeWords[t] ?? t)
  return words.length <= 1
    ? (words[0] ?? 'another type')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1) as string}`
}

/**
 * The type of a value as found in the file.
 *
 * @example
 *   describeFound('12') // → 'a string'
 *   describeFound(12)   // → 'a number'
 */
export function describeFound(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'number') return 'a number'
  if (typeof value === 'boolean') return 'a boolean'
  return 'a string'
}

/**
 * A value quoted for a message: strings in double quotes, other scalars as written, collections
 * by their kind.
 *
 * @example
 *   show('currancy') // → '"currancy"'
 */
export function show(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)
  if (value === null || value === undefined) return 'an empty value'
  if (Array.isArray(value)) return 'this list'
  if (typeof value === 'object') return 'this mapping'
  return String(value)
}

/** The patterns the schemas use, as sentences. */
const patternWords: Readonly<Record<string, string>> = {
  '^[a-z_][a-z0-9_]*$':
    'must be snake_case: lowercase letters, digits and "_", not starting with a digit',
  '^[a-z][a-z0-9_]*$':
    'must be snake_case: a lowercase letter, then lowercase letters, digits and "_"',
  '^[a-z][a-z0-9_.]*$': 'must be a lowercase letter, then lowercase letters, digits, "_" and "."',
  '^\\d+(h|d|w|y)$': 'must be a duration such as "24h", "7d", "2w" or "1y"',
  '^\\d+\\.\\d+\\.\\d+$': 'must be a version such as "1.0.0"',
  '^(?!(?:key|defaultValue)$)(default|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)$':
    'must be a language tag such as "en" or "pt-BR", or "default"',
}

/**
 * @example
 *   describePattern('^[a-z_][a-z0-9_]*$') // → 'must be snake_case: …'
 *   describePattern('^x+$')              // → 'must match the pattern ^x+$'
 */
export function describePattern(pattern: string): string {
  return patternWords[pattern] ?? `must match the pattern ${pattern}`
}

/** `1 item`, `3 items`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
