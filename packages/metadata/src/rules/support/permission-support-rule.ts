/**
 * The engine support matrix for permission sets: the access layer enforces object grants (the
 * CRUD bits, transfer, view/modify all, read and write scopes), field grants (readable,
 * editable), `isDefault` (bound to everyone) and row-level policies (`rowLevelSecurity`), and
 * nothing else. Any other key that declares something — `allowExport`, `systemPermissions`, a
 * policy's `priority`, … — would be accepted and then grant or limit nothing,
 * so it is refused at the key; so are the scopes that need business units and the wildcard
 * object `*`. Whether the objects and fields a set names exist is the security-references rule's
 * job.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { report } from '../../diagnostics/report.js'
import { locate, type LocatePart } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import type { Rule, RuleContext } from '../rule-context.js'
import { asArray, entriesOf, get } from '../value-guards.js'
import { declaresSomething, isHonouredKey, isHonouredValue } from './honoured-keys.js'
import {
  policyUsingHint,
  recordScopeHint,
  unsupportedKeyHint,
  wildcardObjectHint,
} from './unsupported-key-hints.js'

export const permissionSupportRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'permission') return
  const set = `permission set "${declaredName(ctx.doc)}"`
  for (const [key, value] of entriesOf(ctx.doc.value)) {
    if (isHonouredKey('permissionSet', key) || !declaresSomething(value)) continue
    refuse(ctx, [key], 'key', key, set, unsupportedKeyHint('permissionSet', key))
  }
  for (const [object, grant] of entriesOf(get(ctx.doc.value, 'objects'))) {
    if (object === '*') {
      if (declaresSomething(grant)) {
        refuse(ctx, ['objects', object], 'key', '*', set, wildcardObjectHint)
      }
      continue
    }
    checkObjectGrant(ctx, object, grant, `object "${object}" in ${set}`)
  }
  asArray(get(ctx.doc.value, 'rowLevelSecurity')).forEach((policy, i) => {
    const where = `row-level policy ${i + 1} of ${set}`
    for (const [key, value] of entriesOf(policy)) {
      if (isHonouredKey('rowPolicy', key) || !declaresSomething(value)) continue
      refuse(ctx, ['rowLevelSecurity', i, key], 'key', key, where, unsupportedKeyHint('other', key))
    }
    // Without `using` a policy narrows no row: for select, update or delete it would do nothing.
    const operation = get(policy, 'operation')
    const narrows = operation === 'select' || operation === 'update' || operation === 'delete'
    const checks = declaresSomething(get(policy, 'check'))
    if (!declaresSomething(get(policy, 'using')) && (narrows || (operation === 'all' && !checks))) {
      const what = `operation: ${String(operation)} without "using"`
      refuse(ctx, ['rowLevelSecurity', i, 'operation'], 'value', what, where, policyUsingHint)
    }
  })
  for (const [field, grant] of entriesOf(get(ctx.doc.value, 'fields'))) {
    // The schema allows only `readable` and `editable` here today; this keeps a later spec from
    // slipping a new grant through unenforced.
    for (const [key, value] of entriesOf(grant)) {
      if (isHonouredKey('fieldPermission', key) || !declaresSomething(value)) continue
      const where = `field "${field}" in ${set}`
      refuse(ctx, ['fields', field, key], 'key', key, where, unsupportedKeyHint('other', key))
    }
  }
}

function checkObjectGrant(ctx: RuleContext, object: string, grant: unknown, where: string): void {
  for (const [key, value] of entriesOf(grant)) {
    const path = ['objects', object, key]
    if (key === 'readScope' || key === 'writeScope') {
      if (!isHonouredValue('recordScope', value)) {
        refuse(ctx, path, 'value', `${key}: ${String(value)}`, where, recordScopeHint)
      }
      continue
    }
    if (isHonouredKey('objectPermission', key) || !declaresSomething(value)) continue
    refuse(ctx, path, 'key', key, where, unsupportedKeyHint('objectPermission', key))
  }
}

function refuse(
  ctx: RuleContext,
  path: readonly PathSegment[],
  part: LocatePart,
  what: string,
  where: string,
  hint: string,
): void {
  ctx.out.push(
    report('OOS_SUPPORT_PERMISSION_KEY', locate(ctx.doc, path, part), [what, where], hint),
  )
}
