/**
 * The CEL type of each field type, so `check()` can catch `record.name > 5` before it runs. Text
 * of every kind (including picklists, autonumbers and times of day) is `string`; numbers, currency
 * and percentages are `double`; dates and datetimes are timestamps; relationship fields hold the
 * target's id (`string`, or `list<string>` when `multiple`); multi-value picklists and tags are
 * `list<string>`. Structured values (files, addresses, JSON, composites) are `dyn`: their inside
 * is not typed. A formula has the type of its `returnType`, a summary that of its function.
 */
import type { FieldSymbol, SymbolTable } from '../symbol-table.js'

const byFieldType: Readonly<Record<string, string>> = {
  text: 'string',
  textarea: 'string',
  email: 'string',
  url: 'string',
  phone: 'string',
  password: 'string',
  secret: 'string',
  markdown: 'string',
  html: 'string',
  richtext: 'string',
  code: 'string',
  color: 'string',
  signature: 'string',
  qrcode: 'string',
  autonumber: 'string',
  time: 'string',
  select: 'string',
  radio: 'string',
  lookup: 'string',
  master_detail: 'string',
  tree: 'string',
  user: 'string',
  number: 'double',
  currency: 'double',
  percent: 'double',
  rating: 'double',
  slider: 'double',
  progress: 'double',
  integer: 'int',
  date: 'google.protobuf.Timestamp',
  datetime: 'google.protobuf.Timestamp',
  boolean: 'bool',
  toggle: 'bool',
  multiselect: 'list<string>',
  checkboxes: 'list<string>',
  tags: 'list<string>',
  vector: 'list<double>',
}

/** Types whose `multiple: true` makes a list of ids or values. */
const listWhenMultiple: ReadonlySet<string> = new Set([
  'select',
  'radio',
  'lookup',
  'master_detail',
  'tree',
  'user',
])

/** A formula's `returnType` → CEL type. */
export const celTypeOfReturnType: Readonly<Record<string, string>> = {
  number: 'double',
  text: 'string',
  boolean: 'bool',
  date: 'google.protobuf.Timestamp',
}

/**
 * The CEL type a field reads as in `record.<field>`.
 *
 * @example
 *   celTypeOf({ type: 'currency', … }, symbols) // → 'double'
 *   celTypeOf({ type: 'lookup', multiple: true, … }, symbols) // → 'list<string>'
 */
export function celTypeOf(field: FieldSymbol, symbols: SymbolTable, depth = 0): string {
  const type = field.type ?? ''
  if (type === 'formula') return celTypeOfReturnType[field.returnType ?? ''] ?? 'dyn'
  if (type === 'summary') return summaryType(field, symbols, depth)
  if (field.multiple && listWhenMultiple.has(type)) return 'list<string>'
  return byFieldType[type] ?? 'dyn'
}

function summaryType(field: FieldSymbol, symbols: SymbolTable, depth: number): string {
  const { fn, object, field: childField } = field.summary
  if (fn === 'count') return 'int'
  if (fn === 'sum' || fn === 'avg') return 'double'
  // min/max keep the type of the aggregated field; a chain of summaries stays shallow.
  const child = symbols.objects.get(object ?? '')?.fields.get(childField ?? '')
  return child === undefined || depth > 2 ? 'dyn' : celTypeOf(child, symbols, depth + 1)
}
