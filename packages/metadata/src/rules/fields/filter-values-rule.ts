/**
 * The values written in filters: a list view's `filter` and tab filters (in `*.view.yaml` and an
 * object's `listViews`), a page's `filterBy`, a lookup field's `lookupFilters` and an app
 * navigation item's `filters`. Two checks the schema cannot make: the value has the shape its
 * operator takes (`in` a list, `between` a pair — the spec's #6227 refinement, refused by the
 * query path at run time), and a value compared with a select-like field is one of its options,
 * so `status in [new, wroking]` is caught instead of silently matching nothing.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import type { Rule, RuleContext } from '../rule-context.js'
import type { ObjectSymbol } from '../symbol-table.js'
import { asArray, asString, entriesOf, get, isRecord } from '../value-guards.js'
import { declaredFields, fieldDefinition } from './field-definition.js'
import { isMultiValue, optionTypes, optionValues } from './field-types.js'
import { reportUnknownOption } from './unknown-option.js'

/** Operators whose value is compared with the stored value as a whole. */
const membershipOperators: ReadonlySet<string> = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'eq',
  'ne',
  'notIn',
])
const listOperators: ReadonlySet<string> = new Set(['in', 'not_in', 'notIn'])

export const filterValuesRule: Rule = (ctx) => {
  const value = ctx.doc.value
  if (ctx.doc.kind === 'view') {
    const object = objectNamed(ctx, get(value, 'object'))
    checkListView(ctx, ['list'], get(value, 'list'), object)
    for (const [name, view] of entriesOf(get(value, 'listViews'))) {
      checkListView(ctx, ['listViews', name], view, object)
    }
  }
  if (ctx.doc.kind === 'object') {
    const self = ctx.symbols.objects.get(declaredName(ctx.doc))
    for (const [name, view] of entriesOf(get(value, 'listViews'))) {
      checkListView(ctx, ['listViews', name], view, self)
    }
    for (const { def, path } of declaredFields(ctx.doc)) {
      const target = objectNamed(ctx, def.reference)
      checkFilters(ctx, [...path, 'lookupFilters'], def.lookupFilters, target)
    }
  }
  if (ctx.doc.kind === 'page') {
    const config = get(value, 'interfaceConfig')
    const source = objectNamed(ctx, get(config, 'source'))
    checkFilters(ctx, ['interfaceConfig', 'filterBy'], get(config, 'filterBy'), source)
  }
  if (ctx.doc.kind === 'app') {
    checkNavigation(ctx, ['navigation'], get(value, 'navigation'))
    asArray(get(value, 'areas')).forEach((area, i) =>
      checkNavigation(ctx, ['areas', i, 'navigation'], get(area, 'navigation')),
    )
  }
}

/** The object a name refers to, without reporting (the reference rules report unknown names). */
function objectNamed(ctx: RuleContext, name: unknown): ObjectSymbol | undefined {
  const text = asString(name)
  return text === undefined ? undefined : ctx.symbols.objects.get(text)
}

function checkListView(
  ctx: RuleContext,
  path: readonly PathSegment[],
  view: unknown,
  fallback: ObjectSymbol | undefined,
): void {
  if (!isRecord(view)) return
  const data = view.data
  const provider = asString(get(data, 'provider')) ?? 'object'
  if (data !== undefined && provider !== 'object') return
  const own = get(data, 'object')
  const object = own === undefined ? fallback : objectNamed(ctx, own)
  checkFilters(ctx, [...path, 'filter'], view.filter, object)
  asArray(view.tabs).forEach((tab, i) =>
    checkFilters(ctx, [...path, 'tabs', i, 'filter'], get(tab, 'filter'), object),
  )
}

function checkFilters(
  ctx: RuleContext,
  path: readonly PathSegment[],
  filters: unknown,
  object: ObjectSymbol | undefined,
): void {
  asArray(filters).forEach((rule, i) => {
    if (!isRecord(rule)) return
    const at = [...path, i]
    const field = asString(rule.field)
    const operator = asString(rule.operator)
    if (field === undefined || operator === undefined) return
    const value = rule.value
    if (listOperators.has(operator) && !Array.isArray(value)) {
      reportShape(ctx, [...at, 'value'], operator, field, 'a list of values, e.g. [a, b]')
      return
    }
    if (operator === 'between' && !(Array.isArray(value) && value.length === 2)) {
      reportShape(ctx, [...at, 'value'], operator, field, 'exactly two values, [min, max]')
      return
    }
    if (!membershipOperators.has(operator) || object === undefined) return
    const values = Array.isArray(value) ? value : [value]
    values.forEach((item: unknown, j) => {
      const itemPath = Array.isArray(value) ? [...at, 'value', j] : [...at, 'value']
      checkOption(ctx, itemPath, object, field, item)
    })
  })
}

function reportShape(
  ctx: RuleContext,
  path: readonly PathSegment[],
  operator: string,
  field: string,
  expected: string,
): void {
  ctx.out.push(
    report('OOS_FIELD_FILTER_VALUE_SHAPE', locate(ctx.doc, path), [operator, field, expected]),
  )
}

/** Navigation items opening an object list with `filters: { field: value }`, and their children. */
function checkNavigation(ctx: RuleContext, path: readonly PathSegment[], items: unknown): void {
  asArray(items).forEach((item, i) => {
    if (!isRecord(item)) return
    const at = [...path, i]
    const object = item.type === 'object' ? objectNamed(ctx, item.objectName) : undefined
    for (const [field, value] of entriesOf(item.filters)) {
      // A URL parameter carries one value; multi-value fields take other spellings.
      const def = object === undefined ? undefined : fieldDefinition(ctx.symbols, object, field)
      if (object !== undefined && def !== undefined && !isMultiValue(def.def)) {
        checkOption(ctx, [...at, 'filters', field], object, field, value)
      }
    }
    checkNavigation(ctx, [...at, 'children'], item.children)
  })
}

/** Reports `value` when `field` is select-like and the value is none of its options. */
function checkOption(
  ctx: RuleContext,
  path: readonly PathSegment[],
  object: ObjectSymbol,
  field: string,
  value: unknown,
): void {
  if (typeof value !== 'string' && typeof value !== 'number') return
  const text = String(value)
  // `{current_user_id}` and other template variables are filled in at run time.
  if (text.includes('{')) return
  const resolved = fieldDefinition(ctx.symbols, object, field)
  if (resolved === undefined || !optionTypes.has(String(resolved.def.type))) return
  const options = optionValues(resolved.def)
  if (options.length === 0 || options.includes(text)) return
  reportUnknownOption(
    ctx,
    locate(ctx.doc, path),
    text,
    resolved.name,
    resolved.object.name,
    resolved.def,
  )
}
