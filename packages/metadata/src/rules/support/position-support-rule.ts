/**
 * The engine support matrix for positions (`*.position.yaml`): the access layer reads the name
 * and the permission sets bound to it. `delegatable: true` (delegated administration),
 * `protection` and package-lock keys would do nothing, so they are refused at the key.
 */
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import type { Rule } from '../rule-context.js'
import { entriesOf } from '../value-guards.js'
import { declaresSomething, isHonouredKey } from './honoured-keys.js'
import { delegatableHint, unsupportedKeyHint } from './unsupported-key-hints.js'

export const positionSupportRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'position') return
  for (const [key, value] of entriesOf(ctx.doc.value)) {
    if (isHonouredKey('position', key) || !declaresSomething(value)) continue
    const hint = key === 'delegatable' ? delegatableHint : unsupportedKeyHint('other', key)
    ctx.out.push(
      report(
        'OOS_SUPPORT_POSITION_KEY',
        locate(ctx.doc, [key], 'key'),
        [key, declaredName(ctx.doc)],
        hint,
      ),
    )
  }
}
