/**
 * Errors of the data layer: queries, writes and record semantics. Codes are stable; messages name
 * the object, field, operator or parameter at fault.
 */
import { defineError } from './define-error.js'

export const UnknownObject = defineError(
  'OOS_DATA_UNKNOWN_OBJECT',
  (object: string) => `object "${object}" does not exist`,
  404,
)

export const RecordNotFound = defineError(
  'OOS_DATA_NOT_FOUND',
  (object: string, id: string) => `${object} "${id}" does not exist`,
  404,
)

export const UnknownField = defineError(
  'OOS_DATA_UNKNOWN_FIELD',
  (object: string, field: string, where: string) =>
    `"${field}" is not a field of ${object} (in ${where})`,
  400,
)

export const UnknownOperator = defineError(
  'OOS_DATA_UNKNOWN_OPERATOR',
  (op: string, field: string) => `operator "${op}" is not supported on "${field}"`,
  400,
)

export const InvalidFilter = defineError(
  'OOS_DATA_INVALID_FILTER',
  (detail: string) => `invalid filter: ${detail}`,
  400,
)

export const InvalidQuery = defineError(
  'OOS_DATA_INVALID_QUERY',
  (parameter: string, detail: string) => `invalid ${parameter}: ${detail}`,
  400,
)

export const InvalidCursor = defineError(
  'OOS_DATA_INVALID_CURSOR',
  () => 'the cursor is malformed or belongs to a different sort',
  400,
)

export const ValidationFailed = defineError(
  'OOS_DATA_VALIDATION_FAILED',
  (object: string, count: number) =>
    `the ${object} record is invalid (${count} problem${count === 1 ? '' : 's'})`,
  422,
)

export const VersionConflict = defineError(
  'OOS_DATA_VERSION_CONFLICT',
  (object: string, id: string, expected: number) =>
    `${object} "${id}" was changed by someone else (expected version ${expected})`,
  412,
)

export const DeleteRestricted = defineError(
  'OOS_DATA_DELETE_RESTRICTED',
  (object: string, id: string, child: string, field: string) =>
    `${object} "${id}" cannot be deleted: ${child} records still refer to it through "${field}"`,
  409,
)

export const ReadonlyField = defineError(
  'OOS_DATA_READONLY_FIELD',
  (object: string, field: string) => `"${field}" of ${object} is computed and cannot be written`,
  400,
)
