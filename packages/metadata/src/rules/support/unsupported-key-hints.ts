/**
 * What to tell a user who sets a key this version of ObjectOS does not act on: why it is refused
 * and, where there is one, what does the job instead. Keys without an entry get the plain advice
 * to remove them.
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
  trackHistory: 'field history is not recorded yet; remove it',
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
  sharingModel: 'share records with sharing rules (*.sharing.yaml) and permission sets',
  externalSharingModel: 'share records with sharing rules (*.sharing.yaml) and permission sets',
  publicSharing: 'share records with sharing rules (*.sharing.yaml) and permission sets',
  lifecycle: 'record lifecycle (archiving, retention) is not built yet; remove it',
  fileAccessDelegate: 'file storage is not built yet; remove it',
  activityMilestones: 'activity timelines are not built yet; remove it',
  editMode: uiLater,
  enable: 'per-object capability switches are not read; every object gets the same API; remove it',
  protection: removeIt,
}

/**
 * @example
 *   unsupportedKeyHint('field', 'trackHistory') // → 'field history is not recorded yet; remove it'
 *   unsupportedKeyHint('object', '_lock')       // → 'package locks and provenance come from …'
 */
export function unsupportedKeyHint(where: 'field' | 'object' | 'other', key: string): string {
  if (packageKeys.has(key)) return packageHint
  const hints = where === 'field' ? fieldHints : where === 'object' ? objectHints : {}
  return hints[key] ?? removeIt
}
