/**
 * Which keys of an object definition and of a permission set this version of ObjectOS acts on.
 * The spec allows many more (tenancy, masking, package locks, row-level policies, …); a key
 * outside these lists would be accepted and then do nothing, so the engine-support rules refuse
 * it. Two kinds of field keys count: those the engine honours when it stores and checks records,
 * and presentational ones the generated UI reads.
 */

/**
 * Field keys the engine honours (storage, checks, relations, computed values, renames, field
 * history).
 */
export const engineFieldKeys = [
  'name',
  'label',
  'type',
  'description',
  'required',
  'unique',
  'defaultValue',
  'maxLength',
  'minLength',
  'min',
  'max',
  'precision',
  'scale',
  'options',
  'reference',
  'deleteBehavior',
  'expression',
  'returnType',
  'summaryOperations',
  'currencyConfig',
  'autonumberFormat',
  'readonly',
  'renamedFrom',
  'searchable',
  'trackHistory',
] as const

/** Field keys only the generated UI reads (forms, lists, lookups, related lists). */
export const presentationalFieldKeys = [
  'inlineHelpText',
  'placeholder',
  'group',
  'hidden',
  'widget',
  'sortable',
  'rows',
  'step',
  'displayField',
  'descriptionField',
  'lookupColumns',
  'relatedList',
  'relatedListTitle',
  'relatedListColumns',
  'inlineEdit',
  'inlineTitle',
  'inlineColumns',
  'language',
  'useGrouping',
] as const

/** Top-level object keys the engine or the generated UI reads. */
export const honouredObjectKeys = [
  'name',
  'label',
  'pluralLabel',
  'description',
  'icon',
  'fields',
  'indexes',
  'validations',
  'nameField',
  'displayNameField',
  'stageField',
  'titleFormat',
  'highlightFields',
  'searchableFields',
  'listViews',
  'fieldGroups',
  'renamedFrom',
  'sharingModel',
] as const

/** The organization-wide defaults the access layer enforces (`controlled_by_parent` is not). */
export const honouredSharingModels = ['private', 'public_read', 'public_read_write'] as const

/** Keys of an `indexes` entry the engine honours. */
export const honouredIndexKeys = ['name', 'fields', 'unique'] as const

/** Top-level keys of a permission set the access layer reads. */
export const honouredPermissionSetKeys = [
  'name',
  'label',
  'description',
  'objects',
  'fields',
  'isDefault',
  'rowLevelSecurity',
] as const

/** Keys of a `rowLevelSecurity` policy the access layer enforces (`tags` only describe it). */
export const honouredRowPolicyKeys = [
  'name',
  'label',
  'description',
  'object',
  'operation',
  'using',
  'check',
  'positions',
  'enabled',
  'tags',
] as const

/**
 * Recipients of a sharing rule the access layer resolves: one user (id or email), everyone
 * holding a position, or the user a lookup field of each record names. Teams and business
 * units do not exist in ObjectOS.
 */
export const honouredShareRecipients = ['user', 'position', 'field'] as const

/** Keys of a position the access layer reads. */
export const honouredPositionKeys = ['name', 'label', 'description', 'permissionSets'] as const

/** Keys of a permission set's `objects.<object>` grant the access layer enforces. */
export const honouredObjectPermissionKeys = [
  'allowRead',
  'allowCreate',
  'allowEdit',
  'allowDelete',
  'allowTransfer',
  'viewAllRecords',
  'modifyAllRecords',
  'readScope',
  'writeScope',
] as const

/** Keys of a permission set's `fields.<object.field>` grant the access layer enforces. */
export const honouredFieldPermissionKeys = ['readable', 'editable'] as const

/**
 * The `readScope`/`writeScope` values the access layer enforces: the user's own records, theirs
 * and their reports', or every record. `unit` and `unit_and_below` need business units, which
 * ObjectOS does not have.
 */
export const honouredRecordScopes = ['own', 'own_and_reports', 'org'] as const

/** Keys ObjectStack package installs stamp on metadata; ObjectOS installs no packages. */
export const packageKeys: ReadonlySet<string> = new Set([
  '_lock',
  '_lockReason',
  '_lockSource',
  '_lockDocsUrl',
  '_provenance',
  '_packageId',
  '_packageVersion',
])

/** Sub-keys of honoured field keys that the engine does not act on, as `key.subKey`. */
export const unhonouredFieldSubKeys = {
  summaryOperations: ['filter'],
  options: ['visibleWhen'],
} as const satisfies Readonly<Record<string, readonly string[]>>

/** The unique scopes that mean something without organizations (`true` too). */
export const honouredUniqueScopes: ReadonlySet<unknown> = new Set([true, false, 'global'])

/** The places a key can sit: in an object definition, or in a permission set. */
export type KeyPlace =
  | 'field'
  | 'object'
  | 'index'
  | 'permissionSet'
  | 'objectPermission'
  | 'fieldPermission'
  | 'rowPolicy'
  | 'position'

const keysAt: Readonly<Record<KeyPlace, ReadonlySet<string>>> = {
  field: new Set([...engineFieldKeys, ...presentationalFieldKeys]),
  object: new Set(honouredObjectKeys),
  index: new Set(honouredIndexKeys),
  permissionSet: new Set(honouredPermissionSetKeys),
  objectPermission: new Set(honouredObjectPermissionKeys),
  fieldPermission: new Set(honouredFieldPermissionKeys),
  rowPolicy: new Set(honouredRowPolicyKeys),
  position: new Set(honouredPositionKeys),
}

/**
 * Whether the engine or the generated UI reads a key at this place.
 *
 * @example
 *   isHonouredKey('field', 'maxLength')                // → true
 *   isHonouredKey('field', 'visibleWhen')              // → false
 *   isHonouredKey('objectPermission', 'allowExport')   // → false
 */
export function isHonouredKey(where: KeyPlace, key: string): boolean {
  return keysAt[where].has(key)
}

/**
 * Whether a `sharingModel`, `readScope` or `writeScope` value is one the access layer enforces.
 *
 * @example
 *   isHonouredValue('sharingModel', 'public_read') // → true
 *   isHonouredValue('recordScope', 'unit')         // → false
 */
export function isHonouredValue(what: 'sharingModel' | 'recordScope', value: unknown): boolean {
  const values: readonly unknown[] =
    what === 'sharingModel' ? honouredSharingModels : honouredRecordScopes
  return values.includes(value)
}

/**
 * Whether a value declares anything: `false`, `null` and empty lists or mappings state what the
 * engine does anyway, so an unsupported key holding one is harmless and accepted.
 *
 * @example
 *   declaresSomething(false) // → false
 *   declaresSomething([])    // → false
 *   declaresSomething('x')   // → true
 */
export function declaresSomething(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object') return Object.keys(value).length > 0
  return true
}
