/**
 * Compiles a validated `*.position.yaml` into a PositionNode.
 *
 * @example
 *   compilePosition({ name: 'sales_rep', label: 'Sales rep', permissionSets: ['sales'] }, file)
 */
import type { PositionNode } from '../ir/position-node.js'

type Def = Readonly<Record<string, unknown>>

export function compilePosition(def: Def, file: string): PositionNode {
  const name = String(def.name)
  return Object.freeze({
    kind: 'position',
    name,
    label: typeof def.label === 'string' ? def.label : name,
    file,
    permissionSets: Object.freeze(
      Array.isArray(def.permissionSets) ? def.permissionSets.map(String) : [],
    ),
  })
}
