/**
 * Access errors: who may do what. A record the caller may not see is never one of these — it is
 * RecordNotFound (404), exactly like a record that does not exist.
 */
import { defineError } from './define-error.js'

export const Unauthenticated = defineError(
  'OOS_ACCESS_UNAUTHENTICATED',
  () => 'sign in, or send an API key as "Authorization: Bearer <key>"',
  401,
)

export const ObjectAccessDenied = defineError(
  'OOS_ACCESS_OBJECT_DENIED',
  (operation: 'read' | 'create' | 'edit' | 'delete', object: string) =>
    `you may not ${operation} ${object} records`,
  403,
)

export const RecordAccessDenied = defineError(
  'OOS_ACCESS_RECORD_DENIED',
  (operation: 'edit' | 'delete', object: string, id: string) =>
    `you may read ${object} "${id}" but not ${operation} it`,
  403,
)

export const FieldAccessDenied = defineError(
  'OOS_ACCESS_FIELD_DENIED',
  (action: string, object: string, field: string) =>
    `you may not ${action} "${field}" of ${object}`,
  403,
)

export const OwnerChangeDenied = defineError(
  'OOS_ACCESS_OWNER_DENIED',
  (object: string) => `you may not choose or change the owner of ${object} records`,
  403,
)

export const AdminRequired = defineError(
  'OOS_ACCESS_ADMIN_REQUIRED',
  (what: string) => `only an administrator may ${what}`,
  403,
)

export const ViewOnly = defineError(
  'OOS_ACCESS_VIEW_ONLY',
  () => 'viewing as another user is read-only; send the request without objectos-view-as to write',
  403,
)

export const ForeignOrigin = defineError(
  'OOS_ACCESS_FOREIGN_ORIGIN',
  (origin: string) =>
    `a change sent with a session cookie must come from this app's own origin, not ${origin}`,
  403,
)

export const RowPolicyDenied = defineError(
  'OOS_ACCESS_POLICY_DENIED',
  (operation: 'create' | 'edit', object: string, policies: string) =>
    `the ${object} record you ${operation === 'create' ? 'create' : 'save'} must satisfy a row-level policy of your permission sets (${policies})`,
  403,
)

export const ShareDenied = defineError(
  'OOS_ACCESS_SHARE_DENIED',
  (object: string, id: string) =>
    `only someone who may edit ${object} "${id}" through ownership (its owner, those above the owner, modify-all, administrators) may share it`,
  403,
)
