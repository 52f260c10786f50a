/**
 * Narrowing helpers for document values. Rules read `ParsedDocument.value`, which is `unknown`:
 * the symbol table is built from every parsed file, schema-valid or not, so nothing about its
 * shape may be assumed. These helpers make "read it if it has the expected shape" short.
 */

/** A plain mapping (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value when it is a non-empty string. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

/** The value when it is an array, else an empty array. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : []
}

/** The entries of a mapping, or none. */
export function entriesOf(value: unknown): [string, unknown][] {
  return isRecord(value) ? Object.entries(value) : []
}

/** `value[key]` when `value` is a mapping. */
export function get(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined
}
