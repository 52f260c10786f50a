/**
 * Field references inside a list view: columns, filters, sorts, search and filter fields, and the
 * per-layout settings of kanban, calendar, gantt, gallery, timeline, map and tree views. Shared by
 * `*.view.yaml` (`list`, `listViews`) and an object's own `listViews`.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { visitPattern } from '../path-pattern.js'
import type { RuleContext } from '../rule-context.js'
import type { ObjectSymbol } from '../symbol-table.js'
import { asString, get } from '../value-guards.js'
import { checkFieldRef, checkObjectRef } from './reference-checks.js'

const layoutFields: Readonly<Record<string, readonly string[]>> = {
  kanban: ['groupByField', 'summarizeField'],
  calendar: ['startDateField', 'endDateField', 'titleField', 'colorField'],
  gantt: [
    'startDateField',
    'endDateField',
    'titleField',
    'progressField',
    'dependenciesField',
    'colorField',
    'parentField',
    'typeField',
    'baselineStartField',
    'baselineEndField',
    'groupByField',
    'assigneeField',
    'effortField',
    'borderColorField',
    'lockField',
    'objectField',
  ],
  gallery: ['coverField', 'titleField'],
  timeline: ['startDateField', 'endDateField', 'titleField', 'groupByField', 'colorField'],
  map: ['latitudeField', 'longitudeField', 'locationField', 'titleField', 'descriptionField'],
  tree: ['parentField', 'labelField'],
}

/** Every key pattern (relative to a list view) whose string values name fields. */
export const listViewFieldPatterns: readonly (readonly string[])[] = [
  ['columns', '*'],
  ['columns', '*', 'field'],
  ['columns', '*', 'prefix', 'field'],
  ['columns', '*', 'summary', 'field'],
  ['filter', '*', 'field'],
  ['sort', '*', 'field'],
  ['searchableFields', '*'],
  ['filterableFields', '*'],
  ['hiddenFields', '*'],
  ['fieldOrder', '*'],
  ['kanban', 'columns', '*'],
  ['gantt', 'tooltipFields', '*'],
  ['gantt', 'tooltipFields', '*', 'field'],
  ['gantt', 'quickFilters', '*', 'field'],
  ['gallery', 'visibleFields', '*'],
  ['tree', 'fields', '*'],
  ['grouping', 'fields', '*', 'field'],
  ['rowColor', 'field'],
  ['tabs', '*', 'filter', '*', 'field'],
  ['userFilters', 'fields', '*', 'field'],
  ...Object.entries(layoutFields).flatMap(([layout, keys]) => keys.map((key) => [layout, key])),
]

/**
 * The object a list or form view reads: its own `data: { provider: object, object }` when it has
 * one (checked to exist), nothing when it reads another provider (api, value, schema), else the
 * object the surrounding view or object binds.
 *
 * @example
 *   boundObject(ctx, ['list'], doc.value.list, opportunity) // → opportunity, or list.data.object
 */
export function boundObject(
  ctx: RuleContext,
  path: readonly PathSegment[],
  view: unknown,
  fallback: ObjectSymbol | undefined,
): ObjectSymbol | undefined {
  const data = get(view, 'data')
  if (data === undefined) return fallback
  const provider = asString(get(data, 'provider')) ?? 'object'
  if (provider !== 'object') return undefined
  const object = get(data, 'object')
  if (object === undefined) return fallback
  return checkObjectRef(ctx, [...path, 'data', 'object'], object, 'view data object')
}

/**
 * Checks every field a list view names against the object it binds.
 *
 * @example
 *   checkListViewFields(ctx, ['listViews', 'open'], view, opportunity)
 */
export function checkListViewFields(
  ctx: RuleContext,
  path: readonly PathSegment[],
  view: unknown,
  fallback: ObjectSymbol | undefined,
): void {
  const object = boundObject(ctx, path, view, fallback)
  if (object === undefined) return
  for (const pattern of listViewFieldPatterns) {
    visitPattern(view, pattern, path, (leaf, at) => checkFieldRef(ctx, at, object, leaf))
  }
  const sort = asString(get(view, 'sort'))
  if (sort !== undefined) {
    // The legacy string form: "close_date desc, name" or "-amount".
    for (const part of sort.split(',')) {
      const field = part.trim().split(/\s+/)[0]?.replace(/^[-+]/, '')
      if (field) checkFieldRef(ctx, [...path, 'sort'], object, field)
    }
  }
}
