/**
 * A compiled object: its table, its fields (user fields and system columns) and its rules.
 * Frozen; a registry reload builds new nodes rather than mutating these.
 */
import type { FieldNode } from './field-node.js'
import type { ValidationNode } from './validation-node.js'

export interface IndexNode {
  readonly name: string
  readonly columns: readonly string[]
  readonly unique: boolean
}

/**
 * Who sees a record before any permission set's scope or viewAll widens it: its owner (and their
 * managers), everyone (read), or everyone (read and write).
 */
export type SharingModel = 'private' | 'public_read' | 'public_read_write'

export interface ObjectNode {
  readonly kind: 'object'
  readonly name: string
  readonly label: string
  readonly pluralLabel: string
  readonly table: string
  /** The field shown as the record's title. */
  readonly nameField: string | undefined
  /** Every field including system ones, in declaration order (system columns first). */
  readonly fields: ReadonlyMap<string, FieldNode>
  readonly validations: readonly ValidationNode[]
  readonly indexes: readonly IndexNode[]
  readonly sharingModel: SharingModel
  /** The metadata name this object had before (declared rename), if any. */
  readonly renamedFrom: string | undefined
  /** Field renames declared on this object: new name → old name. */
  readonly fieldRenames: ReadonlyMap<string, string>
  /** The file it was compiled from, relative to the app folder. */
  readonly file: string
}

export const ObjectNode = {
  create(props: Omit<ObjectNode, 'kind'>): ObjectNode {
    return Object.freeze({ kind: 'object', ...props })
  },
  is(node: { readonly kind: string }): node is ObjectNode {
    return node.kind === 'object'
  },
}
