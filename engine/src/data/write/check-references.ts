/**
 * Checks that every lookup and master-detail value a write sets points at an existing record,
 * and that unique fields stay unique — one query per such field, in the write's transaction.
 * The unique index is the final guard against races; this check gives the friendly message.
 * A write made for a principal may only point at records that principal can read: a hidden
 * target reads as missing, so a reference can neither be made to it nor probe for it. People are
 * the exception: a lookup to `sys_user` (an owner, a partner, whom a record is shared with) may
 * name any user, as choosing a colleague needs no right to read their user record.
 */
import type { FieldError } from '@objectos/errors'
import type { Knex } from 'knex'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import { objectAccess } from '../access/object-access.js'
import type { Principal } from '../access/principal.js'
import { rowPredicate } from '../access/row-access.js'
import { alwaysFalse } from '../query/sql-fragment.js'
import { toColumn } from '../values/row-codec.js'
import type { Executor } from './data-context.js'

/** Users: any writer may name one (see above). */
const peopleObject = 'sys_user'

export async function checkReferencesAndUnique(
  trx: Executor,
  registry: Registry,
  object: ObjectNode,
  record: Readonly<Record<string, unknown>>,
  changed: ReadonlySet<string>,
  selfId: string | undefined,
  principal?: Principal,
  previous?: Readonly<Record<string, unknown>>,
): Promise<FieldError[]> {
  const errors: FieldError[] = []
  for (const name of changed) {
    const field = object.fields.get(name)
    const value = record[name]
    if (field === undefined || value === null || value === undefined) continue
    // A reference sent back unchanged was checked when it was set; checking it again would
    // refuse to save a record that points at something the writer cannot see.
    if (field.reference !== undefined && previous?.[name] !== value) {
      const target = registry.object(field.reference.object)
      const lookup = trx.knex(target.table).select('id').where('id', value)
      if (principal !== undefined && target.name !== peopleObject) {
        const access = objectAccess(registry, principal, target.name)
        const visible = access.read
          ? rowPredicate(access, principal, target.table, 'read', trx.dialect)
          : alwaysFalse
        if (visible !== undefined) {
          lookup.whereRaw(`(${visible.sql})`, visible.bindings as Knex.RawBinding[])
        }
      }
      const found = await lookup.first()
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
