/**
 * Codes for field definitions that pass their schema but cannot work: a type without the key it
 * needs, a key its type ignores, keys that contradict each other, defaults and filter values the
 * field cannot hold. Most port the `@objectstack/spec` refinements that its JSON Schema loses.
 */
import { defineCodes } from '../diagnostic-spec.js'

export const fieldCodes = defineCodes({
  OOS_FIELD_MISSING_KEY: {
    severity: 'error',
    summary:
      'A field type cannot work without a companion key: `lookup` and `master_detail` need `reference`, `formula` needs `expression`, `summary` needs `summaryOperations`, and `select`, `multiselect`, `radio` and `checkboxes` need at least one of `options`. Action parameters of type `lookup` or `master_detail` need `reference` too.',
    message: (type: string, field: string, key: string) => `${type} field "${field}" has no ${key}`,
  },
  OOS_FIELD_KEY_NOT_APPLICABLE: {
    severity: 'error',
    summary:
      'A key is set on a field type that ignores it, so it would be accepted and do nothing: `maxLength`/`minLength` on a type that stores no bounded string, `rows` on a single-line type, `valueDomain` or `referenceVia` on a non-text field, `multiple: true` on a `radio` or a type that holds one value, and `reference`, `expression`, `returnType`, `summaryOperations`, `autonumberFormat`, `options` or `currencyConfig` on a type they do not belong to.',
    message: (key: string, type: string) => `"${key}" does not apply to a ${type} field`,
  },
  OOS_FIELD_CONFLICTING_KEYS: {
    severity: 'error',
    summary:
      'Two keys of a field contradict each other, e.g. `storage.notNull` with `requiredWhen` (the column would refuse the null the condition allows).',
    message: (key: string, other: string) => `"${key}" cannot be combined with "${other}"`,
  },
  OOS_FIELD_DELETE_BEHAVIOR: {
    severity: 'error',
    summary:
      'A `master_detail` field declares `deleteBehavior: set_null`; a detail record cannot outlive its master, so the engine would delete the children this asks to keep. Use `restrict`, `cascade`, or a `lookup` field.',
    message: (value: string) =>
      `deleteBehavior "${value}" is not possible on a master_detail field`,
  },
  OOS_FIELD_TREE_REFERENCE: {
    severity: 'error',
    summary:
      "A `tree` field's `reference` names another object; a tree is a parent/child hierarchy within its own object (use a `lookup` to link another object).",
    message: (field: string, object: string, reference: string) =>
      `tree field "${field}" of object "${object}" references "${reference}", not its own object`,
  },
  OOS_FIELD_CURRENCY_PRECISION: {
    severity: 'error',
    summary:
      'A currency field with a fixed currency declares a `precision` that contradicts the fraction digits of that currency (ISO 4217), e.g. `precision: 2` for JPY.',
    message: (currency: string, digits: number, precision: number) =>
      `currency ${currency} has ${digits} fraction digits, but precision is ${precision}`,
  },
  OOS_FIELD_BAD_RANGE: {
    severity: 'error',
    summary:
      'A lower bound is greater than its upper bound (`min` > `max`, `minLength` > `maxLength`), so no value can ever be written.',
    message: (low: string, lowValue: number, high: string, highValue: number) =>
      `${low} (${lowValue}) is greater than ${high} (${highValue}); no value can satisfy both`,
  },
  OOS_FIELD_DUPLICATE_OPTION: {
    severity: 'error',
    summary:
      'Two options of a select-like field store the same `value`; the stored value could not tell them apart.',
    message: (value: string, field: string) =>
      `option value "${value}" is listed more than once in field "${field}"`,
  },
  OOS_FIELD_MULTIPLE_DEFAULTS: {
    severity: 'error',
    summary:
      'More than one option of a single-choice field (`select`, `radio`) is marked `default: true`; a new record can take only one.',
    message: (field: string, first: string, second: string) =>
      `field "${field}" holds one value but marks both "${first}" and "${second}" as default`,
  },
  OOS_FIELD_DEFAULT_VALUE: {
    severity: 'error',
    summary:
      "A field's `defaultValue` is not a value the field can store (text on a number, a non-boolean on a boolean, a malformed date, a single value on a multi-value field, a number outside `min`/`max`), or a runtime token on a type it does not fit (`NOW()` outside date, datetime and time; `current_user` outside user fields).",
    message: (field: string, type: string, problem: string) =>
      `default value of ${type} field "${field}" ${problem}`,
  },
  OOS_FIELD_UNKNOWN_OPTION: {
    severity: 'error',
    summary:
      'A value meant for a select-like field is not one of its options: a `defaultValue`, or the value of a view, page, navigation or lookup filter on that field (e.g. `wroking` for `status`). Option values are compared exactly; labels do not count.',
    message: (value: string, field: string, object: string) =>
      `"${value}" is not an option of field "${field}" of object "${object}"`,
  },
  OOS_FIELD_AUTONUMBER_FORMAT: {
    severity: 'error',
    summary:
      'An `autonumberFormat` has no `{0000}` counter (every record would get the same number) or a `{token}` that is neither a date token (`{YYYY}`, `{MM}`, `{DD}`, `{YYYYMMDD}`) nor a field of the object.',
    message: (format: string, problem: string) => `autonumber format "${format}" ${problem}`,
  },
  OOS_FIELD_FILTER_VALUE_SHAPE: {
    severity: 'error',
    summary:
      'A filter value has the wrong shape for its operator: `in` and `not_in` take a list, `between` takes exactly `[min, max]`. The query would be refused at run time.',
    message: (operator: string, field: string, expected: string) =>
      `operator "${operator}" on field "${field}" takes ${expected}`,
  },
})
