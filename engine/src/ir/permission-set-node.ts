/**
 * A compiled permission set: what it grants on each object and field. Sets add up — the access
 * layer merges every set a user holds (engine/src/data/access) — and nothing not granted is
 * allowed.
 */

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

export interface PermissionSetNode {
  readonly kind: 'permission_set'
  readonly name: string
  readonly label: string
  readonly file: string
  /** By object name. */
  readonly objects: ReadonlyMap<string, ObjectGrant>
  /** By object name, then field name: the fields this set names explicitly. */
  readonly fields: ReadonlyMap<string, ReadonlyMap<string, FieldGrant>>
}
