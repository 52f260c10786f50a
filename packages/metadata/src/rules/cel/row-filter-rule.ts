/**
 * A sharing rule's `condition` and a row-level security policy's `using` and `check` are not
 * evaluated row by row in the engine: ObjectOS turns them into SQL (see row-condition/) — the
 * filter of every query, and the test the database applies to a row a write has just stored, so
 * a check agrees with what a read of that row would see. One that is
 * valid CEL but does not lower — a function of a field, two fields compared, a path through a
 * lookup — is refused at the part that does not fit. Expressions that do not parse or type-check
 * are left to the CEL rule, which reports them already; so are those of an object that is not
 * known (or whose master did not parse), whose fields are not known either.
 */
import { report } from '../../diagnostics/report.js'
import { lowerRowCondition } from '../../row-condition/lower-row-condition.js'
import type { RuleContext, Rule } from '../rule-context.js'
import { locateInScalar } from '../scalar-offset.js'
import type { ObjectSymbol } from '../symbol-table.js'
import { asArray, asString, get } from '../value-guards.js'
import { recordScope } from './cel-scope.js'
import { predicate, slotOf, type CelSlot } from './cel-slot.js'
import { checkCelSlot } from './check-cel-slot.js'

const hint =
  'a row filter compares fields with literals or with values of current_user, joined by &&, || and !'

export const rowFilterRule: Rule = (ctx) => {
  for (const { slot, object } of rowConditionSlots(ctx)) {
    if (checkCelSlot(ctx.doc, ctx.symbols, slot).length > 0) continue
    const rows = slot.scope.mode === 'bare' ? 'bare' : 'record'
    const lowered = lowerRowCondition(slot.source, rows, new Set(object.fields.keys()))
    if (lowered.ok) continue
    const at = locateInScalar(ctx.doc, slot.path, lowered.start)
    ctx.out.push(report('OOS_CEL_NOT_ROW_FILTER', at, [lowered.reason], hint))
  }
}

interface RowConditionSlot {
  readonly slot: CelSlot
  readonly object: ObjectSymbol
}

/** The row conditions of a sharing rule or a permission set, on objects whose fields are known. */
function rowConditionSlots(ctx: RuleContext): RowConditionSlot[] {
  const value = ctx.doc.value
  const objectOf = (owner: unknown) => ctx.symbols.objects.get(asString(get(owner, 'object')) ?? '')
  const found: RowConditionSlot[] = []
  if (ctx.doc.kind === 'sharing') {
    const object = objectOf(value)
    const scope = object === undefined ? undefined : recordScope(ctx.symbols, object)
    if (object === undefined || scope?.mode !== 'record') return found
    const slot = slotOf(get(value, 'condition'), ['condition'], scope, predicate)
    if (slot !== undefined) found.push({ slot, object })
  } else if (ctx.doc.kind === 'permission') {
    asArray(get(value, 'rowLevelSecurity')).forEach((policy, i) => {
      const object = objectOf(policy)
      if (object === undefined) return
      for (const key of ['using', 'check']) {
        const path = ['rowLevelSecurity', i, key]
        const slot = slotOf(get(policy, key), path, { mode: 'bare', object }, predicate)
        if (slot !== undefined) found.push({ slot, object })
      }
    })
  }
  return found
}
