/**
 * The record-level part of access, as one SQL predicate: which records an operation reaches.
 * It is ANDed into every query the engine runs for the principal — lists, gets, counts,
 * aggregates, expansions, lookups' subqueries, the row a write loads — so a hidden record is
 * never read at all. The predicate is
 *
 *   (ownership OR sharing rules OR manual shares) AND (row-level policies, ORed)
 *
 * - ownership: every row, the principal's own, or theirs and their reports' (object-access.ts);
 * - sharing rules whose recipient is the principal and whose access covers the operation
 *   (read, or edit for `edit`; never delete), each its lowered CEL condition;
 * - manual shares (`sys_record_share`) made to the principal, for read or edit;
 * - the row-level policies of the principal's sets for the operation narrow all of it.
 *
 * Sharing only widens the records of an object the principal's sets already grant.
 *
 * @example
 *   const only = rowPredicate(access, principal, 'deal', 'read', 'sqlite') // `deal.owner_id = ?` or …
 */
import { rowConditionFilter, type RowCondition } from '@objectos/metadata'
import type { RowOperation, RowPolicyNode } from '../../ir/permission-set-node.js'
import type { SharingRuleNode } from '../../ir/sharing-rule-node.js'
import type { Dialect } from '../connection/database.js'
import { compileFilter } from '../query/compile-filter.js'
import {
  alwaysFalse,
  alwaysTrue,
  andAll,
  fragment,
  orAll,
  type SqlFragment,
} from '../query/sql-fragment.js'
import type { ObjectAccess, RowReach } from './object-access.js'
import type { Principal } from './principal.js'
import { userValue } from './user-context.js'

export type RowMode = 'read' | 'edit' | 'delete'

/** The object manual shares are kept in. */
export const shareObject = 'sys_record_share'

const operationOf: Readonly<Record<RowMode, RowOperation>> = {
  read: 'select',
  edit: 'update',
  delete: 'delete',
}

/** The predicate limiting `qualifier`'s rows, or undefined when every row is reachable. */
export function rowPredicate(
  access: ObjectAccess,
  principal: Principal,
  qualifier: string,
  mode: RowMode,
  dialect: Dialect,
): SqlFragment | undefined {
  const reach = reachPredicate(access, principal, qualifier, mode, dialect)
  const policies = access.policies[operationOf[mode]]
  if (policies.length === 0) return reach
  const narrowed = orAll(
    policies.map((policy) =>
      policy.using === undefined
        ? alwaysTrue
        : conditionSql(access, principal, policy.using, qualifier, dialect),
    ),
  )
  return reach === undefined ? narrowed : andAll([reach, narrowed])
}

/**
 * Ownership alone — without sharing rules and manual shares — narrowed by the policies: who
 * may share a record (a share cannot be passed on by its recipient).
 */
export function ownershipPredicate(
  access: ObjectAccess,
  principal: Principal,
  qualifier: string,
  dialect: Dialect,
): SqlFragment | undefined {
  const reach = access.editReach
  const owned =
    !access.edit || reach === 'none' || principal.userId === ''
      ? alwaysFalse
      : reach === 'all'
        ? undefined
        : ownerPredicate(principal, qualifier, reach, dialect)
  const policies = access.policies.update
  if (policies.length === 0) return owned
  const narrowed = orAll(
    policies.map((policy) =>
      policy.using === undefined
        ? alwaysTrue
        : conditionSql(access, principal, policy.using, qualifier, dialect),
    ),
  )
  return owned === undefined ? narrowed : andAll([owned, narrowed])
}

/** Ownership, widened by sharing rules and manual shares. */
function reachPredicate(
  access: ObjectAccess,
  principal: Principal,
  qualifier: string,
  mode: RowMode,
  dialect: Dialect,
): SqlFragment | undefined {
  const reach =
    mode === 'read' ? access.readReach : mode === 'edit' ? access.editReach : access.deleteReach
  if (reach === 'all') return undefined
  const allowed = mode === 'read' ? access.read : mode === 'edit' ? access.edit : access.delete
  if (!allowed || principal.userId === '') return alwaysFalse
  const parts: SqlFragment[] = []
  if (reach !== 'none') parts.push(ownerPredicate(principal, qualifier, reach, dialect))
  if (mode !== 'delete') {
    for (const rule of access.sharingRules) {
      const shared = sharingRuleSql(access, principal, rule, qualifier, mode, dialect)
      if (shared !== undefined) parts.push(shared)
    }
    const shares = manualSharesSql(access, principal, qualifier, mode, dialect)
    if (shares !== undefined) parts.push(shares)
  }
  return orAll(parts)
}

function ownerPredicate(
  principal: Principal,
  qualifier: string,
  reach: Exclude<RowReach, 'all' | 'none'>,
  dialect: Dialect,
): SqlFragment {
  const column = `${qualifier}.owner_id`
  const owners = reach === 'own' ? [principal.userId] : [principal.userId, ...principal.reports]
  if (owners.length === 1) return fragment('?? = ?', [column, principal.userId])
  // One bound JSON list, so the SQL text is the same however many reports there are.
  const list =
    dialect === 'sqlite'
      ? 'select value from json_each(?)'
      : 'select jsonb_array_elements_text(?::jsonb)'
  return fragment(`?? in (${list})`, [column, JSON.stringify(owners)])
}

