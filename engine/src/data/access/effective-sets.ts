/**
 * The permission sets a principal holds in effect: those assigned through the data (to the
 * user, or to a position they hold — loaded with the principal), those bound in metadata to a
 * position they hold (`*.position.yaml`), and those bound to everyone (`isDefault: true`).
 *
 * @example
 *   effectiveSets(registry, rita) // → ['everyone_reads_accounts', 'sales_rep']
 */
import type { Registry } from '../../registry/registry.js'
import type { Principal } from './principal.js'

export function effectiveSets(registry: Registry, principal: Principal): readonly string[] {
  const names = new Set(principal.permissionSets)
  if (principal.userId !== '') {
    for (const name of registry.defaultPermissionSets) names.add(name)
  }
  for (const position of principal.positions ?? []) {
    for (const name of registry.positions.get(position)?.permissionSets ?? []) names.add(name)
  }
  return [...names].sort()
}
