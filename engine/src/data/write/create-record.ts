/**
 * Creates one record: prepare (convert, default, compute, check, validate), then in one
 * transaction check references and uniqueness, draw autonumbers, run beforeCreate, insert, run
 * afterCreate and recompute the parent summaries. Any failure rolls everything back.
 */
import { ValidationFailed } from '@objectos/errors'
import { uniqueViolationAsValidation } from '../unique-violation.js'
import { checkReferencesAndUnique } from './check-references.js'
import { checkCreate, checkWrittenRow, checksWrites, maskRecord } from '../access/write-access.js'
import type { DataContext } from './data-context.js'
import { newRecordId } from './new-record-id.js'
import { nextAutonumber } from './next-autonumber.js'
import { prepareRecord } from './prepare-record.js'
import { recomputeSummaries } from './recompute-summaries.js'
import { completeRecord, encodeColumns } from './stored-row.js'
import { inTransaction, type WriteEnv } from './write-env.js'
import { needsTransaction } from './write-plan.js'

export async function createRecord(
  env: WriteEnv,
  objectName: string,
  input: unknown,
  context: DataContext,
): Promise<Record<string, unknown>> {
  const { registry, hooks } = env
  const object = registry.object(objectName)
  const now = new Date()
  const { principal } = context
  if (principal !== undefined) checkCreate(registry, principal, object, input)
  const { record, changed } = prepareRecord(object, input, undefined, context, now)
  const stamp = now.toISOString()
  Object.assign(record, {
    id: newRecordId(now.getTime()),
    created_at: stamp,
    updated_at: stamp,
    created_by: context.userId ?? null,
    updated_by: context.userId ?? null,
    owner_id: record.owner_id ?? context.userId ?? null,
    version: 1,
  })
  // A new parent has no children yet: counts and sums start at 0, the others empty.
  for (const field of object.fields.values()) {
    if (field.summary !== undefined) {
      record[field.name] = field.summary.fn === 'count' || field.summary.fn === 'sum' ? 0 : null
    }
  }
  const transactional =
    needsTransaction(registry, object, changed, hooks, 'Create') ||
    checksWrites(registry, principal, object)
  try {
    return await inTransaction(env, transactional, async (trx) => {
      if (transactional) {
        const errors = await checkReferencesAndUnique(
          trx,
          registry,
          object,
          record,
          changed,
          undefined,
          principal,
        )
        if (errors.length > 0) throw ValidationFailed.withFields(errors, object.name, errors.length)
        for (const field of object.fields.values()) {
          if (field.source === 'autonumber') {
            record[field.name] = await nextAutonumber(trx, object.name, field, record, now)
          }
        }
      }
      const payload = { object, record, previous: undefined, trx, context }
      await hooks.emit('beforeCreate', payload)
      await trx.knex(object.table).insert(encodeColumns(object, record, object.fields.keys(), trx))
      if (principal !== undefined) {
        await checkWrittenRow(trx, registry, principal, object, record, 'create')
      }
      await hooks.emit('afterCreate', payload)
      await recomputeSummaries(trx, registry, object.name, [record], stamp)
      const created = completeRecord(object, record)
      return principal === undefined ? created : maskRecord(registry, principal, object, created)
    })
  } catch (error) {
    throw uniqueViolationAsValidation(error, object.name)
  }
}
