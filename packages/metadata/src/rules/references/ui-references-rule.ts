/**
 * References in views, pages, apps and dashboards: the objects they bind and the fields their
 * lists, forms and filters show, the objects, dashboards and pages an app's navigation opens,
 * and the objects and fields of a dashboard's global filters.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { visitPattern } from '../path-pattern.js'
import type { Rule, RuleContext } from '../rule-context.js'
import type { ObjectSymbol } from '../symbol-table.js'
import { asArray, entriesOf, get, isRecord } from '../value-guards.js'
import { boundObject, checkListViewFields } from './list-view-fields.js'
import { checkFieldRef, checkObjectRef, checkTargetRef } from './reference-checks.js'

export const uiReferencesRule: Rule = (ctx) => {
  if (ctx.doc.kind === 'view') checkView(ctx)
  if (ctx.doc.kind === 'page') checkPage(ctx)
  if (ctx.doc.kind === 'app') checkApp(ctx)
  if (ctx.doc.kind === 'dashboard') checkDashboard(ctx)
}

function checkView(ctx: RuleContext): void {
  const value = ctx.doc.value
  const object = checkObjectRef(ctx, ['object'], get(value, 'object'), 'view object')
  if (get(value, 'list') !== undefined)
    checkListViewFields(ctx, ['list'], get(value, 'list'), object)
  for (const [name, view] of entriesOf(get(value, 'listViews'))) {
    checkListViewFields(ctx, ['listViews', name], view, object)
  }
  if (get(value, 'form') !== undefined) checkFormFields(ctx, ['form'], get(value, 'form'), object)
  for (const [name, form] of entriesOf(get(value, 'formViews'))) {
    checkFormFields(ctx, ['formViews', name], form, object)
  }
}

/** The fields a form's sections (or legacy groups) place, by name or as `{ field }`. */
function checkFormFields(
  ctx: RuleContext,
  path: readonly PathSegment[],
  form: unknown,
  fallback: ObjectSymbol | undefined,
): void {
  const object = boundObject(ctx, path, form, fallback)
  for (const key of ['sections', 'groups']) {
    visitPattern(form, [key, '*', 'fields', '*'], path, (leaf, at) => {
      checkFieldRef(ctx, isRecord(leaf) ? [...at, 'field'] : at, object, get(leaf, 'field') ?? leaf)
    })
  }
}

function checkPage(ctx: RuleContext): void {
  const value = ctx.doc.value
  checkObjectRef(ctx, ['object'], get(value, 'object'), 'page object')
  const config = get(value, 'interfaceConfig')
  const path = ['interfaceConfig']
  const source = checkObjectRef(ctx, [...path, 'source'], get(config, 'source'), 'page source')
  for (const pattern of [
    ['columns', '*'],
    ['columns', '*', 'field'],
    ['sort', '*', 'field'],
    ['filterBy', '*', 'field'],
  ]) {
    visitPattern(config, pattern, path, (leaf, at) => checkFieldRef(ctx, at, source, leaf))
  }
}

function checkApp(ctx: RuleContext): void {
  const value = ctx.doc.value
  checkNavigation(ctx, ['navigation'], get(value, 'navigation'))
  asArray(get(value, 'areas')).forEach((area, i) =>
    checkNavigation(ctx, ['areas', i, 'navigation'], get(area, 'navigation')),
  )
}

/** Navigation items and their children: object, dashboard and page targets. */
function checkNavigation(ctx: RuleContext, path: readonly PathSegment[], items: unknown): void {
  asArray(items).forEach((item, i) => {
    if (!isRecord(item)) return
    const at = [...path, i]
    if (item.type === 'object') {
      const object = checkObjectRef(
        ctx,
        [...at, 'objectName'],
        item.objectName,
        'navigation object',
      )
      for (const [key] of entriesOf(item.filters)) {
        checkFieldRef(ctx, [...at, 'filters', key], object, key, 'key')
      }
    }
    if (item.type === 'dashboard') {
      checkTargetRef(ctx, [...at, 'dashboardName'], 'dashboard', item.dashboardName, 'dashboard')
    }
    if (item.type === 'page') {
      checkTargetRef(ctx, [...at, 'pageName'], 'page', item.pageName, 'page')
    }
    checkNavigation(ctx, [...at, 'children'], item.children)
  })
}

function checkDashboard(ctx: RuleContext): void {
  asArray(get(ctx.doc.value, 'globalFilters')).forEach((filter, i) => {
    const path = ['globalFilters', i]
    const object = checkObjectRef(ctx, [...path, 'object'], get(filter, 'object'), 'filter object')
    checkFieldRef(ctx, [...path, 'field'], object, get(filter, 'field'))
  })
}
