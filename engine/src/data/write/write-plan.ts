/**
 * Whether a write needs more than its one INSERT/UPDATE statement (references or unique values to
 * check, autonumbers, summaries to recompute, hooks to run). A write that does not runs as that
 * single statement, which is atomic on its own; everything else runs in one transaction.
 */
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import type { HookBus } from '../../runtime/hook-bus.js'

export function needsTransaction(
  registry: Registry,
  object: ObjectNode,
  changed: ReadonlySet<string>,
  hooks: HookBus,
  event: 'Create' | 'Update',
): boolean {
  if (hooks.has(`before${event}`) || hooks.has(`after${event}`)) return true
  if (registry.summariesFedBy(object.name).length > 0) return true
  for (const field of object.fields.values()) {
    if (field.source === 'autonumber' && event === 'Create') return true
    if (!changed.has(field.name)) continue
    if (field.reference !== undefined || (field.unique && field.source === 'input')) return true
  }
  return false
}
