/**
 * Renders docs/reference/field-types.md from the engine's own tables: each supported field type,
 * how its value looks in the API, and the column it gets on SQLite and PostgreSQL. A test keeps
 * the committed file in sync (`npm run docs`).
 */
import { fieldStorage } from '../compile/field-storage.js'
import { systemFields } from '../compile/system-fields.js'
import { columnTypeOf, sqlTypeName } from '../data/schema/column-type.js'
import { FieldNode, type FieldStorage } from '../ir/field-node.js'

const valueShape: Readonly<Record<FieldStorage, string>> = {
  string: 'string',
  number: 'number',
  integer: 'whole number',
  boolean: '`true` / `false`',
  date: '`"YYYY-MM-DD"`',
  datetime: 'ISO 8601 in UTC, `"2026-05-01T09:30:00.000Z"`',
  time: '`"HH:MM:SS"`',
  json: 'any JSON value',
  reference: 'the id of the referenced record',
}

const notes: Readonly<Record<string, string>> = {
  email: 'checked as an email address',
  url: 'checked as an http(s) URL',
  color: 'checked as `#rgb` or `#rrggbb`',
  currency: 'rounded to `currencyConfig.precision` (default 2)',
  rating: 'whole number, `max` defaults to 5',
  select: 'one of `options`',
  radio: 'one of `options`',
  multiselect: 'list of `options` values',
  checkboxes: 'list of `options` values',
  tags: 'list of free strings',
  lookup: 'must exist; `deleteBehavior` set_null (default), restrict or cascade',
  master_detail: 'must exist; deleting the master cascades by default',
  autonumber: 'assigned on create from `autonumberFormat`; never repeats',
  formula: 'computed on every write from `expression`, stored; type from `returnType`',
  summary: 'roll-up over master-detail children, kept current on every child write',
}

function exampleField(type: string, storage: FieldStorage, multiple: boolean): FieldNode {
  const base = systemFields[0] as FieldNode
  return FieldNode.create({
    ...base,
    type,
    storage,
    multiple,
    scale: type === 'currency' ? 2 : undefined,
  })
}

export function renderFieldTypesReference(): string {
  const lines = [
    '<!-- Generated from engine/src/compile/field-storage.ts by `npm run docs`. Do not edit. -->',
    '# Field types',
    '',
    'The field types this version of ObjectOS stores, what their values look like through the',
    'APIs, and the column each becomes. Any other type the spec lists is refused by',
    '`objectos validate` (it would otherwise be a column nothing checks).',
    '',
    '| Type | Value | SQLite | PostgreSQL | Notes |',
    '| --- | --- | --- | --- | --- |',
  ]
  for (const [type, info] of Object.entries(fieldStorage)) {
    const storage = type === 'formula' ? 'string' : info.storage
    const field = exampleField(type, storage, info.multiple === true)
    const column = columnTypeOf(field)
    const value =
      type === 'formula'
        ? 'as `returnType`: number, text, boolean or date'
        : info.multiple === true
          ? 'list of strings'
          : type === 'summary'
            ? 'number (count: whole number)'
            : valueShape[storage]
    const sqlite = type === 'formula' ? 'by `returnType`' : sqlTypeName(column, 'sqlite')
    const postgres = type === 'formula' ? 'by `returnType`' : sqlTypeName(column, 'postgres')
    lines.push(`| \`${type}\` | ${value} | ${sqlite} | ${postgres} | ${notes[type] ?? ''} |`)
  }
  lines.push(
    '',
    '## System fields',
    '',
    'Every object also has these fields. Only the engine writes them, except `owner_id`.',
    '',
    '| Field | Value | Meaning |',
    '| --- | --- | --- |',
    '| `id` | string | UUID version 7, assigned on create |',
    '| `created_at`, `updated_at` | date-time | set on create and on every update |',
    '| `created_by`, `updated_by` | user id | who created and last changed the record |',
    '| `owner_id` | user id | the owner; defaults to the creator |',
    '| `version` | whole number | starts at 1, +1 on every change; the ETag for optimistic concurrency |',
    '',
  )
  return lines.join('\n')
}
