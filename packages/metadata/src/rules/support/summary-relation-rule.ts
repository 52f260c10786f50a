/**
 * A roll-up summary needs to know which field of the child object links each child to its
 * parent. Without `relationshipField` the engine looks for the child's `lookup` or
 * `master_detail` field to the summary's object; when there is none, the summary would have no
 * children to roll up, and when there are several, which one it follows would be a guess. Both
 * are errors at `summaryOperations.object`. A declared `relationshipField` is checked by the
 * object-targets rule, and so is a child object that does not exist.
 */
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import { declaredFields } from '../fields/field-definition.js'
import { relationshipTypes } from '../fields/field-types.js'
import type { Rule } from '../rule-context.js'
import { asString, get } from '../value-guards.js'

export const summaryRelationRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  const parent = declaredName(ctx.doc)
  for (const { name, def, path } of declaredFields(ctx.doc)) {
    if (def.type !== 'summary') continue
    const operations = def.summaryOperations
    if (get(operations, 'relationshipField') !== undefined) continue
    const childName = asString(get(operations, 'object'))
    const child = childName === undefined ? undefined : ctx.symbols.objects.get(childName)
    if (child === undefined) continue
    const links = [...child.fields.values()].filter(
      (f) => !f.system && relationshipTypes.has(f.type ?? '') && f.reference === parent,
    )
    if (links.length === 1) continue
    const at = locate(ctx.doc, [...path, 'summaryOperations', 'object'])
    ctx.out.push(
      links.length === 0
        ? report(
            'OOS_SUPPORT_SUMMARY_RELATION',
            at,
            [name, child.name, `has no lookup or master_detail field to "${parent}"`],
            `add a master_detail field with "reference: ${parent}" to ${child.name}`,
          )
        : report(
            'OOS_SUPPORT_SUMMARY_RELATION',
            at,
            [
              name,
              child.name,
              `has several fields to "${parent}" (${links.map((f) => f.name).join(', ')})`,
            ],
            `name the one to follow with "relationshipField: ${links[0]?.name ?? ''}"`,
          ),
    )
  }
}
