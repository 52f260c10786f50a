/**
 * The engine-support checks for one field definition: a type the engine can store, keys the
 * engine or the generated UI acts on, and a uniqueness scope that exists without organizations.
 * A field of an unsupported type gets that one diagnostic and no key checks — the type has to
 * change first, and its keys are judged against the new type.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import type { DeclaredField } from '../fields/field-definition.js'
import { multipleCapableTypes } from '../fields/field-types.js'
import type { RuleContext } from '../rule-context.js'
import { asArray, asString, get, isRecord } from '../value-guards.js'
import {
  declaresSomething,
  honouredUniqueScopes,
  isHonouredKey,
  unhonouredFieldSubKeys,
} from './honoured-keys.js'
import { isSupportedFieldType, unsupportedTypeHint } from './supported-field-types.js'
import { unsupportedKeyHint } from './unsupported-key-hints.js'

/**
 * Reports what of `field` this version of the engine would not honour.
 *
 * @example
 *   checkFieldSupport(ctx, { name: 'secret', def: { type: 'password' }, path: ['fields', 'secret'] })
 *   // → OOS_SUPPORT_FIELD_TYPE at the `password` value
 */
export function checkFieldSupport(ctx: RuleContext, field: DeclaredField): void {
  const { name, def, path } = field
  const type = typeof def.type === 'string' ? def.type : undefined
  if (type !== undefined && !isSupportedFieldType(type)) {
    ctx.out.push(
      report(
        'OOS_SUPPORT_FIELD_TYPE',
        locate(ctx.doc, [...path, 'type']),
        [type, name],
        unsupportedTypeHint(type),
      ),
    )
    return
  }
  for (const [key, value] of Object.entries(def)) {
    if (isHonouredKey('field', key) || !declaresSomething(value)) continue
    if (type !== undefined && !honouredOnType(key, type)) continue
    reportKey(ctx, [...path, key], key, name, unsupportedKeyHint('field', key))
  }
  checkSubKeys(ctx, field)
  checkStoredFormula(ctx, field)
  if ('unique' in def && !honouredUniqueScopes.has(def.unique)) {
    ctx.out.push(
      report(
        'OOS_SUPPORT_UNIQUE_SCOPE',
        locate(ctx.doc, [...path, 'unique']),
        [String(def.unique), `field "${name}"`],
        uniqueScopeHint,
      ),
    )
  }
}

/** Calls and names whose value depends on when or by whom a formula is read. */
const volatileNames = /(?<![.\w])(now|today)\s*\(|(?<![.\w])(current_user|user|ctx|os)\b/
const stringLiteral = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/

/**
 * Formulas are computed when a record is written and stored, so they can be filtered and sorted.
 * A formula that reads the clock or the current user would hold the value of the last write,
 * not of the moment or the person reading it: refused.
 */
function checkStoredFormula(ctx: RuleContext, { name, def, path }: DeclaredField): void {
  if (def.type !== 'formula') return
  const expression = def.expression
  const source = typeof expression === 'string' ? expression : asString(get(expression, 'source'))
  if (source === undefined) return
  const code = source
    .split(stringLiteral)
    .filter((_, i) => i % 2 === 0)
    .join(' ')
  const found = volatileNames.exec(code)
  if (found === null) return
  const what = found[1] !== undefined ? `${found[1]}()` : (found[2] ?? '')
  reportKey(
    ctx,
    [...path, 'expression'],
    `expression reading ${what}`,
    name,
    "formulas are computed when the record is written and stored; one that reads the clock or the current user would show the last writer's value. Use a validation rule, a default value or a date field instead",
  )
}

/** Why `unique: organization` is refused, shared with the index check. */
export const uniqueScopeHint =
  'ObjectOS has no organizations yet, so there is nothing to scope by: write "unique: true" ' +
  '(or "global"); both mean one holder in the whole table'

/**
 * Whether the unsupported `key` is this rule's to report on `type`. Where the key does not apply
 * to the type at all, the field-key-scope rule already says so (OOS_FIELD_KEY_NOT_APPLICABLE);
 * `multiple: true` on a type that always holds a list (multiselect, checkboxes, tags) restates
 * what the engine does anyway.
 */
function honouredOnType(key: string, type: string): boolean {
  if (key === 'valueDomain' || key === 'referenceVia') return type === 'text'
  if (key === 'multiple') return multipleCapableTypes.has(type)
  return true
}

/** Sub-keys of honoured keys that the engine does not act on (a summary filter, …). */
function checkSubKeys(ctx: RuleContext, { name, def, path }: DeclaredField): void {
  for (const sub of unhonouredFieldSubKeys.summaryOperations) {
    if (declaresSomething(get(def.summaryOperations, sub))) {
      const key = `summaryOperations.${sub}`
      reportKey(
        ctx,
        [...path, 'summaryOperations', sub],
        key,
        name,
        unsupportedKeyHint('field', key),
      )
    }
  }
  if (get(def.currencyConfig, 'currencyMode') === 'dynamic') {
    reportKey(
      ctx,
      [...path, 'currencyConfig', 'currencyMode'],
      'currencyConfig.currencyMode: dynamic',
      name,
      'the engine stores one amount per record, without a currency code of its own; write currencyMode: fixed with a defaultCurrency',
    )
  }
  asArray(def.options).forEach((option, i) => {
    if (!isRecord(option)) return
    for (const sub of unhonouredFieldSubKeys.options) {
      if (!declaresSomething(option[sub])) continue
      const hint = unsupportedKeyHint('field', `options.${sub}`)
      reportKey(ctx, [...path, 'options', i, sub], `options[${i}].${sub}`, name, hint)
    }
  })
}

function reportKey(
  ctx: RuleContext,
  at: readonly PathSegment[],
  key: string,
  field: string,
  hint: string,
): void {
  ctx.out.push(report('OOS_SUPPORT_FIELD_KEY', locate(ctx.doc, at, 'key'), [key, field], hint))
}
