/**
 * Codes for the cross-file rules: references from one entity to another (objects, fields,
 * dashboards, pages, flows, permission sets), duplicate names, and names that would break the
 * SQL databases the engine maps objects and fields onto.
 */
import { defineCodes } from '../diagnostic-spec.js'
import { systemColumnNames } from '../../rules/names/system-columns.js'

export const ruleCodes = defineCodes({
  OOS_REF_UNKNOWN_OBJECT: {
    severity: 'error',
    summary:
      'A reference names an object that no `*.object.yaml` file of the app declares (lookup targets, permission and sharing objects, trigger, view, flow and notification objects, navigation items).',
    message: (role: string, name: string) => `${role} "${name}" is not an object in this app`,
  },
  OOS_REF_UNKNOWN_FIELD: {
    severity: 'error',
    summary:
      "A reference names a field that its object does not declare (field permissions, view columns, filters and sorts, lookup display fields, name and search fields, indexes, recipients, template placeholders). The engine's system columns count as declared.",
    message: (field: string, object: string) => `"${field}" is not a field of object "${object}"`,
  },
  OOS_REF_UNKNOWN_TARGET: {
    severity: 'error',
    summary:
      'A reference names a dashboard, page, flow, permission set or flow node that is not declared where it should be.',
    message: (what: string, name: string, where: string) =>
      `${what} "${name}" is not declared in ${where}`,
  },
  OOS_REF_FIELD_TYPE: {
    severity: 'error',
    summary:
      'A field is used where another type of field is required, e.g. a notification recipient field that holds neither a user nor an email address.',
    message: (field: string, type: string, expected: string) =>
      `field "${field}" is of type ${type}, but ${expected}`,
  },
  OOS_REF_FIELD_PERMISSION_KEY: {
    severity: 'error',
    summary:
      "A key of a permission set's `fields` map is not written `object.field`: one object of the app and one of its own fields, not a path through a lookup.",
    message: (key: string) => `field permission "${key}" must be written as object.field`,
  },
  OOS_NAME_DUPLICATE: {
    severity: 'error',
    summary: 'Two files of the same kind declare the same `name`; names are unique per kind.',
    message: (kind: string, name: string, otherFile: string) =>
      `${kind} "${name}" is also declared in ${otherFile}`,
  },
  OOS_NAME_DUPLICATE_ITEM: {
    severity: 'error',
    summary:
      'A name that must be unique inside one file is used twice (validation rules, indexes, field groups, flow nodes, edges and variables, dashboard widgets, row-level security policies).',
    message: (what: string, name: string) => `${what} "${name}" is declared more than once`,
  },
  OOS_NAME_FIELD_KEY_MISMATCH: {
    severity: 'error',
    summary:
      "A field's `name` differs from its key under `fields`; the key is the field's name, so the two would declare different fields.",
    message: (key: string, name: string) =>
      `field "${key}" declares name "${name}"; a field is named by its key`,
  },
  OOS_NAME_RESERVED_WORD: {
    severity: 'error',
    summary:
      'An object or field name is a reserved word of PostgreSQL, SQLite or CEL (`select`, `order`, `group`, `user`, `table`, …); it cannot be used unquoted as a table or column name, or read in an expression.',
    message: (what: string, name: string, where: string) =>
      `${what} name "${name}" is a reserved word in ${where}`,
  },
  OOS_NAME_TOO_LONG: {
    severity: 'error',
    summary:
      'An object or field name is longer than 63 bytes, the longest identifier PostgreSQL keeps (longer names are silently truncated and can collide).',
    message: (what: string, name: string, bytes: number) =>
      `${what} name "${name}" is ${bytes} bytes long; PostgreSQL identifiers hold at most 63`,
  },
  OOS_NAME_SYSTEM_TABLE: {
    severity: 'error',
    summary:
      'An object name starts with `objectos_`, the prefix of the tables the engine keeps for itself (migration history, autonumber counters, the outbox).',
    message: (name: string) =>
      `object name "${name}" starts with "objectos_", which is reserved for the engine's own tables`,
  },
  OOS_NAME_SYSTEM_COLUMN: {
    severity: 'error',
    summary: `A field is named like a system column the engine adds to every table (${systemColumnNames.map((c) => `\`${c}\``).join(', ')}).`,
    message: (name: string) =>
      `field "${name}" collides with the system column "${name}" that ObjectOS adds to every table`,
  },
})
