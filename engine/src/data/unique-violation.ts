/**
 * Recognises a unique-constraint violation from either driver (SQLite SQLITE_CONSTRAINT_UNIQUE,
 * PostgreSQL 23505): the race a friendly pre-check cannot close, reported as the same 422.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown } | undefined
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === '23505'
}
