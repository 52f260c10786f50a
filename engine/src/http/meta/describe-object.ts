/**
 * The description of an object the generated UI and Studio build on: its labels, its fields
 * with everything a form or a column needs (type, required, read-only, options, reference,
 * bounds), and its child relations. Plain JSON, derived from the compiled registry, and cut to
 * the caller: only the fields it may read, with what it may do on the object and each field.
 */
import type { FieldNode } from '../../ir/field-node.js'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import { fullAccess, type ObjectAccess } from '../../data/access/object-access.js'

export function describeObject(
  registry: Registry,
  object: ObjectNode,
  access: ObjectAccess = fullAccess(object, registry),
): Record<string, unknown> {
  return {
    name: object.name,
    label: object.label,
    pluralLabel: object.pluralLabel,
    nameField: object.nameField ?? null,
    sharingModel: object.sharingModel,
    // What the caller may do, so a screen can hide what would be refused.
    access: {
      read: access.read,
      create: access.create,
      edit: access.edit,
      delete: access.delete,
    },
    fields: [...object.fields.values()]
      .filter((field) => access.readable.has(field.name))
      .map((field) => ({ ...describeField(field), editable: access.editable.has(field.name) })),
    children: registry.childRelations(object.name).map((r) => ({
      object: r.child,
      field: r.field,
      masterDetail: r.masterDetail,
      deleteBehavior: r.deleteBehavior,
    })),
  }
}

function describeField(field: FieldNode): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: field.name,
    label: field.label,
    type: field.type,
    required: field.required,
    readonly: field.readonly,
    system: field.source === 'system',
    computed:
      field.source === 'formula' || field.source === 'summary' || field.source === 'autonumber',
    multiple: field.multiple,
    unique: field.unique,
    searchable: field.searchable,
  }
  const optional: Record<string, unknown> = {
    minLength: field.minLength,
    maxLength: field.maxLength,
    min: field.min,
    max: field.max,
    scale: field.scale,
    options: field.options,
    reference: field.reference,
    returnType: field.formulaReturn,
    summary: field.summary,
  }
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) out[key] = value
  return out
}
