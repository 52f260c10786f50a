/**
 * Which keys of an object definition this version of ObjectOS acts on. The spec allows many more
 * (sharing models, tenancy, masking, package locks, …); a key outside these lists would be
 * accepted and then do nothing, so the engine-support rule refuses it. Two kinds of field keys
 * count: those the engine honours when it stores and checks records, and presentational ones the
 * generated UI reads.
 */

/** Field keys the engine honours (storage, checks, relations, computed values, renames). */
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
] as const

/** Keys of an `indexes` entry the engine honours. */
export const honouredIndexKeys = ['name', 'fields', 'unique'] as const

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

const fieldKeys: ReadonlySet<string> = new Set([...engineFieldKeys, ...presentationalFieldKeys])
const objectKeys: ReadonlySet<string> = new Set(honouredObjectKeys)
const indexKeys: ReadonlySet<string> = new Set(honouredIndexKeys)

/**
 * Whether the engine or the generated UI reads a key at this place of an object definition.
 *
 * @example
 *   isHonouredKey('field', 'maxLength')     // → true
 *   isHonouredKey('field', 'trackHistory')  // → false
 *   isHonouredKey('object', 'sharingModel') // → false
 */
export function isHonouredKey(where: 'field' | 'object' | 'index', key: string): boolean {
  const keys = where === 'field' ? fieldKeys : where === 'object' ? objectKeys : indexKeys
  return keys.has(key)
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
