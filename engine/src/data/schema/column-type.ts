/**
 * The column each field storage becomes, per dialect. One table, so `plan` (which compares
 * these with the live database) and the write path (which encodes values for them) agree.
 */
import type { Dialect } from '../connection/database.js'
import type { FieldNode } from '../../ir/field-node.js'

/** A dialect-neutral column type; `numeric` carries its scale. */
export type ColumnType =
  | { readonly kind: 'text' }
  | { readonly kind: 'double' }
  | { readonly kind: 'numeric'; readonly scale: number }
  | { readonly kind: 'integer' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'date' }
  | { readonly kind: 'datetime' }
  | { readonly kind: 'time' }
  | { readonly kind: 'json' }

export function columnTypeOf(field: FieldNode): ColumnType {
  switch (field.storage) {
    case 'string':
    case 'reference':
      return { kind: 'text' }
    case 'number':
      return field.type === 'currency' && field.scale !== undefined
        ? { kind: 'numeric', scale: field.scale }
        : { kind: 'double' }
    case 'integer':
      return { kind: 'integer' }
    case 'boolean':
      return { kind: 'boolean' }
    case 'date':
      return { kind: 'date' }
    case 'datetime':
      return { kind: 'datetime' }
    case 'time':
      return { kind: 'time' }
    case 'json':
      return { kind: 'json' }
  }
}

/** The SQL type name as the database reports it back (used to compare and to print plans). */
export function sqlTypeName(type: ColumnType, dialect: Dialect): string {
  if (dialect === 'sqlite') {
    switch (type.kind) {
      case 'double':
      case 'numeric':
        return 'real'
      case 'integer':
      case 'boolean':
        return 'integer'
      default:
        return 'text'
    }
  }
  switch (type.kind) {
    case 'text':
      return 'text'
    case 'double':
      return 'double precision'
    case 'numeric':
      return `numeric(18,${type.scale})`
    case 'integer':
      return 'integer'
    case 'boolean':
      return 'boolean'
    case 'date':
      return 'date'
    case 'datetime':
      return 'timestamp with time zone'
    case 'time':
      return 'time without time zone'
    case 'json':
      return 'jsonb'
  }
}
