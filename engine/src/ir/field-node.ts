/**
 * A compiled field: what the data layer needs to store, check and compute one field, resolved
 * once at compile time so the request path never re-reads YAML-shaped definitions.
 */
import type { Program } from './program.js'

/** How a value is held in a column; one storage per supported field type (see field-storage.ts). */
export type FieldStorage =
  'string' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime' | 'time' | 'json' | 'reference'

/** How a field gets its value. */
export type FieldValueSource = 'input' | 'formula' | 'summary' | 'autonumber' | 'system'

export interface SelectOption {
  readonly value: string
  readonly label: string
}

export interface ReferenceInfo {
  readonly object: string
  readonly masterDetail: boolean
  readonly deleteBehavior: 'set_null' | 'cascade' | 'restrict'
}

export interface SummaryInfo {
  readonly childObject: string
  /** The child's master_detail/lookup field pointing at this object. */
  readonly relationshipField: string
  readonly fn: 'count' | 'sum' | 'min' | 'max' | 'avg'
  /** The child field aggregated (absent for count). */
  readonly childField: string | undefined
}

export interface FieldNode {
  readonly kind: 'field'
  readonly name: string
  readonly label: string
  /** The metadata type, e.g. `currency`. */
  readonly type: string
  readonly storage: FieldStorage
  readonly column: string
  readonly source: FieldValueSource
  /** Holds a list of values (multiselect, tags, checkboxes). */
  readonly multiple: boolean
  readonly required: boolean
  readonly unique: boolean
  readonly readonly: boolean
  /** Matched by the free-text `search` of a query. */
  readonly searchable: boolean
  /** Each change of the value is kept in `sys_field_history` (`trackHistory: true`). */
  readonly trackHistory: boolean
  readonly minLength: number | undefined
  readonly maxLength: number | undefined
  readonly min: number | undefined
  readonly max: number | undefined
  /** Decimal places kept for numbers (currency precision, scale). */
  readonly scale: number | undefined
  readonly options: readonly SelectOption[] | undefined
  /** A value check beyond the storage type: email, url, color. */
  readonly format: 'email' | 'url' | 'color' | undefined
  readonly defaultValue: DefaultValue | undefined
  readonly reference: ReferenceInfo | undefined
  readonly formula: Program | undefined
  readonly formulaReturn: 'number' | 'text' | 'boolean' | 'date' | undefined
  readonly summary: SummaryInfo | undefined
  readonly autonumberFormat: string | undefined
}

/** A default applied on create when the field is omitted or null. */
export type DefaultValue =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'now' }
  | { readonly kind: 'expression'; readonly program: Program }

export const FieldNode = {
  create(props: Omit<FieldNode, 'kind'>): FieldNode {
    return Object.freeze({ kind: 'field', ...props })
  },
}
