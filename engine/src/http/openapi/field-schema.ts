/**
 * One field as JSON Schema (2020-12, the dialect of OpenAPI 3.1), in the two shapes the API
 * uses: as read (every field, computed ones `readOnly`) and as written (only what a caller may
 * set). The mapping follows the engine's own checks (coerce-value.ts, check-field.ts), so a value
 * the schema accepts is one the engine accepts, and the reverse.
 *
 * @example
 *   fieldSchema(stageField, 'read', (object) => pascalCase(object))
 *   // → { title: 'Stage', type: 'string', enum: ['prospecting', …] }
 *   fieldSchema(accountField, 'read', …) // → { anyOf: [{ type: 'string' }, { $ref: '…/Account' }] }
 */
import type { FieldNode } from '../../ir/field-node.js'

export type JsonSchema = { readonly [key: string]: unknown }

/** Same as coerce-value.ts: HH:MM, HH:MM:SS, optional fraction; reads come back as HH:MM:SS. */
export const timePattern = '^([01]\\d|2[0-3]):([0-5]\\d)(:([0-5]\\d)(\\.\\d+)?)?$'
const colorPattern = '^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$'

/** System fields the engine always fills, so a read never has them empty. */
const alwaysSet: ReadonlySet<string> = new Set(['id', 'created_at', 'updated_at', 'version'])

const systemDescriptions: Readonly<Record<string, string>> = {
  id: 'The record id: a UUID version 7, assigned by the server.',
  created_at: 'When the record was created (UTC), set by the server.',
  updated_at: 'When the record was last written (UTC), set by the server.',
  created_by: 'Who created the record (empty until authentication exists).',
  updated_by: 'Who last wrote the record (empty until authentication exists).',
  owner_id: 'The owner of the record (empty until authentication exists).',
  version: 'Incremented by every write. The ETag is this number in quotes: `"3"`.',
}

/** Whether a caller may set the field in a create or update body (prepare-record.ts). */
export function isWritable(field: FieldNode): boolean {
  return field.source === 'input' && !field.readonly
}

/** Whether a create must give the field: required, and no default fills it. */
export function isRequiredInput(field: FieldNode): boolean {
  return isWritable(field) && field.required && field.defaultValue === undefined
}

/** The component schema name of an object's record (`account` → `Account`). */
export type RecordRef = (object: string) => string

export function fieldSchema(
  field: FieldNode,
  mode: 'read' | 'write',
  refOf: RecordRef,
): JsonSchema {
  const notes: string[] = []
  const value = valueSchema(field, mode, notes, refOf)
  const nullable =
    mode === 'read'
      ? !field.multiple &&
        !alwaysSet.has(field.name) &&
        !field.required &&
        field.source !== 'autonumber'
      : !field.required
  const schema: Record<string, unknown> = {
    title: field.label,
    ...(nullable ? orNull(value) : value),
  }
  const system = systemDescriptions[field.name]
  if (field.source === 'system' && system !== undefined) notes.unshift(system)
  if (field.source === 'formula') notes.unshift('Computed by a formula on every write.')
  if (field.summary !== undefined) {
    const { fn, childObject, childField } = field.summary
    const of = childField === undefined ? childObject : `${childObject}.${childField}`
    notes.unshift(`Roll-up summary: the ${fn} of ${of}, kept up to date by the server.`)
  }
  if (field.source === 'autonumber') {
    notes.unshift(`Numbered by the server on create (format ${field.autonumberFormat ?? ''}).`)
  }
  if (mode === 'read' && !isWritable(field)) schema.readOnly = true
  if (mode === 'write') {
    const def = field.defaultValue
    if (def?.kind === 'literal') schema.default = def.value
    if (def?.kind === 'now') notes.push('Defaults to the time of the create.')
    if (def?.kind === 'expression') notes.push('Defaults to a computed value when omitted.')
  }
  if (notes.length > 0) schema.description = notes.join(' ')
  return schema
}

function valueSchema(
  field: FieldNode,
  mode: 'read' | 'write',
  notes: string[],
  refOf: RecordRef,
): JsonSchema {
  if (field.multiple) {
    const restricted = field.options !== undefined && field.type !== 'tags'
    return {
      type: 'array',
      items: {
        type: 'string',
        ...(restricted ? { enum: field.options?.map((o) => o.value) } : {}),
      },
      ...(mode === 'read' ? { uniqueItems: true } : {}),
    }
  }
  switch (field.storage) {
    case 'string':
      return stringSchema(field)
    case 'reference': {
      const target = field.reference?.object ?? ''
      notes.push(`The id of the ${target} record it points to.`)
      if (mode === 'write') return { type: 'string' }
      // Expandable, as Stripe documents it: the id, or the record itself when expanded.
      notes.push(`With \`expand=${field.name}\`, the ${target} record itself.`)
      return { anyOf: [{ type: 'string' }, { $ref: `#/components/schemas/${refOf(target)}` }] }
    }
    case 'number':
    case 'integer':
      if (field.scale !== undefined) notes.push(`Rounded to ${field.scale} decimal places.`)
      return {
        type: field.storage,
        ...(field.min === undefined ? {} : { minimum: field.min }),
        ...(field.max === undefined ? {} : { maximum: field.max }),
      }
    case 'boolean':
      return { type: 'boolean' }
    case 'date':
      return { type: 'string', format: 'date' }
    case 'datetime':
      return { type: 'string', format: 'date-time' }
    case 'time':
      return { type: 'string', pattern: timePattern }
    case 'json':
      notes.push('Any JSON value.')
      return {}
  }
}

function stringSchema(field: FieldNode): JsonSchema {
  const checks: Record<string, unknown> = { type: 'string' }
  if (field.minLength !== undefined) checks.minLength = field.minLength
  if (field.maxLength !== undefined) checks.maxLength = field.maxLength
  if (field.format === 'email') checks.format = 'email'
  if (field.format === 'url') checks.format = 'uri'
  if (field.format === 'color') checks.pattern = colorPattern
  if (field.options !== undefined) checks.enum = field.options.map((o) => o.value)
  return checks
}

/** The schema that also accepts null (OpenAPI 3.1 has no `nullable`; null is a JSON type). */
function orNull(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema.anyOf))
    return { anyOf: [...(schema.anyOf as unknown[]), { type: 'null' }] }
  if (typeof schema.type !== 'string') return schema
  return {
    ...schema,
    type: [schema.type, 'null'],
    ...(Array.isArray(schema.enum) ? { enum: [...(schema.enum as unknown[]), null] } : {}),
  }
}