/** The records a sharing rule shares with the principal, or undefined if it shares none. */
function sharingRuleSql(
  access: ObjectAccess,
  principal: Principal,
  rule: SharingRuleNode,
  qualifier: string,
  mode: RowMode,
  dialect: Dialect,
): SqlFragment | undefined {
  if (mode === 'edit' && rule.access !== 'edit') return undefined
  const { recipient } = rule
  if (recipient.kind === 'user') {
    const value = recipient.user.toLowerCase()
    if (value !== principal.userId.toLowerCase() && value !== principal.email?.toLowerCase()) {
      return undefined
    }
  } else if (recipient.kind === 'position') {
    if (!(principal.positions ?? []).includes(recipient.position)) return undefined
  }
  const condition = conditionSql(access, principal, rule.condition, qualifier, dialect)
  if (recipient.kind !== 'field') return condition
  const column = access.object.fields.get(recipient.field)?.column ?? recipient.field
  return andAll([condition, fragment('?? = ?', [`${qualifier}.${column}`, principal.userId])])
}

function manualSharesSql(
  access: ObjectAccess,
  principal: Principal,
  qualifier: string,
  mode: RowMode,
  dialect: Dialect,
): SqlFragment | undefined {
  const shares = access.registry.objects.get(shareObject)
  if (shares === undefined || access.object.name === shareObject) return undefined
  const level = mode === 'edit' ? ` and access_level = 'edit'` : ''
  const ids = `select record_id from ?? where object_name = ? and shared_with = ?${level}`
  // PostgreSQL reads `= any(array(…))` once, before the scan, so it can still combine the
  // owner's and the sharing rules' indexes with the primary key; `in (…)` would be checked per
  // row and keep it from using them.
  const sql = dialect === 'postgres' ? `?? = any(array(${ids}))` : `?? in (${ids})`
  return fragment(sql, [`${qualifier}.id`, shares.table, access.object.name, principal.userId])
}

/** What a row a policy's holder writes must match: its `check`, or else its `using`. */
export function policyCheckSql(
  access: ObjectAccess,
  principal: Principal,
  policy: RowPolicyNode,
  qualifier: string,
  dialect: Dialect,
): SqlFragment {
  const condition = policy.check ?? policy.using
  return condition === undefined
    ? alwaysTrue
    : conditionSql(access, principal, condition, qualifier, dialect)
}

/** A lowered CEL condition as SQL over `qualifier`, with the principal's values bound. */
function conditionSql(
  access: ObjectAccess,
  principal: Principal,
  condition: RowCondition,
  qualifier: string,
  dialect: Dialect,
): SqlFragment {
  const filter = rowConditionFilter(condition, (source) => userValue(principal, source))
  if (filter === true) return alwaysTrue
  if (filter === false) return alwaysFalse
  try {
    return (
      compileFilter(
        { registry: access.registry, dialect, alias: qualifier },
        access.object,
        filter,
      ) ?? alwaysTrue
    )
  } catch {
    // A user value the field cannot hold (a timestamp against a date, text against a number)
    // matches no row, as a CEL error would: it fails closed, and never blames the caller.
    return alwaysFalse
  }
}

/** One part of the row predicate, named, for explaining which part admits a record. */
export interface RowSource {
  readonly kind: 'sharing_rule' | 'manual_share' | 'policy'
  readonly name: string
  readonly predicate: SqlFragment
}

/**
 * The sharing rules and manual shares that could widen the principal's reach, and the policies
 * that narrow it, each as its own predicate (explain-access.ts asks which admit a record).
 */
export function rowSources(
  access: ObjectAccess,
  principal: Principal,
  qualifier: string,
  mode: RowMode,
  dialect: Dialect,
): RowSource[] {
  const sources: RowSource[] = []
  const allowed = mode === 'read' ? access.read : mode === 'edit' ? access.edit : access.delete
  if (allowed && principal.userId !== '' && mode !== 'delete') {
    for (const rule of access.sharingRules) {
      const predicate = sharingRuleSql(access, principal, rule, qualifier, mode, dialect)
      if (predicate !== undefined)
        sources.push({ kind: 'sharing_rule', name: rule.name, predicate })
    }
    const shares = manualSharesSql(access, principal, qualifier, mode, dialect)
    if (shares !== undefined)
      sources.push({ kind: 'manual_share', name: shareObject, predicate: shares })
  }
  for (const policy of access.policies[operationOf[mode]]) {
    const predicate =
      policy.using === undefined
        ? alwaysTrue
        : conditionSql(access, principal, policy.using, qualifier, dialect)
    sources.push({ kind: 'policy', name: policy.name, predicate })
  }
  return sources
}
