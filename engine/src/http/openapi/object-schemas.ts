/**
 * The component schemas of one object — the record as read (`Account`), the body of a create
 * (`AccountInput`) and of an update (`AccountPatch`) — and the names they go by. Names are the
 * object name in PascalCase; when two objects (or an object and a shared component such as
 * `Problem`) would get the same name, the later one in name order gets a `Record` suffix, so
 * every app has a valid, stable document.
 *
 * @example
 *   objectNames(['account', 'problem'], new Set(['Problem']))
 *   // → account: { base: 'Account', … }, problem: { base: 'ProblemRecord', … }
 */
import type { ObjectNode } from '../../ir/object-node.js'
import {
  fieldSchema,
  isRequiredInput,
  isWritable,
  type JsonSchema,
  type RecordRef,
} from './field-schema.js'

export interface ObjectNames {
  /** PascalCase stem of the schema names and operation ids, e.g. `OpportunityLineItem`. */
  readonly base: string
  readonly record: string
  readonly input: string
  readonly patch: string
}

export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}

/** Schema names per object, unique among themselves and against `reserved`. */
export function objectNames(
  objects: readonly string[],
  reserved: ReadonlySet<string>,
): ReadonlyMap<string, ObjectNames> {
  const taken = new Set(reserved)
  const names = new Map<string, ObjectNames>()
  for (const object of [...objects].sort()) {
    const stem = pascalCase(object) || 'Object'
    let base = stem
    for (let n = 1; ; n++) {
      const candidate = namesOf(base)
      if (![candidate.record, candidate.input, candidate.patch].some((s) => taken.has(s))) break
      base = n === 1 ? `${stem}Record` : `${stem}Record${n}`
    }
    const chosen = namesOf(base)
    for (const name of [chosen.record, chosen.input, chosen.patch]) taken.add(name)
    names.set(object, chosen)
  }
  return names
}

function namesOf(base: string): ObjectNames {
  return { base, record: base, input: `${base}Input`, patch: `${base}Patch` }
}

/** The three schemas of `object`, keyed by their component names. */
export function objectSchemas(
  object: ObjectNode,
  names: ObjectNames,
  refOf: RecordRef,
): Record<string, JsonSchema> {
  const fields = [...object.fields.values()]
  const writable = fields.filter(isWritable)
  const properties = (mode: 'read' | 'write', list: typeof fields) =>
    Object.fromEntries(list.map((field) => [field.name, fieldSchema(field, mode, refOf)]))
  const required = writable.filter(isRequiredInput).map((field) => field.name)
  return {
    [names.record]: {
      type: 'object',
      title: object.label,
      description:
        `The ${object.label} record as the API returns it: every field, unless the request names ` +
        '`fields`; computed and system fields are read-only.',
      required: ['id'],
      properties: properties('read', fields),
    },
    [names.input]: {
      type: 'object',
      title: `New ${object.label}`,
      description:
        `The body of a create. A field left out takes its default. Fields that are not ` +
        `listed (computed, system or unknown ones) are refused with 422.`,
      ...(required.length > 0 ? { required } : {}),
      properties: properties('write', writable),
      additionalProperties: false,
    },
    [names.patch]: {
      type: 'object',
      title: `${object.label} changes`,
      description:
        'The body of an update: only the fields to change; `null` empties a field that is not ' +
        'required. Computed, system and unknown fields are refused with 422 (one sent back ' +
        'with the value it has is tolerated).',
      properties: properties('write', writable),
      additionalProperties: false,
    },
  }
}
