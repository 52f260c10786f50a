/**
 * Field declarations that ask for something the engine cannot honour. Ports three refinements of
 * the spec that its JSON Schema loses: `storage.notNull` with `requiredWhen` (ADR-0113: the
 * column would refuse the null the condition allows), `deleteBehavior: set_null` on a
 * `master_detail` (#9689: the engine cascades instead, deleting the children this asks to keep),
 * and a `tree` field whose `reference` names another object (#14892: a tree is a hierarchy
 * within one object).
 */
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import type { Rule } from '../rule-context.js'
import { get } from '../value-guards.js'
import { declaredFields } from './field-definition.js'

export const fieldContradictionsRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  const self = declaredName(ctx.doc)
  for (const { name, def, path } of declaredFields(ctx.doc)) {
    if (get(def.storage, 'notNull') === true && def.requiredWhen !== undefined) {
      ctx.out.push(
        report(
          'OOS_FIELD_CONFLICTING_KEYS',
          locate(ctx.doc, [...path, 'storage', 'notNull'], 'key'),
          ['storage.notNull', 'requiredWhen'],
          'use "required: true" with storage.notNull for an unconditional rule, or requiredWhen alone (the column stays nullable)',
        ),
      )
    }
    if (def.type === 'master_detail' && def.deleteBehavior === 'set_null') {
      ctx.out.push(
        report(
          'OOS_FIELD_DELETE_BEHAVIOR',
          locate(ctx.doc, [...path, 'deleteBehavior']),
          ['set_null'],
          'use restrict to refuse deleting a master with details, cascade to delete them, or a lookup field if they must survive',
        ),
      )
    }
    if (def.type === 'tree' && typeof def.reference === 'string' && def.reference !== self) {
      ctx.out.push(
        report(
          'OOS_FIELD_TREE_REFERENCE',
          locate(ctx.doc, [...path, 'reference']),
          [name, self, def.reference],
          `remove "reference" (a tree points at its own object), or use a lookup to link "${def.reference}"`,
        ),
      )
    }
  }
}
