/**
 * Codes for the schema stage: a file's data checked against its kind's JSON Schema. Each code is
 * one kind of mistake, so editors and CI can group them; the message says what was expected and
 * what was found, the hint suggests the likely fix.
 */
import { defineCodes } from '../diagnostic-spec.js'

export const schemaCodes = defineCodes({
  OOS_SCHEMA_UNKNOWN_KEY: {
    severity: 'error',
    summary:
      'A key the schema does not define at this place; often a typo (the hint names the closest key).',
    message: (key: string) => `unknown key "${key}"`,
  },
  OOS_SCHEMA_MISSING_KEY: {
    severity: 'error',
    summary: 'A required key is missing from the mapping.',
    message: (key: string) => `missing required key "${key}"`,
  },
  OOS_SCHEMA_WRONG_TYPE: {
    severity: 'error',
    summary: 'The value has the wrong type, e.g. text where a number or a list is expected.',
    message: (expected: string, found: string) => `expected ${expected}, found ${found}`,
  },
  OOS_SCHEMA_BAD_VALUE: {
    severity: 'error',
    summary: 'The value is not one of the values allowed here (an enumeration or a fixed value).',
    message: (value: string) => `${value} is not an allowed value here`,
  },
  OOS_SCHEMA_PATTERN: {
    severity: 'error',
    summary: 'A value or key does not have the required form, e.g. a name that is not snake_case.',
    message: (subject: string, requirement: string) => `${subject} ${requirement}`,
  },
  OOS_SCHEMA_RANGE: {
    severity: 'error',
    summary: 'A number, text length, list length or key count is outside the allowed range.',
    message: (requirement: string, found: string) => `must be ${requirement}, found ${found}`,
  },
  OOS_SCHEMA_FORMAT: {
    severity: 'error',
    summary: 'A text value is not in the required format (a URI, a date-time, an email address…).',
    message: (value: string, format: string) => `${value} is not a valid ${format}`,
  },
  OOS_SCHEMA_REMOVED_KEY: {
    severity: 'error',
    summary:
      'A key the metadata spec has removed (or ObjectOS does not implement); the hint says what to write instead.',
    message: (key: string) => `key "${key}" is not supported by this version of ObjectOS`,
  },
  OOS_SCHEMA_INVALID: {
    severity: 'error',
    summary:
      'The value breaks a schema rule no other code describes (a fallback); the message gives the rule.',
    message: (detail: string) => detail,
  },
})
