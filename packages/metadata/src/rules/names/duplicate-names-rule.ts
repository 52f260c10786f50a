/**
 * Names that must be unique: one entity per name and kind across the app (two
 * `*.object.yaml` files both declaring `account` would fight over one table), one field per name
 * in an object, and one item per name in the lists that are addressed by name (validation rules,
 * indexes, field groups, flow nodes, edges and variables, dashboard widgets and filters,
 * row-level security policies).
 */
import type { SchemaKind } from '@objectos/schemas'
import { metadataKinds } from '@objectos/schemas'
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import type { Rule, RuleContext } from '../rule-context.js'
import { asArray, asString, entriesOf, get, isRecord } from '../value-guards.js'

/** Lists whose items are addressed by a name key: kind, list key, name key, what to call one. */
const namedLists: readonly (readonly [SchemaKind, string, string, string])[] = [
  ['object', 'validations', 'name', 'validation rule'],
  ['object', 'indexes', 'name', 'index'],
  ['object', 'fieldGroups', 'key', 'field group'],
  ['flow', 'nodes', 'id', 'flow node'],
  ['flow', 'edges', 'id', 'flow edge'],
  ['flow', 'variables', 'name', 'flow variable'],
  ['dashboard', 'widgets', 'id', 'dashboard widget'],
  ['dashboard', 'globalFilters', 'name', 'dashboard filter'],
  ['permission', 'rowLevelSecurity', 'name', 'row-level security policy'],
]

export const duplicateNamesRule: Rule = (ctx) => {
  const { doc } = ctx
  if (doc.kind === 'manifest') return
  const name = declaredName(doc)
  const declaring = ctx.symbols.names.get(doc.kind)?.get(name) ?? []
  const first = declaring[0]
  if (first !== undefined && first !== doc) {
    const title = metadataKinds.find((k) => k.kind === doc.kind)?.title ?? doc.kind
    ctx.out.push(
      report('OOS_NAME_DUPLICATE', locate(doc, ['name']), [title.toLowerCase(), name, first.file]),
    )
  }
  if (doc.kind === 'object') checkFields(ctx)
  for (const [kind, list, key, what] of namedLists) {
    if (kind === doc.kind) checkNamedList(ctx, list, key, what)
  }
}

function checkFields(ctx: RuleContext): void {
  const seen = new Map<string, string>()
  for (const [key, field] of entriesOf(get(ctx.doc.value, 'fields'))) {
    const inner = asString(get(field, 'name'))
    if (inner !== undefined && inner !== key) {
      ctx.out.push(
        report('OOS_NAME_FIELD_KEY_MISMATCH', locate(ctx.doc, ['fields', key, 'name']), [
          key,
          inner,
        ]),
      )
    }
    const folded = key.toLowerCase()
    const earlier = seen.get(folded)
    if (earlier !== undefined) {
      ctx.out.push(
        report(
          'OOS_NAME_DUPLICATE_ITEM',
          locate(ctx.doc, ['fields', key], 'key'),
          ['field', key],
          `"${earlier}" differs only in case; column names are case-insensitive`,
        ),
      )
    }
    seen.set(folded, key)
  }
}

function checkNamedList(ctx: RuleContext, list: string, key: string, what: string): void {
  const firstIndex = new Map<string, number>()
  asArray(get(ctx.doc.value, list)).forEach((item, i) => {
    const name = isRecord(item) ? asString(item[key]) : undefined
    if (name === undefined) return
    const first = firstIndex.get(name)
    if (first === undefined) {
      firstIndex.set(name, i)
      return
    }
    // Located only when there is a duplicate: locating composes the file's YAML Document.
    const line = locate(ctx.doc, [list, first, key]).line
    ctx.out.push(
      report(
        'OOS_NAME_DUPLICATE_ITEM',
        locate(ctx.doc, [list, i, key]),
        [what, name],
        `first declared on line ${line}`,
      ),
    )
  })
}
