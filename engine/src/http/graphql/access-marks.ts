/**
 * What each part of the generated schema exposes, written into the types' and fields'
 * `extensions` as the schema is built, so the schema a caller may see can be cut from it
 * (introspection-schema.ts) without rebuilding it: a record or page type names its object, a
 * record field the field it reads, a child list the child object and its lookup, a root field
 * the object and the right it needs.
 *
 * @example
 *   new GraphQLObjectType({ name: 'Account', extensions: objectMark('account'), fields })
 *   { type, extensions: { ...readsRecords, ...rootMark('account', 'create') } }
 */

/** The right a root field needs on its object. */
export type RootAction = 'read' | 'create' | 'edit' | 'delete'

export interface AccessMarks {
  /** Other extensions (`objectosReadsRecords`, query-limits.ts) sit beside the marks. */
  readonly [key: string]: unknown
  /** A record or page type: the object whose records it holds. */
  readonly objectosObject?: string
  /** A record type's value or lookup field: the object field it reads. */
  readonly objectosField?: string
  /** A record type's child list: the child object and its lookup to this one. */
  readonly objectosChildren?: { readonly child: string; readonly field: string }
  /** A root query or mutation: the object it reads or writes, and the right it needs. */
  readonly objectosRoot?: { readonly object: string; readonly action: RootAction }
}

export const objectMark = (object: string): AccessMarks => ({ objectosObject: object })

export const fieldMark = (field: string): AccessMarks => ({ objectosField: field })

export const childrenMark = (child: string, field: string): AccessMarks => ({
  objectosChildren: { child, field },
})

export const rootMark = (object: string, action: RootAction): AccessMarks => ({
  objectosRoot: { object, action },
})

/** The marks of a type or field (its `extensions`). */
export function marksOf(extensions: unknown): AccessMarks {
  return typeof extensions === 'object' && extensions !== null ? (extensions as AccessMarks) : {}
}
