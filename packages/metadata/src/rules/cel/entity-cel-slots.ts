/**
 * The CEL expressions of the kinds that point at an object: sharing, trigger and notification
 * conditions, row-level security policies, flow start conditions, edge and decision branches,
 * screen-field visibility, view formatting and form visibility, and app navigation visibility.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import type { RuleContext } from '../rule-context.js'
import type { ObjectSymbol } from '../symbol-table.js'
import { asArray, asString, entriesOf, get, isRecord } from '../value-guards.js'
import { recordScope, type CelScope } from './cel-scope.js'
import { predicate, slotOf, type CelSlot } from './cel-slot.js'
import { listViewCelSlots } from './object-cel-slots.js'

/**
 * @example
 *   entityCelSlots(ctx) // sharing rule → [{ path: ['condition'], scope: record of its object, … }]
 */
export function entityCelSlots(ctx: RuleContext): CelSlot[] {
  const value = ctx.doc.value
  const slots: (CelSlot | undefined)[] = []
  const scopeOf = (name: unknown): CelScope => {
    const object = ctx.symbols.objects.get(asString(name) ?? '')
    return object === undefined ? { mode: 'loose' } : recordScope(ctx.symbols, object)
  }
  switch (ctx.doc.kind) {
    case 'sharing':
    case 'notification':
      slots.push(
        slotOf(get(value, 'condition'), ['condition'], scopeOf(get(value, 'object')), predicate),
      )
      break
    case 'trigger': {
      const targets = get(value, 'object')
      for (const target of Array.isArray(targets) ? targets : [targets]) {
        slots.push(slotOf(get(value, 'condition'), ['condition'], scopeOf(target), predicate))
      }
      break
    }
    case 'permission':
      asArray(get(value, 'rowLevelSecurity')).forEach((policy, i) => {
        const object = ctx.symbols.objects.get(asString(get(policy, 'object')) ?? '')
        const scope: CelScope = object === undefined ? { mode: 'loose' } : { mode: 'bare', object }
        for (const k of ['using', 'check']) {
          slots.push(slotOf(get(policy, k), ['rowLevelSecurity', i, k], scope, predicate))
        }
      })
      break
    case 'flow':
      slots.push(...flowSlots(ctx))
      break
    case 'view':
      slots.push(...viewSlots(ctx, scopeOf(get(value, 'object'))))
      break
    case 'app':
      navigationSlots(get(value, 'navigation'), ['navigation'], slots)
      asArray(get(value, 'areas')).forEach((area, i) =>
        navigationSlots(get(area, 'navigation'), ['areas', i, 'navigation'], slots),
      )
      break
    default:
      break
  }
  return slots.filter((s) => s !== undefined)
}

/**
 * A record-triggered flow's start condition reads the trigger object's `record`; branch
 * conditions may also read flow variables, so they are checked loosely.
 */
function flowSlots(ctx: RuleContext): (CelSlot | undefined)[] {
  const nodes = asArray(get(ctx.doc.value, 'nodes'))
  const start = nodes.findIndex((node) => get(node, 'type') === 'start')
  const config = get(nodes[start], 'config')
  const object = ctx.symbols.objects.get(
    asString(get(config, 'objectName')) ?? asString(get(config, 'object')) ?? '',
  )
  const loose: CelScope = object === undefined ? { mode: 'loose' } : { mode: 'loose', object }
  const slots: (CelSlot | undefined)[] = []
  if (start >= 0) {
    const scope = object === undefined ? loose : recordScope(ctx.symbols, object)
    slots.push(
      slotOf(get(config, 'condition'), ['nodes', start, 'config', 'condition'], scope, predicate),
    )
  }
  nodes.forEach((node, i) => {
    const at: PathSegment[] = ['nodes', i, 'config']
    asArray(get(get(node, 'config'), 'conditions')).forEach((branch, j) =>
      slots.push(
        slotOf(get(branch, 'expression'), [...at, 'conditions', j, 'expression'], loose, predicate),
      ),
    )
    asArray(get(get(node, 'config'), 'fields')).forEach((field, j) =>
      slots.push(
        slotOf(get(field, 'visibleWhen'), [...at, 'fields', j, 'visibleWhen'], loose, predicate),
      ),
    )
  })
  asArray(get(ctx.doc.value, 'edges')).forEach((edge, i) =>
    slots.push(slotOf(get(edge, 'condition'), ['edges', i, 'condition'], loose, predicate)),
  )
  return slots
}

/** List formatting and bulk actions, and form section, field and option visibility. */
function viewSlots(ctx: RuleContext, viewScope: CelScope): CelSlot[] {
  const value = ctx.doc.value
  const scopeFor = (container: unknown): CelScope => {
    const name = asString(get(get(container, 'data'), 'object'))
    const object: ObjectSymbol | undefined = ctx.symbols.objects.get(name ?? '')
    return object === undefined ? viewScope : recordScope(ctx.symbols, object)
  }
  const slots: CelSlot[] = []
  const lists: [PathSegment[], unknown][] = [[['list'], get(value, 'list')]]
  for (const [name, list] of entriesOf(get(value, 'listViews')))
    lists.push([['listViews', name], list])
  for (const [path, list] of lists) slots.push(...listViewCelSlots(list, path, scopeFor(list)))
  const forms: [PathSegment[], unknown][] = [[['form'], get(value, 'form')]]
  for (const [name, form] of entriesOf(get(value, 'formViews')))
    forms.push([['formViews', name], form])
  for (const [path, form] of forms) {
    const scope = scopeFor(form)
    for (const key of ['sections', 'groups']) {
      asArray(get(form, key)).forEach((section, i) => {
        const at = [...path, key, i]
        slots.push(...visibility(section, at, scope))
        asArray(get(section, 'fields')).forEach((field, j) => {
          if (!isRecord(field)) return
          slots.push(...visibility(field, [...at, 'fields', j], scope))
          asArray(field.options).forEach((option, k) => {
            const slot = slotOf(
              get(option, 'visibleWhen'),
              [...at, 'fields', j, 'options', k, 'visibleWhen'],
              scope,
              predicate,
            )
            if (slot !== undefined) slots.push(slot)
          })
        })
      })
    }
  }
  return slots
}

function visibility(item: unknown, path: readonly PathSegment[], scope: CelScope): CelSlot[] {
  return ['visibleWhen', 'visibleOn']
    .map((k) => slotOf(get(item, k), [...path, k], scope, predicate))
    .filter((s) => s !== undefined)
}

/** Navigation visibility reads only the user (no record), through children and areas. */
function navigationSlots(
  items: unknown,
  path: readonly PathSegment[],
  slots: (CelSlot | undefined)[],
): void {
  asArray(items).forEach((item, i) => {
    slots.push(slotOf(get(item, 'visible'), [...path, i, 'visible'], { mode: 'loose' }, predicate))
    navigationSlots(get(item, 'children'), [...path, i, 'children'], slots)
  })
}
