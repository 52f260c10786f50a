/**
 * What each GraphQL field of a record type stands for, kept beside the generated types so the
 * resolvers and the field selection (selection-fields.ts) map GraphQL names back to the data
 * layer's without re-deriving them per request.
 */
import type { ObjectNode } from '../../ir/object-node.js'

export type FieldBinding =
  /** A stored or computed value, read from the record as it is. */
  | { readonly kind: 'value'; readonly field: string }
  /** A lookup: the record's `field` holds the id of a `target` record. */
  | { readonly kind: 'lookup'; readonly field: string; readonly target: string }
  /** The `child` records whose lookup `field` holds this record's id. */
  | { readonly kind: 'children'; readonly child: string; readonly field: string }

export interface RecordBinding {
  readonly object: ObjectNode
  readonly typeName: string
  /** GraphQL field name → what it reads. */
  readonly fields: ReadonlyMap<string, FieldBinding>
}
