/**
 * The engine support matrix for sharing rules (`*.sharing.yaml`): the access layer enforces
 * criteria rules that share with one user, with everyone holding a position, or with the user a
 * `sys_user` lookup on each record names. A recipient ObjectOS cannot resolve (teams, business
 * units) or a field that names something other than a user would share nothing, so it is
 * refused at `sharedWith.type` or `sharedWith.value`; so are package-lock keys. Whether the
 * condition lowers to a row filter is the row-filter rule's job, the references the security
 * references rule's.
 */
import { report } from '../../diagnostics/report.js'
import { locate, type LocatePart } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import type { Rule, RuleContext } from '../rule-context.js'
import { asString, entriesOf, get } from '../value-guards.js'
import { declaresSomething, honouredShareRecipients, packageKeys } from './honoured-keys.js'
import { sharingRecipientHint, unsupportedKeyHint } from './unsupported-key-hints.js'

export const sharingSupportRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'sharing') return
  const value = ctx.doc.value
  for (const [key, held] of entriesOf(value)) {
    if (packageKeys.has(key) && declaresSomething(held)) {
      refuse(ctx, [key], 'key', `"${key}"`, unsupportedKeyHint('other', key))
    }
  }
  const sharedWith = get(value, 'sharedWith')
  const type = asString(get(sharedWith, 'type'))
  if (type === undefined) return
  if (!(honouredShareRecipients as readonly string[]).includes(type)) {
    refuse(ctx, ['sharedWith', 'type'], 'value', `sharing with a ${type}`, sharingRecipientHint)
    return
  }
  if (type !== 'field') return
  const object = ctx.symbols.objects.get(asString(get(value, 'object')) ?? '')
  const field = object?.fields.get(asString(get(sharedWith, 'value')) ?? '')
  // Unknown fields and non-lookup types are the references rule's to report.
  if (field === undefined || field.reference === undefined || field.reference === 'sys_user') return
  refuse(
    ctx,
    ['sharedWith', 'value'],
    'value',
    `sharing with "${field.name}", a lookup to ${field.reference},`,
    sharingRecipientHint,
  )
}

function refuse(
  ctx: RuleContext,
  path: readonly string[],
  part: LocatePart,
  what: string,
  hint: string,
): void {
  ctx.out.push(
    report(
      'OOS_SUPPORT_SHARING_RULE',
      locate(ctx.doc, path, part),
      [what, declaredName(ctx.doc)],
      hint,
    ),
  )
}
