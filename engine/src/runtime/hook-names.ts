/**
 * The one closed list of hooks and what each one carries. A plugin can only listen to a name in
 * this list (TypeScript refuses others, and so does the bus at run time), so "which hooks exist"
 * has one answer, as in Fastify.
 */
import type { ObjectNode } from '../ir/object-node.js'
import type { Registry } from '../registry/registry.js'
import type { DataContext, Executor } from '../data/write/data-context.js'

/** A record write in flight. Before-hooks may change `record`; throwing rejects the write. */
export interface RecordHookPayload {
  readonly object: ObjectNode
  /** The record as it will be (before-hooks) or as it was stored (after-hooks). */
  readonly record: Record<string, unknown>
  /** The stored record before an update or delete. */
  readonly previous: Readonly<Record<string, unknown>> | undefined
  /** The transaction the write runs in: hooks that write must use it to stay atomic. */
  readonly trx: Executor
  readonly context: DataContext
}

export interface HookPayloads {
  readonly beforeCreate: RecordHookPayload
  readonly afterCreate: RecordHookPayload
  readonly beforeUpdate: RecordHookPayload
  readonly afterUpdate: RecordHookPayload
  readonly beforeDelete: RecordHookPayload
  readonly afterDelete: RecordHookPayload
  /** Every plugin has started. */
  readonly appStarted: { readonly registry: Registry }
  /** The kernel is stopping; plugins stop after this. */
  readonly appStopping: Record<string, never>
  /** A reload swapped in a new registry. */
  readonly registryReloaded: { readonly previous: Registry; readonly registry: Registry }
}

export type HookName = keyof HookPayloads

export const hookNames: readonly HookName[] = [
  'beforeCreate',
  'afterCreate',
  'beforeUpdate',
  'afterUpdate',
  'beforeDelete',
  'afterDelete',
  'appStarted',
  'appStopping',
  'registryReloaded',
]

export const recordHookNames = hookNames.slice(0, 6) as readonly (
  'beforeCreate' | 'afterCreate' | 'beforeUpdate' | 'afterUpdate' | 'beforeDelete' | 'afterDelete'
)[]
