/**
 * Codes for CEL expressions (formulas, validation rules, conditions, visibility predicates,
 * row-level security): they must parse, name only real fields and variables, type-check, and
 * return what their slot needs.
 */
import { defineCodes } from '../diagnostic-spec.js'

export const celCodes = defineCodes({
  OOS_CEL_SYNTAX: {
    severity: 'error',
    summary: 'A CEL expression does not parse; the column points at the offending character.',
    message: (detail: string) => `expression does not parse: ${detail}`,
  },
  OOS_CEL_UNKNOWN_FIELD: {
    severity: 'error',
    summary:
      'A CEL expression reads a field (`record.x`, `previous.x`, `parent.x`, or a bare name in row-level security) that its object does not declare.',
    message: (field: string, object: string) => `"${field}" is not a field of object "${object}"`,
  },
  OOS_CEL_UNKNOWN_VARIABLE: {
    severity: 'error',
    summary:
      'A CEL expression names a variable that is not bound where it runs; record expressions read fields through `record`, `previous` and `parent`, and the user through `current_user`.',
    message: (name: string) => `"${name}" is not defined in this expression`,
  },
  OOS_CEL_TYPE: {
    severity: 'error',
    summary:
      'A CEL expression does not type-check against the field types of its object (e.g. comparing a text field with a number, or an unknown function).',
    message: (detail: string) => `type error: ${detail}`,
  },
  OOS_CEL_NOT_BOOLEAN: {
    severity: 'error',
    summary:
      'A condition or predicate (validation rule, visibility, sharing, trigger, notification) does not evaluate to true or false.',
    message: (type: string) =>
      `a condition must evaluate to true or false, but this expression gives ${type}`,
  },
  OOS_CEL_RETURN_TYPE: {
    severity: 'error',
    summary: "A formula field's expression gives another type than its declared `returnType`.",
    message: (returnType: string, type: string) =>
      `the formula declares returnType ${returnType}, but its expression gives ${type}`,
  },
  OOS_CEL_NOT_ROW_FILTER: {
    severity: 'error',
    summary:
      "A sharing rule's `condition`, or a row-level security policy's `using` or `check`, is valid CEL but cannot become SQL: the filter ObjectOS adds to every query, or the test the database applies to a row a write has stored. Such a condition compares fields with literals or with values read from the user (`current_user.id`, or a user map indexed by a field: `current_user.organizationRoles[organization_id]`), with `==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `has()`, `&&`, `||` and `!`; functions of fields (`startsWith`, `size`), two fields compared, paths through lookups (`record.account.name`), arithmetic on fields, `previous` and `parent` are refused. The column points at the part that does not fit.",
    /** The reason is a whole sentence: "`startsWith` cannot become a row filter". */
    message: (reason: string) => reason,
  },
})
