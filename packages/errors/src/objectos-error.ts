/**
 * The one runtime error type. Every failure the engine reports on purpose is an ObjectOSError
 * with a stable `code` from the catalog and the HTTP `status` the edge will answer with; only
 * the HTTP and GraphQL layers decide how it is shaped on the wire.
 */

/** One problem with one field of a write, e.g. a required field left empty. */
export interface FieldError {
  readonly field: string
  readonly code: string
  readonly message: string
}

export class ObjectOSError extends Error {
  readonly code: string
  readonly status: number
  /** Per-field problems of a rejected write (validation errors). */
  readonly errors: readonly FieldError[]

  constructor(code: string, message: string, status: number, errors: readonly FieldError[] = []) {
    super(message)
    this.name = 'ObjectOSError'
    this.code = code
    this.status = status
    this.errors = errors
  }
}
