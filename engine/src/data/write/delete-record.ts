/**
 * Deletes one record and applies each relation's delete behaviour first: `restrict` refuses
 * while children refer to it (409), `cascade` deletes them (recursively, with their own hooks
 * and summaries), `set_null` clears their reference. All in one transaction.
 */
import { DeleteRestricted, RecordNotFound, VersionConflict } from '@objectos/errors'
import { checkChange, writeLoadPredicate } from '../access/write-access.js'
import type { DataContext, Executor } from './data-context.js'
import { recomputeSummaries } from './recompute-summaries.js'
import { loadStoredRow } from './stored-row.js'
import { inTransaction, type WriteEnv } from './write-env.js'

export interface DeleteOptions {
  readonly expectedVersion?: number | undefined
}

export async function deleteRecord(
  env: WriteEnv,
  objectName: string,
  id: string,
  options: DeleteOptions,
  context: DataContext,
): Promise<void> {
  await inTransaction(env, true, (trx) =>
    deleteIn(env, trx, objectName, id, options, context, new Date().toISOString(), true),
  )
}

async function deleteIn(
  env: WriteEnv,
  trx: Executor,
  objectName: string,
  id: string,
  options: DeleteOptions,
  context: DataContext,
  now: string,
  requested = false,
): Promise<void> {
  const { registry, hooks } = env
  const object = registry.object(objectName)
  const { principal } = context
  // The record asked for is loaded under the principal's read access (hidden reads as missing);
  // what its relations cascade to follows from that decision, as the object's metadata says.
  const checked = requested && principal !== undefined ? principal : undefined
  const visible =
    checked === undefined ? undefined : writeLoadPredicate(registry, checked, object, trx.dialect)
  const previous = await loadStoredRow(trx, object, id, visible)
  if (previous === undefined) throw RecordNotFound.create(object.name, id)
  if (checked !== undefined) checkChange(registry, checked, object, previous, undefined, 'delete')
  if (options.expectedVersion !== undefined && options.expectedVersion !== previous.version) {
    throw VersionConflict.create(object.name, id, options.expectedVersion)
  }
  const payload = { object, record: previous, previous, trx, context }
  await hooks.emit('beforeDelete', payload)
  for (const relation of registry.childRelations(object.name)) {
    const child = registry.object(relation.child)
    const column = child.fields.get(relation.field)?.column ?? relation.field
    if (relation.deleteBehavior === 'restrict') {
      const found = await trx.knex(child.table).select('id').where(column, id).first()
      if (found !== undefined) {
        throw DeleteRestricted.create(object.name, id, child.name, relation.field)
      }
    } else if (relation.deleteBehavior === 'cascade') {
      const rows = (await trx.knex(child.table).select('id').where(column, id)) as { id: string }[]
      for (const row of rows) await deleteIn(env, trx, child.name, row.id, {}, context, now)
    } else {
      const rows = (await trx.knex(child.table).select('*').where(column, id)) as Record<
        string,
        unknown
      >[]
      if (rows.length === 0) continue
      await trx
        .knex(child.table)
        .where(column, id)
        .update({ [column]: null, updated_at: now, version: trx.knex.raw('?? + 1', ['version']) })
      await recomputeSummaries(trx, registry, child.name, rows, now)
    }
  }
  await trx.knex(object.table).where('id', id).delete()
  await hooks.emit('afterDelete', payload)
  await recomputeSummaries(trx, registry, object.name, [previous], now)
}
