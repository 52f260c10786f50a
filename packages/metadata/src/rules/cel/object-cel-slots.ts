/**
 * The CEL expressions of an object file: formula fields, field and option visibility, read-only
 * and required predicates, inline grid cells, field groups, validation rules (through
 * `conditional` rules' `then`/`otherwise`), CRUD affordances, list-view formatting and bulk
 * actions, share-link eligibility and action visibility.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { declaredName } from '../build-symbol-table.js'
import type { RuleContext } from '../rule-context.js'
import type { ObjectSymbol, SymbolTable } from '../symbol-table.js'
import { asArray, asString, entriesOf, get, isRecord } from '../value-guards.js'
import { recordScope, type CelScope } from './cel-scope.js'
import { predicate, slotOf, type CelSlot } from './cel-slot.js'

const fieldPredicates = ['visibleWhen', 'readonlyWhen', 'requiredWhen']
const crudActions = ['create', 'import', 'edit', 'delete']

/**
 * @example
 *   objectCelSlots(ctx) // → [{ path: ['fields', 'total', 'expression'], source: 'record.a * 2', … }]
 */
export function objectCelSlots(ctx: RuleContext): CelSlot[] {
  const object = ctx.symbols.objects.get(declaredName(ctx.doc))
  if (object === undefined) return []
  const value = ctx.doc.value
  const scope = recordScope(ctx.symbols, object)
  const slots: (CelSlot | undefined)[] = []
  // Most fields have no expression: paths are built only for values that are there.
  const fields = get(value, 'fields')
  for (const [key, field] of entriesOf(fields)) {
    if (!isRecord(field)) continue
    if (field.type === 'formula' && field.expression !== undefined) {
      const returnType = asString(field.returnType)
      const expect =
        returnType === undefined ? undefined : { kind: 'returnType' as const, returnType }
      slots.push(slotOf(field.expression, ['fields', key, 'expression'], scope, expect))
    }
    for (const k of fieldPredicates) {
      if (field[k] !== undefined) slots.push(slotOf(field[k], ['fields', key, k], scope, predicate))
    }
    asArray(field.options).forEach((option, i) => {
      const visibleWhen = get(option, 'visibleWhen')
      if (visibleWhen === undefined) return
      const at = ['fields', key, 'options', i, 'visibleWhen']
      slots.push(slotOf(visibleWhen, at, scope, predicate))
    })
    const columns = asArray(field.inlineColumns)
    if (columns.length === 0) continue
    const gridScope = inlineGridScope(ctx.symbols, object, field)
    columns.forEach((column, i) => {
      for (const k of ['readonlyWhen', 'requiredWhen']) {
        const at = ['fields', key, 'inlineColumns', i, k]
        slots.push(slotOf(get(column, k), at, gridScope, predicate))
      }
    })
  }
  asArray(get(value, 'fieldGroups')).forEach((group, i) =>
    slots.push(
      slotOf(get(group, 'visibleWhen'), ['fieldGroups', i, 'visibleWhen'], scope, predicate),
    ),
  )
  asArray(get(value, 'validations')).forEach((rule, i) =>
    validationSlots(rule, ['validations', i], scope, slots),
  )
  for (const action of crudActions) {
    for (const k of ['visibleWhen', 'disabledWhen']) {
      const at = ['userActions', action, k]
      slots.push(slotOf(get(get(get(value, 'userActions'), action), k), at, scope, predicate))
    }
  }
  for (const [name, view] of entriesOf(get(value, 'listViews'))) {
    slots.push(...listViewCelSlots(view, ['listViews', name], scope))
  }
  const eligibility = get(get(value, 'publicSharing'), 'eligibility')
  slots.push(slotOf(eligibility, ['publicSharing', 'eligibility'], scope, predicate))
  const actionScope: CelScope = { mode: 'loose', object }
  asArray(get(value, 'actions')).forEach((action, i) => {
    for (const k of ['visible', 'disabled']) {
      slots.push(slotOf(get(action, k), ['actions', i, k], actionScope, predicate))
    }
    asArray(get(action, 'params')).forEach((param, j) =>
      slots.push(
        slotOf(
          get(param, 'visible'),
          ['actions', i, 'params', j, 'visible'],
          actionScope,
          predicate,
        ),
      ),
    )
  })
  return slots.filter((s) => s !== undefined)
}

/** Validation rules: `condition` (script, cross_field) and `when` (conditional), recursively. */
function validationSlots(
  rule: unknown,
  path: readonly PathSegment[],
  scope: CelScope,
  slots: (CelSlot | undefined)[],
): void {
  if (!isRecord(rule)) return
  slots.push(slotOf(rule.condition, [...path, 'condition'], scope, predicate))
  slots.push(slotOf(rule.when, [...path, 'when'], scope, predicate))
  validationSlots(rule.then, [...path, 'then'], scope, slots)
  validationSlots(rule.otherwise, [...path, 'otherwise'], scope, slots)
}

/**
 * A list view's row formatting conditions and bulk-action eligibility, evaluated per row.
 *
 * @example
 *   listViewCelSlots(view, ['list'], scope)
 */
export function listViewCelSlots(
  view: unknown,
  path: readonly PathSegment[],
  scope: CelScope,
): CelSlot[] {
  const slots: (CelSlot | undefined)[] = []
  asArray(get(view, 'conditionalFormatting')).forEach((rule, i) =>
    slots.push(
      slotOf(
        get(rule, 'condition'),
        [...path, 'conditionalFormatting', i, 'condition'],
        scope,
        predicate,
      ),
    ),
  )
  asArray(get(view, 'bulkActionDefs')).forEach((def, i) =>
    slots.push(
      slotOf(get(def, 'visible'), [...path, 'bulkActionDefs', i, 'visible'], scope, predicate),
    ),
  )
  return slots.filter((s) => s !== undefined)
}

/** Inline grid cells read the child row as `record` and the master (the lookup target) as `parent`. */
function inlineGridScope(
  symbols: SymbolTable,
  object: ObjectSymbol,
  field: Record<string, unknown>,
): CelScope {
  const parent = symbols.objects.get(asString(field.reference) ?? '')
  return parent === undefined ? { mode: 'record', object } : { mode: 'record', object, parent }
}
