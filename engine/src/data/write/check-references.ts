/**
 * Checks that every lookup and master-detail value a write sets points at an existing record,
 * and that unique fields stay unique — one query per such field, in the write's transaction.
 * The unique index is the final guard against races; this check gives the friendly message.
 */
import type { FieldError } from '@objectos/errors'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import { toColumn } from '../values/row-codec.js'
import type { Executor } from './data-context.js'

export async function checkReferencesAndUnique(
  trx: Executor,
  registry: Registry,
  object: ObjectNode,
  record: Readonly<Record<string, unknown>>,
  changed: ReadonlySet<string>,
  selfId: string | undefined,
): Promise<FieldError[]> {
  const errors: FieldError[] = []
  for (const name of changed) {
    const field = object.fields.get(name)
    const value = record[name]
    if (field === undefined || value === null || value === undefined) continue
    if (field.reference !== undefined) {
      const target = registry.object(field.reference.object)
      const found = await trx.knex(target.table).select('id').where('id', value).first()
      if (found === undefined) {
        errors.push({
          field: name,
          code: 'reference',
          message: `${field.label}: there is no ${target.name} with id "${String(value)}"`,
        })
      }
    }
    if (field.unique && field.source === 'input') {
      const query = trx
        .knex(object.table)
        .select('id')
        .where(field.column, toColumn(field, value, trx.dialect) as string)
      if (selfId !== undefined) query.whereNot('id', selfId)
      if ((await query.first()) !== undefined) {
        errors.push({
          field: name,
          code: 'unique',
          message: `${field.label} "${String(value)}" is already used by another ${object.name}`,
        })
      }
    }
  }
  return errors
}
