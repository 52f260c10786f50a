/**
 * Declares one catalog entry: a code, a message built from typed arguments and an HTTP status.
 * The entry creates errors and recognises them, so callers never compare code strings by hand.
 *
 * @example
 *   export const UnknownOperator = defineError(
 *     'OOS_DATA_UNKNOWN_OPERATOR',
 *     (op: string, field: string) => `operator "${op}" is not supported on "${field}"`,
 *     400,
 *   )
 *   throw UnknownOperator.create('$sortof', 'name')
 */
import { ObjectOSError, type FieldError } from './objectos-error.js'

export interface ErrorDefinition<A extends readonly unknown[]> {
  readonly code: string
  readonly status: number
  /** A sample message, for the generated reference. */
  readonly describe: (...args: A) => string
  create(...args: A): ObjectOSError
  /** Creates the error with per-field problems attached. */
  withFields(errors: readonly FieldError[], ...args: A): ObjectOSError
  is(error: unknown): error is ObjectOSError
}

const registry = new Map<string, ErrorDefinition<never[]>>()

export function defineError<A extends readonly unknown[]>(
  code: string,
  message: (...args: A) => string,
  status: number,
): ErrorDefinition<A> {
  if (registry.has(code)) throw new Error(`error code ${code} is defined twice`)
  const definition: ErrorDefinition<A> = {
    code,
    status,
    describe: message,
    create: (...args) => new ObjectOSError(code, message(...args), status),
    withFields: (errors, ...args) => new ObjectOSError(code, message(...args), status, errors),
    is: (error): error is ObjectOSError => error instanceof ObjectOSError && error.code === code,
  }
  registry.set(code, definition as unknown as ErrorDefinition<never[]>)
  return definition
}

/** Every defined error, in definition order (for references and tests). */
export function definedErrors(): readonly ErrorDefinition<never[]>[] {
  return [...registry.values()]
}
