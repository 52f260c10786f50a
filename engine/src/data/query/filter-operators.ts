/**
 * The closed list of filter operators and which of them each kind of field accepts. An operator
 * outside the list, or one that makes no sense for the field (`$contains` on a number), is an
 * UnknownOperator error — never a silent equality.
 */
import type { FieldNode } from '../../ir/field-node.js'

export const filterOperators = [
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$between',
  '$contains',
  '$startsWith',
  '$endsWith',
  '$null',
  '$exists',
] as const

export type FilterOperator = (typeof filterOperators)[number]

/** How a field behaves in a filter, derived from its storage. */
export type FilterKind = 'text' | 'reference' | 'number' | 'boolean' | 'temporal' | 'list' | 'json'

const presence: readonly FilterOperator[] = ['$null', '$exists']
const ordered: readonly FilterOperator[] = [
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$between',
  ...presence,
]

const allowed: Readonly<Record<FilterKind, ReadonlySet<FilterOperator>>> = {
  text: new Set([...ordered, '$contains', '$startsWith', '$endsWith']),
  reference: new Set(['$eq', '$ne', '$in', '$nin', ...presence]),
  number: new Set(ordered),
  temporal: new Set(ordered),
  boolean: new Set(['$eq', '$ne', ...presence]),
  list: new Set(['$contains', '$in', '$nin', ...presence]),
  json: new Set(presence),
}

const known: ReadonlySet<string> = new Set(filterOperators)

export function isFilterOperator(op: string): op is FilterOperator {
  return known.has(op)
}

export function filterKindOf(field: FieldNode): FilterKind {
  if (field.multiple) return 'list'
  switch (field.storage) {
    case 'string':
      return 'text'
    case 'reference':
      return 'reference'
    case 'number':
    case 'integer':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'date':
    case 'datetime':
    case 'time':
      return 'temporal'
    case 'json':
      return 'json'
  }
}

export function operatorAllowed(kind: FilterKind, op: FilterOperator): boolean {
  return allowed[kind].has(op)
}
