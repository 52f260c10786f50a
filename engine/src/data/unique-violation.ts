/**
 * Recognises a unique-constraint violation from either driver (SQLite SQLITE_CONSTRAINT_UNIQUE,
 * PostgreSQL 23505): the race a friendly pre-check cannot close, reported as the same 422.
 */
import { ValidationFailed } from '@objectos/errors'

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown } | undefined
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === '23505'
}

/** The error to throw for `error`: a unique violation becomes ValidationFailed, others stay. */
export function uniqueViolationAsValidation(error: unknown, object: string): unknown {
  if (!isUniqueViolation(error)) return error
  const message = `a unique value is already used by another ${object}`
  return ValidationFailed.withFields([{ field: '', code: 'unique', message }], object, 1)
}
