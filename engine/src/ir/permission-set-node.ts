/**
 * A compiled permission set: what it grants on each object and field. Sets add up — the access
 * layer merges every set a user holds (engine/src/data/access) — and nothing not granted is
 * allowed.
 */
import type { RowCondition } from '@objectos/metadata'

/** How far a grant reaches over records: the user's own, theirs and their reports', or all. */
export type RecordScope = 'own' | 'own_and_reports' | 'org'

export interface ObjectGrant {
  readonly read: boolean
  readonly create: boolean
  readonly edit: boolean
  readonly delete: boolean
  /** Change a record's owner (`owner_id`), on create or update. */
  readonly transfer: boolean
  /** Read every record, whoever owns it. */
  readonly viewAll: boolean
  /** Read, edit and delete every record, whoever owns it. */
  readonly modifyAll: boolean
  /** Unset: the object's sharing model decides. */
  readonly readScope: RecordScope | undefined
  readonly writeScope: RecordScope | undefined
}

export interface FieldGrant {
  readonly readable: boolean
  readonly editable: boolean
}

/** The operations a row-level policy covers (`all` compiles to every one). */
export type RowOperation = 'select' | 'insert' | 'update' | 'delete'

/**
 * A row-level security policy of a set: the rows of `object` its holders may reach are narrowed
 * to those `using` matches (select, update, delete), and a record they insert or update must
 * satisfy `check`. Several applicable policies OR together.
 */
export interface RowPolicyNode {
  readonly name: string
  readonly object: string
  readonly operations: ReadonlySet<RowOperation>
  /** Lowered from CEL; undefined for an insert-only policy without one. */
  readonly using: RowCondition | undefined
  /**
   * What a record written (insert, update) must satisfy, lowered from CEL like `using` and asked
   * of the database on the row as stored. Without it, the written row must match `using`.
   */
  readonly check: RowCondition | undefined
  /** The positions the policy applies to; undefined: every holder of the set. */
  readonly positions: readonly string[] | undefined
}

export interface PermissionSetNode {
  readonly kind: 'permission_set'
  readonly name: string
  readonly label: string
  readonly file: string
  /** By object name. */
  readonly objects: ReadonlyMap<string, ObjectGrant>
  /** By object name, then field name: the fields this set names explicitly. */
  readonly fields: ReadonlyMap<string, ReadonlyMap<string, FieldGrant>>
  /** Bound to every signed-in user (the spec's `everyone` position). */
  readonly isDefault: boolean
  readonly policies: readonly RowPolicyNode[]
}
