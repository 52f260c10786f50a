/**
 * Manual shares as a kernel plugin. A `sys_record_share` row shares one record with one user,
 * for reading or editing; the access layer ORs the shares made to a principal into their row
 * predicate (data/access/row-access.ts). This plugin guards the shares themselves, inside the
 * write's transaction:
 *
 * - a share must name an object that exists and a record of it that exists — and that its maker
 *   may read: one they may not read is missing for them, so no answer tells which ids exist;
 * - only someone who may edit the record through ownership — its owner, those above the owner
 *   in the hierarchy, holders of modify-all, administrators, the system — may share it, change
 *   a share of it or take one back; a share cannot be passed on by its recipient;
 * - when a record is deleted, or changes owner, its shares go with it (a new owner shares
 *   afresh); a share of an object the app no longer has can always be deleted.
 *
 * @example
 *   createKernel(registry, [dataPlugin({ db }), recordSharesPlugin()])
 */
import { ShareDenied, ValidationFailed } from '@objectos/errors'
import { objectAccess } from '../../data/access/object-access.js'
import { ownershipPredicate, rowPredicate, shareObject } from '../../data/access/row-access.js'
import { alwaysFalse, type SqlFragment } from '../../data/query/sql-fragment.js'
import type { RegistryHolder } from '../../registry/registry-holder.js'
import { definePlugin, type Plugin } from '../../runtime/define-plugin.js'
import type { RecordHookPayload } from '../../runtime/hook-names.js'

export function recordSharesPlugin(): Plugin {
  return definePlugin({
    name: 'record-shares',
    dependencies: ['data'],
    init(ctx) {
      const guard = (removing: boolean) => (payload: RecordHookPayload) =>
        payload.object.name === shareObject
          ? checkShare(ctx.registry, payload, removing)
          : undefined
      ctx.hooks.on('beforeCreate', guard(false))
      ctx.hooks.on('beforeUpdate', guard(false))
      ctx.hooks.on('beforeDelete', guard(true))
      ctx.hooks.on('afterDelete', ({ object, record, trx }) =>
        dropShares(ctx.registry, object.name, record, trx),
      )
      // A new owner starts afresh: the old owner's shares would outlive their right to revoke.
      ctx.hooks.on('afterUpdate', ({ object, record, previous, trx }) =>
        previous !== undefined && previous.owner_id !== record.owner_id
          ? dropShares(ctx.registry, object.name, record, trx)
          : undefined,
      )
    },
  })
}

async function checkShare(
  registry: RegistryHolder,
  payload: RecordHookPayload,
  removing: boolean,
): Promise<void> {
  const { record, previous, trx, context } = payload
  const current = registry.current()
  for (const share of previous === undefined || removing ? [record] : [previous, record]) {
    const objectName = String(share.object_name)
    const recordId = String(share.record_id)
    const target = current.objects.get(objectName)
    // A share of an object the app no longer has shares nothing; taking it away is always fine.
    if (removing && (target === undefined || context.principal === undefined)) continue
    if (target === undefined || objectName === shareObject) {
      throw ValidationFailed.withFields(
        [
          {
            field: 'object_name',
            code: 'reference',
            message: `there is no object "${objectName}" to share`,
          },
        ],
        shareObject,
        1,
      )
    }
    const principal = context.principal
    if (principal === undefined) {
      if (await found(trx, target.table, recordId, undefined)) continue
      throw missingRecord(objectName, recordId)
    }
    const access = objectAccess(current, principal, objectName)
    const owned = ownershipPredicate(access, principal, target.table, trx.dialect)
    if (await found(trx, target.table, recordId, owned)) continue
    // A record the maker cannot read is missing for them, exactly like one that does not exist:
    // the answer must not tell which ids exist.
    const readable = access.read
      ? rowPredicate(access, principal, target.table, 'read', trx.dialect)
      : alwaysFalse
    if (await found(trx, target.table, recordId, readable)) {
      throw ShareDenied.create(objectName, recordId)
    }
    throw missingRecord(objectName, recordId)
  }
}

function missingRecord(objectName: string, recordId: string) {
  return ValidationFailed.withFields(
    [
      {
        field: 'record_id',
        code: 'reference',
        message: `there is no ${objectName} with id "${recordId}"`,
      },
    ],
    shareObject,
    1,
  )
}

async function found(
  trx: RecordHookPayload['trx'],
  table: string,
  id: string,
  predicate: SqlFragment | undefined,
): Promise<boolean> {
  const query = trx.knex(table).select('id').where('id', id)
  if (predicate !== undefined) query.whereRaw(`(${predicate.sql})`, predicate.bindings as never[])
  return (await query.first()) !== undefined
}

async function dropShares(
  registry: RegistryHolder,
  objectName: string,
  record: Readonly<Record<string, unknown>>,
  trx: RecordHookPayload['trx'],
): Promise<void> {
  const shares = registry.current().objects.get(shareObject)
  if (shares === undefined || objectName === shareObject) return
  await trx
    .knex(shares.table)
    .where({ object_name: objectName, record_id: String(record.id) })
    .delete()
}
