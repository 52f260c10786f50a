/**
 * The audit trail as a kernel plugin. After every create, update and delete of a record — inside
 * the write's transaction, so a write that rolls back leaves no trace and one that commits always
 * has its row — it inserts one `sys_audit_event` (who, when, through which door, the changed
 * fields before and after) and one `sys_field_history` row per changed field marked
 * `trackHistory: true`. The identity layer's events (sign-in, failures, keys, …) arrive through
 * `recordAuthEvent`. Both objects are the audit plugin's alone: writes to them through the record
 * service (and so through every API) are refused, reads go through the APIs under the same
 * permissions as any object.
 *
 * Rows older than `OBJECTOS_AUDIT_RETENTION_DAYS` (default 365, 0 = forever) are purged at start
 * and then every hour by each process; deleting the same old rows twice is harmless.
 *
 * @example
 *   const audit = auditPlugin()
 *   createKernel(registry, [dataPlugin({ db }), audit, identityPlugin({ onAuthEvent: audit.recordAuthEvent })])
 */
import { ObjectAccessDenied } from '@objectos/errors'
import {
  auditObject,
  historyObject,
  insertAuditEvent,
  insertFieldHistory,
  type HistoryEntry,
} from '../../audit/audit-rows.js'
import {
  purgeAuditTrail,
  retentionDays,
  retentionVariable,
  type PurgeResult,
} from '../../audit/audit-retention.js'
import { recordChanges } from '../../audit/record-changes.js'
import type { Database } from '../../data/connection/database.js'
import { decodeRow } from '../../data/values/row-codec.js'
import type { Executor } from '../../data/write/data-context.js'
import type { UserWrite } from '../../identity/adapter/user-rows.js'
import { userObject } from '../../identity/user-defaults.js'
import type { AuthEvent } from '../../identity/auth-event.js'
import type { RegistryHolder } from '../../registry/registry-holder.js'
import { definePlugin, type Plugin } from '../../runtime/define-plugin.js'
import type { HookBus } from '../../runtime/hook-bus.js'
import type { RecordHookPayload } from '../../runtime/hook-names.js'

export interface AuditPluginOptions {
  /** Where OBJECTOS_AUDIT_RETENTION_DAYS is read (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
  /** Days to keep the trail; overrides the environment. 0 keeps it forever. */
  readonly retentionDays?: number | undefined
  /** The clock the purge reads (tests move it). */
  readonly now?: (() => Date) | undefined
  /** Milliseconds between purges after the one at start (default one hour). */
  readonly purgeEvery?: number | undefined
}

/** The `audit` service. */
export interface AuditTrail {
  recordAuthEvent(event: AuthEvent): Promise<void>
  /** Deletes what is older than the retention, as of `now` (default: the plugin's clock). */
  purge(now?: Date): Promise<PurgeResult>
}

export interface AuditPlugin extends Plugin {
  /** Hand this to the identity layer (`onAuthEvent`); it records once the kernel has started. */
  readonly recordAuthEvent: (event: AuthEvent) => Promise<void>
  /**
   * Hand this to the identity layer (`onUserWrite`): a `sys_user` row better-auth wrote, as a
   * create, update or delete with its changed fields, in the write's transaction.
   */
  readonly recordUserWrite: (executor: Executor, write: UserWrite) => Promise<void>
}

const auditedActions = {
  afterCreate: 'create',
  afterUpdate: 'update',
  afterDelete: 'delete',
} as const

const refusedWrites = {
  beforeCreate: 'create',
  beforeUpdate: 'edit',
  beforeDelete: 'delete',
} as const

/** The trail's own objects: never audited, never written through the record service. */
const trailObjects: ReadonlySet<string> = new Set([auditObject, historyObject])

export function auditPlugin(options: AuditPluginOptions = {}): AuditPlugin {
  const clock = options.now ?? (() => new Date())
  let trail: AuditTrail | undefined
  let registryHolder: RegistryHolder | undefined
  let timer: NodeJS.Timeout | undefined
  const plugin = definePlugin({
    name: 'audit',
    dependencies: ['data'],
    init(ctx) {
      const days = options.retentionDays ?? retentionDays(options.env ?? process.env)
      if (!Number.isInteger(days) || days < 0) {
        throw new Error(`${retentionVariable} must be a whole number of days, got ${days}`)
      }
      const db = ctx.services.get<Database>('database')
      registryHolder = ctx.registry
      listen(ctx.hooks, ctx.registry)
      trail = createTrail(db, ctx.registry, days, clock)
      ctx.services.provide<AuditTrail>('audit', trail)
    },
    async start() {
      const current = trail
      if (current === undefined) return
      await current.purge()
      timer = setInterval(() => {
        current.purge().catch((error: unknown) => {
          process.stderr.write(`objectos: the audit purge failed: ${(error as Error).message}\n`)
        })
      }, options.purgeEvery ?? 3_600_000)
      timer.unref()
    },
    stop() {
      if (timer !== undefined) clearInterval(timer)
      timer = undefined
    },
  })
  return Object.freeze({
    ...plugin,
    recordAuthEvent: async (event: AuthEvent) => {
      await trail?.recordAuthEvent(event)
    },
    recordUserWrite: async (executor: Executor, write: UserWrite) => {
      if (registryHolder === undefined) return
      await recordIdentityWrite(registryHolder, executor, write)
    },
  })
}

