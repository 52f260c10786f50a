/**
 * Formula and summary fields are stored columns, computed by the write path for the rows it
 * touches. When such a field is added to a table that has rows, or its definition changes, the
 * stored values are stale: the plan gets a `recompute_field` step. The definitions last applied
 * are kept in `objectos_computed_fields` to tell.
 */
import type { Knex } from 'knex'
import type { ObjectNode } from '../ir/object-node.js'

export const computedTable = 'objectos_computed_fields'

/** `object.field` → a canonical text of what the field computes. */
export function computedDefinitions(objects: Iterable<ObjectNode>): Map<string, string> {
  const out = new Map<string, string>()
  for (const object of objects) {
    for (const field of object.fields.values()) {
      if (field.formula !== undefined) {
        out.set(
          `${object.name}.${field.name}`,
          JSON.stringify(['formula', field.formula.source, field.formulaReturn]),
        )
      } else if (field.summary !== undefined) {
        const s = field.summary
        out.set(
          `${object.name}.${field.name}`,
          JSON.stringify([
            'summary',
            s.childObject,
            s.relationshipField,
            s.fn,
            s.childField,
            field.scale,
          ]),
        )
      }
    }
  }
  return out
}

export async function readComputed(knex: Knex): Promise<Map<string, string>> {
  if (!(await knex.schema.hasTable(computedTable))) return new Map()
  const rows = (await knex(computedTable).select('field', 'definition')) as {
    field: string
    definition: string
  }[]
  return new Map(rows.map((r) => [r.field, r.definition]))
}

export async function writeComputed(
  trx: Knex.Transaction,
  definitions: ReadonlyMap<string, string>,
): Promise<void> {
  if (!(await trx.schema.hasTable(computedTable))) {
    await trx.schema.createTable(computedTable, (table) => {
      table.text('field').primary()
      table.text('definition').notNullable()
    })
  }
  await trx(computedTable).delete()
  const rows = [...definitions].map(([field, definition]) => ({ field, definition }))
  if (rows.length > 0) await trx(computedTable).insert(rows)
}
