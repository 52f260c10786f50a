/**
 * How long the audit trail is kept: `OBJECTOS_AUDIT_RETENTION_DAYS` days (default 365; 0 keeps it
 * forever). The purge deletes older `sys_audit_event` and `sys_field_history` rows in batches, so
 * a large backlog never holds one long lock; deleting what is already gone deletes nothing, so any
 * number of processes may purge the same database.
 *
 * @example
 *   const days = retentionDays(process.env) // 365
 *   await purgeAuditTrail(db, registry, days, new Date()) // → { events: 120, history: 14 }
 */
import type { Executor } from '../data/write/data-context.js'
import type { Registry } from '../registry/registry.js'
import { auditObject, historyObject } from './audit-rows.js'

export const retentionVariable = 'OBJECTOS_AUDIT_RETENTION_DAYS'

export const defaultRetentionDays = 365

/** Rows deleted per statement. */
const batchSize = 5000

/** The retention in whole days from the environment; throws on a value that is not one. */
export function retentionDays(env: Readonly<Record<string, string | undefined>>): number {
  const text = env[retentionVariable]?.trim() ?? ''
  if (text === '') return defaultRetentionDays
  if (!/^\d+$/.test(text)) {
    throw new Error(
      `${retentionVariable} must be a whole number of days (0 keeps the audit trail forever), got "${text}"`,
    )
  }
  return Number(text)
}

export interface PurgeResult {
  readonly events: number
  readonly history: number
}

/** Deletes the rows older than `days` before `now`; `days` 0 deletes nothing. */
export async function purgeAuditTrail(
  db: Executor,
  registry: Registry,
  days: number,
  now: Date,
): Promise<PurgeResult> {
  if (days <= 0) return { events: 0, history: 0 }
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString()
  return {
    events: await purgeOlder(db, registry, auditObject, 'occurred_at', cutoff),
    history: await purgeOlder(db, registry, historyObject, 'changed_at', cutoff),
  }
}

async function purgeOlder(
  db: Executor,
  registry: Registry,
  objectName: string,
  fieldName: string,
  cutoff: string,
): Promise<number> {
  const object = registry.objects.get(objectName)
  if (object === undefined) return 0
  const column = object.fields.get(fieldName)?.column ?? fieldName
  let total = 0
  for (;;) {
    const older = db.knex(object.table).select('id').where(column, '<', cutoff).limit(batchSize)
    const deleted = await db.knex(object.table).whereIn('id', older).delete()
    total += deleted
    if (deleted < batchSize) return total
  }
}
