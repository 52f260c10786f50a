/**
 * How each supported field type is stored and checked. The list of supported types is the one
 * `objectos validate` enforces (a type missing here is a validation error, never a silent
 * column); field-storage.test.ts keeps the two in step.
 */
import type { FieldStorage } from '../ir/field-node.js'

export interface TypeStorage {
  readonly storage: FieldStorage
  /** Always holds a list. */
  readonly multiple?: boolean
  readonly format?: 'email' | 'url' | 'color'
}

export const fieldStorage: Readonly<Record<string, TypeStorage>> = {
  text: { storage: 'string' },
  textarea: { storage: 'string' },
  markdown: { storage: 'string' },
  html: { storage: 'string' },
  richtext: { storage: 'string' },
  code: { storage: 'string' },
  phone: { storage: 'string' },
  email: { storage: 'string', format: 'email' },
  url: { storage: 'string', format: 'url' },
  color: { storage: 'string', format: 'color' },
  number: { storage: 'number' },
  currency: { storage: 'number' },
  percent: { storage: 'number' },
  rating: { storage: 'integer' },
  boolean: { storage: 'boolean' },
  toggle: { storage: 'boolean' },
  date: { storage: 'date' },
  datetime: { storage: 'datetime' },
  time: { storage: 'time' },
  select: { storage: 'string' },
  radio: { storage: 'string' },
  multiselect: { storage: 'json', multiple: true },
  checkboxes: { storage: 'json', multiple: true },
  tags: { storage: 'json', multiple: true },
  lookup: { storage: 'reference' },
  master_detail: { storage: 'reference' },
  autonumber: { storage: 'string' },
  json: { storage: 'json' },
  // formula and summary take the storage of what they compute (compile-field.ts).
  formula: { storage: 'string' },
  summary: { storage: 'number' },
}

/** A formula's returnType → storage. */
export const formulaStorage: Readonly<Record<string, FieldStorage>> = {
  number: 'number',
  text: 'string',
  boolean: 'boolean',
  date: 'date',
}
