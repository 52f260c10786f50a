/**
 * @objectos/errors — the one catalog of runtime errors. Every code lives here, so the HTTP edge,
 * the typed client and the docs agree on them.
 *
 * @example
 *   import { RecordNotFound } from '@objectos/errors'
 *   throw RecordNotFound.create('account', id)
 */
export { ObjectOSError, type FieldError } from './objectos-error.js'
export { defineError, definedErrors, type ErrorDefinition } from './define-error.js'
export * from './data-errors.js'
export * from './access-errors.js'
export * from './auth-errors.js'
export * from './engine-errors.js'
export * from './http-errors.js'
export { renderErrorsReference } from './render-errors-reference.js'
