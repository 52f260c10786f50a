/**
 * References in permission sets and sharing rules: the objects a permission set grants, its
 * `object.field` field permissions, its row-level security objects and delegable permission
 * sets; a sharing rule's object and, for `sharedWith: { type: field }`, the user field it shares
 * with.
 */
import { didYouMeanHint } from '../../diagnostics/did-you-mean.js'
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import type { Rule, RuleContext } from '../rule-context.js'
import { asArray, entriesOf, get, isRecord } from '../value-guards.js'
import { checkFieldRef, checkObjectRef, checkTargetRef, describeType } from './reference-checks.js'

/** Field types that can name the users a record is shared with. */
const userFieldTypes: ReadonlySet<string> = new Set(['user', 'lookup', 'master_detail'])

export const securityReferencesRule: Rule = (ctx) => {
  if (ctx.doc.kind === 'permission') checkPermissionSet(ctx)
  if (ctx.doc.kind === 'sharing') checkSharingRule(ctx)
}

function checkPermissionSet(ctx: RuleContext): void {
  const value = ctx.doc.value
  for (const [name] of entriesOf(get(value, 'objects'))) {
    checkObjectRef(ctx, ['objects', name], name, 'permission set object', 'key')
  }
  for (const [key] of entriesOf(get(value, 'fields'))) {
    const path = ['fields', key]
    const dot = key.indexOf('.')
    if (dot <= 0 || dot === key.length - 1) {
      const hint = didYouMeanHint(key, ctx.symbols.objects.keys())
      ctx.out.push(
        report('OOS_REF_FIELD_PERMISSION_KEY', locate(ctx.doc, path, 'key'), [key], hint),
      )
      continue
    }
    const objectName = key.slice(0, dot)
    const object = checkObjectRef(ctx, path, objectName, 'field permission object', 'key')
    checkFieldRef(ctx, path, object, key.slice(dot + 1), 'key')
  }
  asArray(get(value, 'rowLevelSecurity')).forEach((policy, i) =>
    checkObjectRef(
      ctx,
      ['rowLevelSecurity', i, 'object'],
      get(policy, 'object'),
      'row-level security object',
    ),
  )
  asArray(get(get(value, 'adminScope'), 'assignablePermissionSets')).forEach((name, i) =>
    checkTargetRef(
      ctx,
      ['adminScope', 'assignablePermissionSets', i],
      'permission',
      name,
      'permission set',
    ),
  )
}

function checkSharingRule(ctx: RuleContext): void {
  const value = ctx.doc.value
  const object = checkObjectRef(ctx, ['object'], get(value, 'object'), 'sharing rule object')
  const sharedWith = get(value, 'sharedWith')
  if (!isRecord(sharedWith) || sharedWith.type !== 'field') return
  const path = ['sharedWith', 'value']
  const field = checkFieldRef(ctx, path, object, sharedWith.value)
  if (field === undefined || userFieldTypes.has(field.type ?? '')) return
  ctx.out.push(
    report('OOS_REF_FIELD_TYPE', locate(ctx.doc, path), [
      field.name,
      describeType(field.type, field.reference),
      'a sharing rule shares with a user, lookup or master_detail field',
    ]),
  )
}
