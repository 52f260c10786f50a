/**
 * Fields an object names on itself: its name, stage, highlight and search fields, index columns,
 * activity milestones, lifecycle fields, share-link redactions, validation-rule fields, the
 * sibling fields of field-level settings (`referenceVia`, `dependsOn`, related-list columns),
 * and its built-in list views.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { visitPattern } from '../path-pattern.js'
import type { Rule, RuleContext } from '../rule-context.js'
import type { ObjectSymbol } from '../symbol-table.js'
import { asArray, entriesOf, get, isRecord } from '../value-guards.js'
import { declaredName } from '../build-symbol-table.js'
import { checkListViewFields } from './list-view-fields.js'
import { checkFieldRef } from './reference-checks.js'

/** Key patterns (from the object root) whose string values name the object's own fields. */
const objectFieldPatterns: readonly (readonly string[])[] = [
  ['nameField'],
  ['displayNameField'],
  ['stageField'],
  ['highlightFields', '*'],
  ['searchableFields', '*'],
  ['indexes', '*', 'fields', '*'],
  ['activityMilestones', '*', 'field'],
  ['lifecycle', 'ttl', 'field'],
  ['publicSharing', 'redactFields', '*'],
  ['external', 'columnMap', '*'],
  ['fields', '*', 'referenceVia'],
  ['fields', '*', 'dependsOn', '*'],
  ['fields', '*', 'dependsOn', '*', 'field'],
  ['fields', '*', 'relatedListColumns', '*'],
  ['fields', '*', 'inlineAmountField'],
  ['fields', '*', 'inlineColumns', '*', 'name'],
]

/** Key patterns whose mapping keys name the object's own fields (`onlyWhen: { status: … }`). */
const objectFieldKeyPatterns: readonly (readonly string[])[] = [
  ['lifecycle', 'retention', 'onlyWhen'],
  ['lifecycle', 'ttl', 'onlyWhen'],
]

export const objectFieldsRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  const self = ctx.symbols.objects.get(declaredName(ctx.doc))
  if (self === undefined) return
  const value = ctx.doc.value
  for (const pattern of objectFieldPatterns) {
    visitPattern(value, pattern, [], (leaf, at) => checkFieldRef(ctx, at, self, leaf))
  }
  for (const pattern of objectFieldKeyPatterns) {
    visitPattern(value, pattern, [], (map, at) => {
      for (const [key] of entriesOf(map)) checkFieldRef(ctx, [...at, key], self, key, 'key')
    })
  }
  asArray(get(value, 'validations')).forEach((rule, i) =>
    checkValidationFields(ctx, ['validations', i], rule, self),
  )
  for (const [name, view] of entriesOf(get(value, 'listViews'))) {
    checkListViewFields(ctx, ['listViews', name], view, self)
  }
}

/** A validation rule's `field`/`fields`, through `conditional` rules' `then` and `otherwise`. */
function checkValidationFields(
  ctx: RuleContext,
  path: readonly PathSegment[],
  rule: unknown,
  self: ObjectSymbol,
): void {
  if (!isRecord(rule)) return
  checkFieldRef(ctx, [...path, 'field'], self, rule.field)
  asArray(rule.fields).forEach((f, i) => checkFieldRef(ctx, [...path, 'fields', i], self, f))
  checkValidationFields(ctx, [...path, 'then'], rule.then, self)
  checkValidationFields(ctx, [...path, 'otherwise'], rule.otherwise, self)
}
