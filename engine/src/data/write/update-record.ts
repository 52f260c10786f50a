/**
 * Updates one record with optimistic concurrency: the stored row is read (and locked on
 * PostgreSQL), `expectedVersion` must match it, and the UPDATE itself is guarded by the version
 * it read, so of two concurrent writers with the same version exactly one wins and the other
 * gets VersionConflict (412). Summaries of the old and new parents are recomputed.
 */
import { RecordNotFound, ValidationFailed, VersionConflict } from '@objectos/errors'
import { uniqueViolationAsValidation } from '../unique-violation.js'
import { checkReferencesAndUnique } from './check-references.js'
import {
  checkChange,
  checkWrittenRow,
  maskRecord,
  writeLoadPredicate,
} from '../access/write-access.js'
import type { DataContext } from './data-context.js'
import { prepareRecord } from './prepare-record.js'
import { recomputeSummaries } from './recompute-summaries.js'
import { completeRecord, encodeColumns, loadStoredRow } from './stored-row.js'
import { inTransaction, type WriteEnv } from './write-env.js'

export interface UpdateOptions {
  /** The version the caller read (ETag / If-Match); a mismatch is VersionConflict. */
  readonly expectedVersion?: number | undefined
}

export async function updateRecord(
  env: WriteEnv,
  objectName: string,
  id: string,
  patch: unknown,
  options: UpdateOptions,
  context: DataContext,
): Promise<Record<string, unknown>> {
  const { registry, hooks } = env
  const object = registry.object(objectName)
  const now = new Date()
  try {
    return await inTransaction(env, true, async (trx) => {
      const { principal } = context
      const visible =
        principal === undefined
          ? undefined
          : writeLoadPredicate(registry, principal, object, trx.dialect)
      const previous = await loadStoredRow(trx, object, id, visible)
      if (previous === undefined) throw RecordNotFound.create(object.name, id)
      if (principal !== undefined) {
        await checkChange(trx, registry, principal, object, previous, patch, 'edit')
      }
      const version = Number(previous.version)
      if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
        throw VersionConflict.create(object.name, id, options.expectedVersion)
      }
      const { record, changed } = prepareRecord(object, patch, previous, context, now)
      const errors = await checkReferencesAndUnique(
        trx,
        registry,
        object,
        record,
        changed,
        id,
        principal,
        previous,
      )
      if (errors.length > 0) throw ValidationFailed.withFields(errors, object.name, errors.length)
      Object.assign(record, {
        updated_at: now.toISOString(),
        updated_by: context.userId ?? null,
        version: version + 1,
      })
      const payload = { object, record, previous, trx, context }
      await hooks.emit('beforeUpdate', payload)
      const columns = [...object.fields.values()]
        .filter((f) => f.name !== 'id' && f.name !== 'created_at' && f.name !== 'created_by')
        .map((f) => f.name)
      const count = await trx
        .knex(object.table)
        .where({ id, version })
        .update(encodeColumns(object, record, columns, trx))
      if (count !== 1)
        throw VersionConflict.create(object.name, id, options.expectedVersion ?? version)
      if (principal !== undefined) {
        await checkWrittenRow(trx, registry, principal, object, { ...record, id }, 'edit')
      }
      await hooks.emit('afterUpdate', payload)
      await recomputeSummaries(trx, registry, object.name, [previous, record], now.toISOString())
      const updated = completeRecord(object, record)
      return principal === undefined ? updated : maskRecord(registry, principal, object, updated)
    })
  } catch (error) {
    throw uniqueViolationAsValidation(error, object.name)
  }
}
