/**
 * An object's references to other objects: lookup, master-detail and tree targets (`reference`)
 * and roll-up summary sources (`summaryOperations.object`), then the fields named on those
 * targets — a lookup's `displayField`, `descriptionField`, picker columns and filters, and a
 * summary's aggregated field and relationship field.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import { visitPattern } from '../path-pattern.js'
import type { Rule, RuleContext } from '../rule-context.js'
import { entriesOf, get, isRecord } from '../value-guards.js'
import { checkFieldRef, checkObjectRef, describeType } from './reference-checks.js'

/** Key patterns (from a field) whose string values name fields of the lookup's target. */
const targetFieldPatterns: readonly (readonly string[])[] = [
  ['displayField'],
  ['descriptionField'],
  ['lookupColumns', '*'],
  ['lookupColumns', '*', 'field'],
  ['lookupFilters', '*', 'field'],
]

const relationshipTypes: ReadonlySet<string> = new Set(['lookup', 'master_detail'])

export const objectTargetsRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  const selfName = declaredName(ctx.doc)
  for (const [key, field] of entriesOf(get(ctx.doc.value, 'fields'))) {
    if (!isRecord(field)) continue
    const path = ['fields', key]
    const role = field.type === 'master_detail' ? 'master-detail target' : 'lookup target'
    // A `user` field, or a lookup to a `sys_` object, points at the platform's own objects
    // (sys_user, …). The engine validates an app together with them and checks the name; an
    // app's files validated alone (`objectos validate`, Studio) do not declare them.
    const platform =
      typeof field.reference === 'string' &&
      field.reference.startsWith('sys_') &&
      !ctx.symbols.objects.has('sys_user')
    const target =
      field.type === 'user' || platform
        ? undefined
        : checkObjectRef(ctx, [...path, 'reference'], field.reference, role)
    for (const pattern of targetFieldPatterns) {
      visitPattern(field, pattern, path, (leaf, at) => checkFieldRef(ctx, at, target, leaf))
    }
    checkSummary(ctx, [...path, 'summaryOperations'], field.summaryOperations, selfName)
  }
}

function checkSummary(
  ctx: RuleContext,
  path: readonly PathSegment[],
  summary: unknown,
  parent: string,
): void {
  if (!isRecord(summary)) return
  const child = checkObjectRef(ctx, [...path, 'object'], summary.object, 'summary object')
  if (summary.function !== 'count') checkFieldRef(ctx, [...path, 'field'], child, summary.field)
  const via = checkFieldRef(ctx, [...path, 'relationshipField'], child, summary.relationshipField)
  if (via === undefined || child === undefined) return
  if (!relationshipTypes.has(via.type ?? '') || via.reference !== parent) {
    ctx.out.push(
      report('OOS_REF_FIELD_TYPE', locate(ctx.doc, [...path, 'relationshipField']), [
        via.name,
        describeType(via.type, via.reference),
        `a summary's relationshipField must be a lookup or master_detail to "${parent}"`,
      ]),
    )
  }
}
