/**
 * References in permission sets and sharing rules: the objects a permission set grants, its
 * `object.field` field permissions (one object, one of its own fields), its row-level security
 * objects and delegable permission sets; a sharing rule's object and, for `sharedWith: { type: field }`, the user field it shares
 * with.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { didYouMeanHint } from '../../diagnostics/did-you-mean.js'
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import type { Rule, RuleContext } from '../rule-context.js'
import { asArray, entriesOf, get, isRecord } from '../value-guards.js'
import {
  checkFieldRef,
  checkObjectRef,
  checkTargetRef,
  describeType,
  resolveField,
} from './reference-checks.js'

/** Field types that can name the users a record is shared with. */
const userFieldTypes: ReadonlySet<string> = new Set(['user', 'lookup', 'master_detail'])

export const securityReferencesRule: Rule = (ctx) => {
  if (ctx.doc.kind === 'permission') checkPermissionSet(ctx)
  if (ctx.doc.kind === 'sharing') checkSharingRule(ctx)
  if (ctx.doc.kind === 'position') checkPosition(ctx)
}

/** The position every signed-in user holds implicitly; it is never declared. */
const everyonePosition = 'everyone'

function checkPositionRef(ctx: RuleContext, path: readonly PathSegment[], value: unknown): void {
  if (value === everyonePosition) return
  checkTargetRef(ctx, path, 'position', value, 'position')
}

/** A position's `permissionSets` name sets of this app (or the platform's `sys_` ones). */
function checkPosition(ctx: RuleContext): void {
  asArray(get(ctx.doc.value, 'permissionSets')).forEach((name, i) => {
    if (typeof name === 'string' && name.startsWith(platformPrefix)) return
    checkTargetRef(ctx, ['permissionSets', i], 'permission', name, 'permission set')
  })
}

/**
 * The platform's own objects (`sys_user`, `sys_permission_assignment`, … from the repository's
 * `metadata/` folder) are compiled into every app by the engine, but this package validates the
 * app's files only and reads no file system (it also runs in the browser), so it cannot know
 * them. Names with their prefix are left to the engine, which refuses a grant on an object that
 * does not exist when it compiles the app.
 */
const platformPrefix = 'sys_'

function checkPermissionSet(ctx: RuleContext): void {
  const value = ctx.doc.value
  for (const [name] of entriesOf(get(value, 'objects'))) {
    if (name.startsWith(platformPrefix)) continue
    checkObjectRef(ctx, ['objects', name], name, 'permission set object', 'key')
  }
  for (const [key] of entriesOf(get(value, 'fields'))) checkFieldPermissionKey(ctx, key)
  asArray(get(value, 'rowLevelSecurity')).forEach((policy, i) => {
    checkObjectRef(
      ctx,
      ['rowLevelSecurity', i, 'object'],
      get(policy, 'object'),
      'row-level security object',
    )
    asArray(get(policy, 'positions')).forEach((position, j) =>
      checkPositionRef(ctx, ['rowLevelSecurity', i, 'positions', j], position),
    )
  })
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

/**
 * A `fields` key names one field of one object: `account.annual_revenue`. A path through a
 * lookup (`opportunity.account.name`) is refused: the access layer grants fields of the object
 * itself, so such a key would grant nothing.
 */
function checkFieldPermissionKey(ctx: RuleContext, key: string): void {
  const path = ['fields', key]
  const [objectName = '', fieldName = '', ...rest] = key.split('.')
  if (objectName === '' || fieldName === '' || rest.length > 0) {
    const hint =
      rest.length > 0 ? pathHint(ctx, key) : didYouMeanHint(key, ctx.symbols.objects.keys())
    ctx.out.push(report('OOS_REF_FIELD_PERMISSION_KEY', locate(ctx.doc, path, 'key'), [key], hint))
    return
  }
  if (objectName.startsWith(platformPrefix)) return
  const object = checkObjectRef(ctx, path, objectName, 'field permission object', 'key')
  checkFieldRef(ctx, path, object, fieldName, 'key')
}

/**
 * For `opportunity.account.name`: where the last field really lives (`account.name`) when the
 * path resolves through lookups.
 */
function pathHint(ctx: RuleContext, key: string): string {
  const advice =
    'a field permission names a field of the object itself, not a path through a lookup'
  const dot = key.indexOf('.')
  const object = ctx.symbols.objects.get(key.slice(0, dot))
  const lookupPath = key.slice(dot + 1, key.lastIndexOf('.'))
  const via = object === undefined ? undefined : resolveField(ctx.symbols, object, lookupPath).field
  const owner = via?.reference
  return owner === undefined
    ? advice
    : `${advice}: write "${owner}.${key.slice(key.lastIndexOf('.') + 1)}"`
}

function checkSharingRule(ctx: RuleContext): void {
  const value = ctx.doc.value
  const object = checkObjectRef(ctx, ['object'], get(value, 'object'), 'sharing rule object')
  const sharedWith = get(value, 'sharedWith')
  if (isRecord(sharedWith) && sharedWith.type === 'position') {
    checkPositionRef(ctx, ['sharedWith', 'value'], sharedWith.value)
  }
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
