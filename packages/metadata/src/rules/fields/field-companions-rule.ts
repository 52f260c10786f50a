/**
 * Field types that cannot work without a companion key. The schema keeps every key optional
 * (the spec's JSON Schema cannot say "required when type is lookup"), so a `lookup` without
 * `reference` or a `select` without `options` would parse and then fail far from the cause: the
 * record picker has no object to query, the dropdown has nothing to offer. Ports the spec's
 * relationship check (field.zod.ts, #13632) and the action-parameter one (action.zod.ts), and
 * adds the same guarantee for formulas, summaries and option lists.
 */
import { didYouMean } from '../../diagnostics/did-you-mean.js'
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import type { Rule, RuleContext } from '../rule-context.js'
import { asArray, get, isRecord } from '../value-guards.js'
import { declaredFields } from './field-definition.js'
import { optionRequiredTypes, relationshipTypes, type FieldDef } from './field-types.js'

interface Companion {
  readonly key: string
  readonly types: ReadonlySet<string>
  readonly present: (value: unknown) => boolean
  readonly hint: (ctx: RuleContext, field: string) => string
}

const companions: readonly Companion[] = [
  {
    key: 'reference',
    types: relationshipTypes,
    present: isFilledString,
    hint: (ctx, field) => {
      const target = ctx.symbols.objects.has(field)
        ? field
        : didYouMean(field, ctx.symbols.objects.keys())
      return target === undefined
        ? 'add "reference:" with the name of the object its records link to'
        : `add "reference: ${target}"`
    },
  },
  {
    key: 'expression',
    types: new Set(['formula']),
    present: (value) =>
      isFilledString(value) ||
      (isRecord(value) && (isFilledString(value.source) || value.ast !== undefined)),
    hint: () => 'add "expression:" with the CEL formula that computes it, e.g. record.amount * 0.1',
  },
  {
    key: 'summaryOperations',
    types: new Set(['summary']),
    present: isRecord,
    hint: () =>
      'add "summaryOperations: { object, field, function }" naming the child object it rolls up',
  },
  {
    key: 'options',
    types: optionRequiredTypes,
    present: (value) => asArray(value).length > 0,
    hint: () => 'add "options:" with at least one { label, value }',
  },
]

export const fieldCompanionsRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  for (const { name, def, path } of declaredFields(ctx.doc)) checkField(ctx, name, def, path)
  asArray(get(ctx.doc.value, 'actions')).forEach((action, i) =>
    asArray(get(action, 'params')).forEach((param, j) => {
      // A parameter bound to a field takes its target from that field.
      if (!isRecord(param) || param.field !== undefined) return
      const name = typeof param.name === 'string' ? param.name : `#${j + 1}`
      checkField(ctx, name, param, ['actions', i, 'params', j], relationshipTypes)
    }),
  )
}

function checkField(
  ctx: RuleContext,
  name: string,
  def: FieldDef,
  path: readonly PathSegment[],
  only?: ReadonlySet<string>,
): void {
  const type = def.type
  if (typeof type !== 'string' || (only !== undefined && !only.has(type))) return
  for (const companion of companions) {
    if (!companion.types.has(type) || companion.present(def[companion.key])) continue
    // A blank value is reported where it is written; a missing one at the type that needs it.
    const at = companion.key in def ? [...path, companion.key] : [...path, 'type']
    ctx.out.push(
      report(
        'OOS_FIELD_MISSING_KEY',
        locate(ctx.doc, at),
        [type, name, companion.key],
        companion.hint(ctx, name),
      ),
    )
  }
}

function isFilledString(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== ''
}
