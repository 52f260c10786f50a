/**
 * What to tell a user who sets a key (or a value) this version of ObjectOS does not act on: why it
 * is refused and, where there is one, what does the job instead. Keys without an entry get the
 * plain advice to remove them.
 */
import { packageKeys } from './honoured-keys.js'

const packageHint =
  'package locks and provenance come from ObjectStack package installs, which ObjectOS does not do; remove it'
const uiLater = 'the generated UI does not read it yet; remove it'
const removeIt = 'the engine would ignore it; remove it'

const fieldHints: Readonly<Record<string, string>> = {
  multiple:
    'for several values use a multiselect, checkboxes or tags field; a lookup holds one record',
  storage: 'the engine chooses the column from the field type; remove it',
  format: 'the type sets the format (email, url, …); check a pattern with a format validation rule',
  valueDomain: 'the value is checked by its type only; remove it',
  referenceVia: 'references to a record of any object are not built yet',
  lookupFilters: uiLater,
  lookupPageSize: uiLater,
  allowCreate: uiLater,
  dependsOn: uiLater,
  inlineAmountField: uiLater,
  relatedListFilter: uiLater,
  visibleWhen: 'conditional visibility is not enforced yet; remove it',
  readonlyWhen: 'conditional read-only is not enforced yet; use "readonly: true" or remove it',
  requiredWhen: 'conditional requirements are not enforced yet; write a validation rule instead',
  requiredPermissions: 'grant field access in a permission set (fields: { object.field: … })',
  maskingRule: 'field masking is not built yet; restrict the field in permission sets instead',
  ackPlaintextMasking: 'field masking is not built yet; remove it',
  externalId: 'upsert by external id is not built yet; "unique: true" keeps the values unique',
  dimensions: 'vector fields are not supported; remove it',
  accept: 'file fields are not supported yet; remove it',
  maxSize: 'file fields are not supported yet; remove it',
  internal: 'hide a field from forms with "hidden: true"',
  system: "system columns are the engine's own (id, created_at, …); declare an ordinary field",
  'summaryOperations.filter':
    'filtered roll-ups are not built yet: the summary would include every child record',
  'options.visibleWhen': 'per-option visibility is not enforced yet; remove it',
}

const objectHints: Readonly<Record<string, string>> = {
  isSystem: "system objects are the platform's own; remove it",
  managedBy: removeIt,
  ownership: 'every record has an owner (owner_id); ownership modes are not built yet',
  userActions: 'custom actions are not built yet; remove it',
  actions: 'custom actions are not built yet; remove it',
  systemFields: 'the engine adds its system columns to every object itself; remove it',
  datasource: "objects live in the app's database; external data sources are not built yet",
  external: "objects live in the app's database; external data sources are not built yet",
  tenancy: 'organizations (multi-tenancy) are not built yet; remove it',
  access: 'grant access with permission sets (*.permission.yaml)',
  requiredPermissions: 'grant access with permission sets (*.permission.yaml)',
  externalSharingModel:
    'external (portal) users are not built yet; "sharingModel" sets the default for every user',
  publicSharing: 'public share links are not built yet; remove it',
  lifecycle: 'record lifecycle (archiving, retention) is not built yet; remove it',
  fileAccessDelegate: 'file storage is not built yet; remove it',
  activityMilestones: 'activity timelines are not built yet; remove it',
  editMode: uiLater,
  enable: 'per-object capability switches are not read; every object gets the same API; remove it',
  protection: removeIt,
}

const packageSet =
  'package-shipped sets come from ObjectStack package installs, which ObjectOS does not do; remove it'

const permissionSetHints: Readonly<Record<string, string>> = {
  systemPermissions:
    'system permissions are not enforced yet; make an administrator with "objectos user create --admin"',
  tabPermissions: 'app and tab visibility is not enforced yet; remove it',
  adminScope:
    'delegated administration is not built yet (ObjectOS has no business units); remove it',
  packageId: packageSet,
  managedBy: packageSet,
  protection:
    'package protection comes from ObjectStack package installs, which ObjectOS does not do; remove it',
}

const objectPermissionHints: Readonly<Record<string, string>> = {
  allowExport:
    'there is no export operation yet; reading and listing records needs only "allowRead"',
}

/** Where a refused key sits, for its hint. */
export type HintPlace = 'field' | 'object' | 'permissionSet' | 'objectPermission' | 'other'

const hintsAt: Readonly<Record<HintPlace, Readonly<Record<string, string>>>> = {
  field: fieldHints,
  object: objectHints,
  permissionSet: permissionSetHints,
  objectPermission: objectPermissionHints,
  other: {},
}

/**
 * @example
 *   unsupportedKeyHint('field', 'visibleWhen') // → 'conditional visibility is not enforced yet; remove it'
 *   unsupportedKeyHint('object', '_lock')       // → 'package locks and provenance come from …'
 *   unsupportedKeyHint('objectPermission', 'allowExport') // → 'there is no export operation yet; …'
 */
export function unsupportedKeyHint(where: HintPlace, key: string): string {
  if (packageKeys.has(key)) return packageHint
  return hintsAt[where][key] ?? removeIt
}

/** For `readScope`/`writeScope: unit` or `unit_and_below`. */
export const recordScopeHint =
  'ObjectOS has no business units: use "own_and_reports" (the user and everyone who reports to them) or "org"'

/** For `sharingModel: controlled_by_parent`. */
export const sharingModelHint =
  'records do not inherit access from a master record yet; use "private", "public_read" or "public_read_write"'

/** For a permission set's wildcard object `*`. */
export const wildcardObjectHint =
  'a grant on every object at once is not enforced yet; grant each object by its name'

/** For a sharing rule whose recipient ObjectOS cannot resolve. */
export const sharingRecipientHint =
  'ObjectOS has no teams or business units: share with a "user" (id or email), a "position", or a "field" that looks up sys_user'

/** For `delegatable` on a position. */
export const delegatableHint =
  'delegated administration is not built yet; only administrators assign positions — remove it'

/** For a row-level policy that would narrow nothing. */
export const policyUsingHint =
  'a policy narrows the rows it reaches by its "using" condition: add one, or make it an "insert" policy with a "check"'
