/**
 * The field types this version of the engine stores, on SQLite and PostgreSQL alike. The spec
 * lists more; a type outside this list is a validation error (OOS_SUPPORT_FIELD_TYPE), never a
 * column of some guessed type. The engine's storage table (engine/src/compile/field-storage.ts)
 * must cover exactly these — a test there compares the two.
 */

/**
 * Every field type the engine can store, in the order the docs list them.
 *
 * @example
 *   supportedFieldTypes.includes('currency') // → true
 *   supportedFieldTypes.includes('password') // → false
 */
export const supportedFieldTypes = [
  'text',
  'textarea',
  'markdown',
  'html',
  'richtext',
  'code',
  'phone',
  'email',
  'url',
  'color',
  'number',
  'currency',
  'percent',
  'rating',
  'boolean',
  'toggle',
  'date',
  'datetime',
  'time',
  'select',
  'radio',
  'multiselect',
  'checkboxes',
  'tags',
  'lookup',
  'master_detail',
  'autonumber',
  'json',
  'formula',
  'summary',
] as const

export type SupportedFieldType = (typeof supportedFieldTypes)[number]

const supported: ReadonlySet<string> = new Set(supportedFieldTypes)

/**
 * Whether the engine can store fields of `type`.
 *
 * @example
 *   isSupportedFieldType('lookup') // → true
 *   isSupportedFieldType('vector') // → false
 */
export function isSupportedFieldType(type: string): type is SupportedFieldType {
  return supported.has(type)
}

/** What to use instead of a type the engine cannot store yet, where there is a fair substitute. */
const insteadOf: Readonly<Record<string, string>> = {
  password: 'passwords and secrets need encrypted storage, which is not built yet',
  secret: 'passwords and secrets need encrypted storage, which is not built yet',
  user: 'user fields are not built yet; every record already has owner_id, created_by and updated_by',
  tree: 'for a parent/child hierarchy, use a lookup whose reference is the object itself',
  image: 'file storage is not built yet; a url field can hold a link to the file',
  file: 'file storage is not built yet; a url field can hold a link to the file',
  avatar: 'file storage is not built yet; a url field can hold a link to the image',
  video: 'file storage is not built yet; a url field can hold a link to the video',
  audio: 'file storage is not built yet; a url field can hold a link to the recording',
  composite: 'use a json field, or a child object with a master_detail field',
  repeater: 'use a json field, or a child object with a master_detail field',
  record: 'use a json field, or a child object with a master_detail field',
  location: 'use number fields for latitude and longitude, or a json field',
  address: 'use text fields for the parts of the address, or a json field',
  signature: 'signature capture is not built yet',
  qrcode: 'use a text field for the encoded value',
  progress: 'use a percent field',
  slider: 'use a number field with min and max',
  vector: 'vector search is not built yet',
}

/**
 * The hint for an unsupported type: why or what instead, then the types that work.
 *
 * @example
 *   unsupportedTypeHint('progress')
 *   // → 'this version of ObjectOS cannot store it yet — use a percent field. Supported types: text, …'
 */
export function unsupportedTypeHint(type: string): string {
  const instead = insteadOf[type]
  return (
    `this version of ObjectOS cannot store it yet${instead === undefined ? '' : ` — ${instead}`}. ` +
    `Supported types: ${supportedFieldTypes.join(', ')}`
  )
}
