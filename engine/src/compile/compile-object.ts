/**
 * Compiles one object definition into an ObjectNode: system fields first, then the declared
 * fields, the validation rules sorted by priority, and the indexes the table needs (declared
 * ones, one per unique field, one per relationship column).
 */
import type { IndexNode, ObjectNode as ObjectNodeType } from '../ir/object-node.js'
import { ObjectNode, type SharingModel } from '../ir/object-node.js'
import type { FieldNode, SummaryInfo } from '../ir/field-node.js'
import { compileField } from './compile-field.js'
import { compileValidation } from './compile-validation.js'
import { systemFields } from './system-fields.js'

type Def = Readonly<Record<string, unknown>>

/** Resolves a summary field's child relation (needs the other objects' definitions). */
export type SummaryResolver = (object: string, def: Def) => SummaryInfo | undefined

export function compileObject(
  def: Def,
  file: string,
  resolveSummary: SummaryResolver,
): ObjectNodeType {
  const name = String(def.name)
  const fields = new Map<string, FieldNode>()
  for (const field of systemFields) fields.set(field.name, field)
  const renames = new Map<string, string>()
  for (const [fieldName, raw] of Object.entries((def.fields ?? {}) as Record<string, Def>)) {
    const summary = raw.type === 'summary' ? resolveSummary(name, raw) : undefined
    fields.set(fieldName, compileField(fieldName, raw, summary))
    if (typeof raw.renamedFrom === 'string') renames.set(fieldName, raw.renamedFrom)
  }
  const validations = ((def.validations ?? []) as Def[])
    .filter((rule) => rule.active !== false)
    .map(compileValidation)
    .sort((a, b) => a.priority - b.priority)
  return ObjectNode.create({
    name,
    label: String(def.label ?? name),
    pluralLabel: String(def.pluralLabel ?? def.label ?? name),
    table: name,
    nameField: typeof def.nameField === 'string' ? def.nameField : undefined,
    fields,
    validations,
    indexes: indexesOf(name, def, fields),
    renamedFrom: typeof def.renamedFrom === 'string' ? def.renamedFrom : undefined,
    sharingModel: sharingModel(def.sharingModel),
    fieldRenames: renames,
    file,
  })
}

function indexesOf(table: string, def: Def, fields: ReadonlyMap<string, FieldNode>): IndexNode[] {
  const out: IndexNode[] = []
  const seen = new Set<string>()
  const add = (columns: string[], unique: boolean, name?: string) => {
    const key = `${unique}:${columns.join(',')}`
    if (seen.has(key)) return
    seen.add(key)
    const generated = `${table}_${columns.join('_')}_${unique ? 'unique' : 'idx'}`
    out.push(Object.freeze({ name: (name ?? generated).slice(0, 63), columns, unique }))
  }
  for (const index of (def.indexes ?? []) as Def[]) {
    const columns = ((index.fields ?? []) as string[]).map((f) => fields.get(f)?.column ?? f)
    add(columns, index.unique !== undefined && index.unique !== false, index.name as string)
  }
  for (const field of fields.values()) {
    if (field.unique) add([field.column], true)
    else if (field.reference !== undefined) add([field.column], false)
  }
  return out
}

/** The organization-wide default; an object that says nothing is private. */
function sharingModel(value: unknown): SharingModel {
  return value === 'public_read' || value === 'public_read_write' ? value : 'private'
}
