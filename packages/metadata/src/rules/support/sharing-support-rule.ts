/**
 * Sharing rules (`*.sharing.yaml`) are not enforced by this version of ObjectOS: a rule would be
 * accepted and share nothing. Every sharing rule is refused with one diagnostic at its name; what
 * widens access today is a permission set's `readScope`/`writeScope` and the object's
 * `sharingModel`. The rule's references and condition are still checked by their own rules, so a
 * typo is reported now and not only once sharing rules run.
 */
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import type { Rule } from '../rule-context.js'
import { sharingRuleHint } from './unsupported-key-hints.js'

export const sharingSupportRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'sharing') return
  ctx.out.push(
    report(
      'OOS_SUPPORT_SHARING_RULE',
      locate(ctx.doc, ['name']),
      [declaredName(ctx.doc)],
      sharingRuleHint,
    ),
  )
}
