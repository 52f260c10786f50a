/**
 * The object kind as ObjectOS reads it: @objectstack/spec's ObjectSchema plus the keys ObjectOS
 * adds. The spec gives objects and fields no stable identity other than their names, so a rename
 * would look like "drop the old table or column, add a new one" and lose data (DESIGN.md §3).
 * `renamedFrom` declares the previous name, on the object and on each field, so `objectos plan`
 * renames instead. Everything else is the spec's shape, refinements included (`safeExtend`).
 */
import { FieldSchema, ObjectSchema } from '@objectstack/spec/data'
import { z } from 'zod'

/** Marks a key's description as ours, so nobody looks for it in the spec. */
const extension = 'ObjectOS extension (not in @objectstack/spec): '

const objectName = ObjectSchema.shape.name
const fieldName = FieldSchema.shape.name.unwrap()

/** `renamedFrom` on a field: the column's previous name. */
const fieldRenamedFrom = fieldName
  .describe(
    `${extension}the previous name of this field (snake_case). \`objectos plan\` renames the ` +
      'column and keeps its data instead of dropping the old column and adding a new one. Keep it ' +
      'until every database has been migrated; no other field of the object may still have that ' +
      'name, and two fields may not be renamed from the same name.',
  )
  .optional()

/** `renamedFrom` on an object: the table's previous name. */
const objectRenamedFrom = objectName
  .describe(
    `${extension}the previous name of this object (snake_case). \`objectos plan\` renames the ` +
      'table and keeps its rows instead of dropping the old table and creating a new one. Keep it ' +
      'until every database has been migrated; no other object of the app may still have that ' +
      'name, and two objects may not be renamed from the same name.',
  )
  .optional()

/** A field definition: the spec's FieldSchema with `renamedFrom`. */
export const ObjectosFieldSchema = FieldSchema.safeExtend({ renamedFrom: fieldRenamedFrom })

const specFields = ObjectSchema.shape.fields

/** An object definition: the spec's ObjectSchema with `renamedFrom` on it and on its fields. */
export const ObjectosObjectSchema = ObjectSchema.safeExtend({
  fields: z
    .record(specFields.def.keyType, ObjectosFieldSchema)
    .describe(specFields.description ?? 'Field definitions map'),
  renamedFrom: objectRenamedFrom,
})
