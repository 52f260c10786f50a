/**
 * The record-level part of access, as SQL and as a check on a loaded row: which records an
 * operation reaches (all of them, the principal's own, or their own and their reports'). The
 * read predicate is ANDed into every query the engine runs for the principal — lists, gets,
 * counts, aggregates, expansions, lookups' subqueries — so a hidden record is never read at all.
 *
 * @example
 *   const only = rowPredicate(access, principal, 'deal', 'read') // `deal.owner_id = ?` or undefined
 */
import type { Dialect } from '../connection/database.js'
import { alwaysFalse, fragment, type SqlFragment } from '../query/sql-fragment.js'
import type { ObjectAccess, RowReach } from './object-access.js'
import type { Principal } from './principal.js'

export type RowMode = 'read' | 'edit'

/** The predicate limiting `qualifier`'s rows, or undefined when every row is reachable. */
export function rowPredicate(
  access: ObjectAccess,
  principal: Principal,
  qualifier: string,
  mode: RowMode,
  dialect: Dialect,
): SqlFragment | undefined {
  const reach = reachFor(access, mode)
  if (reach === 'all') return undefined
  if (reach === 'none' || principal.userId === '') return alwaysFalse
  const column = `${qualifier}.owner_id`
  const owners = ownersFor(principal, reach)
  if (owners.length === 1) return fragment('?? = ?', [column, principal.userId])
  // One bound JSON list, so the SQL text is the same however many reports there are.
  const list =
    dialect === 'sqlite'
      ? 'select value from json_each(?)'
      : 'select jsonb_array_elements_text(?::jsonb)'
  return fragment(`?? in (${list})`, [column, JSON.stringify(owners)])
}

/** The same rule on a row already loaded (the write path reads the row it changes). */
export function rowReachable(
  access: ObjectAccess,
  principal: Principal,
  row: Readonly<Record<string, unknown>>,
  mode: RowMode,
): boolean {
  const reach = reachFor(access, mode)
  if (reach === 'all') return true
  if (reach === 'none' || principal.userId === '') return false
  return ownersFor(principal, reach).includes(String(row.owner_id))
}

function reachFor(access: ObjectAccess, mode: RowMode): RowReach {
  return mode === 'read' ? access.readReach : access.editReach
}

function ownersFor(principal: Principal, reach: RowReach): readonly string[] {
  return reach === 'own' ? [principal.userId] : [principal.userId, ...principal.reports]
}
