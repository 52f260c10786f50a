/**
 * Deletes one record and applies each relation's delete behaviour first: `restrict` refuses
 * while children refer to it (409), `cascade` deletes them (recursively, with their own hooks
 * and summaries), `set_null` clears their reference (an update of each child, with its hooks).
 * All in one transaction.
 */
import { DeleteRestricted, RecordNotFound, VersionConflict } from '@objectos/errors'
import type { ObjectNode } from '../../ir/object-node.js'
import { checkChange, writeLoadPredicate } from '../access/write-access.js'
import { decodeRow } from '../values/row-codec.js'
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
  if (checked !== undefined) {
    await checkChange(trx, registry, checked, object, previous, undefined, 'delete')
  }
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
      await clearReferences(env, trx, child, relation.field, column, id, context, now)
    }
  }
  await trx.knex(object.table).where('id', id).delete()
  await hooks.emit('afterDelete', payload)
  await recomputeSummaries(trx, registry, object.name, [previous], now)
}

/** How many referring rows a `set_null` cascade loads at a time. */
const clearBatch = 500

/**
 * A `set_null` relation: every child pointing at the deleted record loses the reference. Each
 * changed child is an update like any other — its version moves, and the update hooks (the
 * audit trail, the outbox) hear it — done in batches so a record with many referrers (a user's
 * audit events) is never loaded all at once.
 */
async function clearReferences(
  env: WriteEnv,
  trx: Executor,
  child: ObjectNode,
  field: string,
  column: string,
  id: string,
  context: DataContext,
  now: string,
): Promise<void> {
  for (;;) {
    const rows = (await trx
      .knex(child.table)
      .select('*')
      .where(column, id)
      .orderBy('id')
      .limit(clearBatch)) as Record<string, unknown>[]
    if (rows.length === 0) return
    await trx
      .knex(child.table)
      .whereIn(
        'id',
        rows.map((row) => row.id as string),
      )
      .update({
        [column]: null,
        updated_at: now,
        updated_by: context.userId ?? null,
        version: trx.knex.raw('?? + 1', ['version']),
      })
    for (const row of rows) {
      const previous = decodeRow(child, row, trx.dialect)
      const record = {
        ...previous,
        [field]: null,
        updated_at: now,
        updated_by: context.userId ?? null,
        version: Number(previous.version) + 1,
      }
      await env.hooks.emit('afterUpdate', { object: child, record, previous, trx, context })
    }
    await recomputeSummaries(trx, env.registry, child.name, rows, now)
    if (rows.length < clearBatch) return
  }
}
