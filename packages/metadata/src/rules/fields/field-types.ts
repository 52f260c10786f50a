/**
 * Families of field types, as `@objectstack/spec` groups them (field.zod.ts, field-value.zod.ts).
 * The field rules ask "does this key mean anything on this type?" and "what value can this type
 * store?"; one table of families answers both, so the answers cannot drift apart.
 */
import { isRecord } from '../value-guards.js'

/** A field definition as read from YAML: a mapping with a `type`. */
export type FieldDef = Readonly<Record<string, unknown>>

/** Relationship types that link one target object through `reference`. */
export const relationshipTypes: ReadonlySet<string> = new Set(['lookup', 'master_detail'])

/** Types whose value is chosen from `options`. */
export const optionTypes: ReadonlySet<string> = new Set([
  'select',
  'multiselect',
  'radio',
  'checkboxes',
  'tags',
])

/** Option types that cannot work without options (`tags` also takes free values). */
export const optionRequiredTypes: ReadonlySet<string> = new Set([
  'select',
  'multiselect',
  'radio',
  'checkboxes',
])

/** Types that always hold a list of values. */
export const alwaysMultiTypes: ReadonlySet<string> = new Set(['multiselect', 'checkboxes', 'tags'])

/** Types that hold a list when `multiple: true` (radio is refused separately). */
export const multipleCapableTypes: ReadonlySet<string> = new Set([
  'select',
  'lookup',
  'user',
  'file',
  'image',
])

/** Types that store a string with a length (`minLength`/`maxLength` apply). */
export const boundedStringTypes: ReadonlySet<string> = new Set([
  'text',
  'textarea',
  'email',
  'url',
  'phone',
  'password',
  'markdown',
  'html',
  'richtext',
  'code',
  'signature',
  'qrcode',
])

/** Types edited in a multiline editor sized by `rows`. */
export const multilineTypes: ReadonlySet<string> = new Set([
  'textarea',
  'markdown',
  'html',
  'richtext',
])

/** Types stored as a plain string. */
export const stringValueTypes: ReadonlySet<string> = new Set([
  ...boundedStringTypes,
  'secret',
  'color',
])

/** Types stored as a number. */
export const numberValueTypes: ReadonlySet<string> = new Set([
  'number',
  'currency',
  'percent',
  'rating',
  'slider',
  'progress',
  'summary',
])

/** Types stored as a boolean. */
export const booleanValueTypes: ReadonlySet<string> = new Set(['boolean', 'toggle'])

/** Types that store a record id. */
export const referenceValueTypes: ReadonlySet<string> = new Set([
  'lookup',
  'master_detail',
  'user',
  'tree',
])

/** Types that store a file id. */
export const fileValueTypes: ReadonlySet<string> = new Set([
  'image',
  'file',
  'avatar',
  'video',
  'audio',
])

/**
 * Whether the field stores a list of values.
 *
 * @example
 *   isMultiValue({ type: 'select', multiple: true }) // → true
 *   isMultiValue({ type: 'tags' })                   // → true
 */
export function isMultiValue(field: FieldDef): boolean {
  const type = String(field.type)
  if (alwaysMultiTypes.has(type)) return true
  return (multipleCapableTypes.has(type) || type === 'radio') && field.multiple === true
}

/**
 * The option values a field declares, in order (options without a string value are skipped).
 *
 * @example
 *   optionValues({ type: 'select', options: [{ label: 'New', value: 'new' }] }) // → ['new']
 */
export function optionValues(field: FieldDef): string[] {
  const options = field.options
  if (!Array.isArray(options)) return []
  return options.flatMap((option: unknown) =>
    isRecord(option) && typeof option.value === 'string' ? [option.value] : [],
  )
}