/**
 * A user row the identity layer wrote directly (sign-up, a provider's new user, a profile,
 * verification or two-factor change): the same create, update or delete row a record write gets,
 * through the `auth` door, with the user as actor once the account exists.
 */
async function recordIdentityWrite(
  registry: RegistryHolder,
  executor: Executor,
  write: UserWrite,
): Promise<void> {
  const current = registry.current()
  const events = current.objects.get(auditObject)
  const users = current.objects.get(userObject)
  if (events === undefined || users === undefined) return
  const decode = (row: Readonly<Record<string, unknown>> | undefined) =>
    row === undefined ? undefined : decodeRow(users, { ...row }, executor.dialect)
  const before = decode(write.before)
  const after = decode(write.after)
  const changes = recordChanges(users, before, after)
  if (before !== undefined && after !== undefined && Object.keys(changes).length === 0) return
  await insertAuditEvent(executor, events, {
    at: new Date(),
    // A new account has no actor of its own (the sign_up event says how it was made); later
    // changes through the identity layer are the user's.
    actor: before === undefined ? null : write.id,
    door: 'auth',
    action: before === undefined ? 'create' : after === undefined ? 'delete' : 'update',
    objectName: users.name,
    recordId: write.id,
    changes,
    detail: null,
  })
}

function listen(hooks: HookBus, registry: RegistryHolder): void {
  for (const [hook, action] of Object.entries(auditedActions)) {
    hooks.on(hook as keyof typeof auditedActions, (payload) =>
      recordWrite(registry, action, payload),
    )
  }
  for (const [hook, operation] of Object.entries(refusedWrites)) {
    hooks.on(hook as keyof typeof refusedWrites, ({ object }) => {
      if (trailObjects.has(object.name)) throw ObjectAccessDenied.create(operation, object.name)
    })
  }
}

async function recordWrite(
  registry: RegistryHolder,
  action: 'create' | 'update' | 'delete',
  { object, record, previous, trx, context }: RecordHookPayload,
): Promise<void> {
  if (trailObjects.has(object.name)) return
  const current = registry.current()
  const events = current.objects.get(auditObject)
  // An app compiled without the platform's objects (planner tests) has nowhere to keep a trail.
  if (events === undefined) return
  const at = new Date()
  const actor = context.userId || null
  const recordId = String(record.id)
  const changes = recordChanges(
    object,
    action === 'create' ? undefined : previous,
    action === 'delete' ? undefined : record,
  )
  await insertAuditEvent(trx, events, {
    at,
    actor,
    door: context.door ?? 'system',
    action,
    objectName: object.name,
    recordId,
    changes,
    detail: null,
  })
  const history: HistoryEntry[] = []
  for (const [field, change] of Object.entries(changes)) {
    if (object.fields.get(field)?.trackHistory !== true) continue
    history.push({ objectName: object.name, recordId, field, ...change, at, actor })
  }
  const fields = current.objects.get(historyObject)
  if (history.length > 0 && fields !== undefined) await insertFieldHistory(trx, fields, history)
}

function createTrail(
  db: Database,
  registry: RegistryHolder,
  days: number,
  clock: () => Date,
): AuditTrail {
  return {
    async recordAuthEvent(event) {
      const events = registry.current().objects.get(auditObject)
      if (events === undefined) return
      const actor = event.actorId === undefined ? (event.userId ?? null) : event.actorId
      await insertAuditEvent(db, events, {
        at: new Date(),
        actor,
        door: 'auth',
        action: event.action,
        objectName: event.userId === undefined ? null : 'sys_user',
        recordId: event.userId ?? null,
        changes: null,
        detail: event.detail,
      })
    },
    purge: (now = clock()) => purgeAuditTrail(db, registry.current(), days, now),
  }
}
