/**
 * The engine support matrix as a rule: what the schemas accept but this version of ObjectOS would
 * not run is an error at the offending key or value (DESIGN.md §3, "a declared feature the engine
 * does not implement is a validation error, never ignored at runtime"). It checks an object's
 * top-level keys and its sharing model, each field (type, keys, unique scope — field-support.ts), its indexes and the
 * keys of its validation rules. All six validation rule types run, so only their package-lock
 * keys are refused.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import { declaredFields } from '../fields/field-definition.js'
import type { Rule, RuleContext } from '../rule-context.js'
import { asArray, asString, entriesOf, get, isRecord } from '../value-guards.js'
import { checkFieldSupport, uniqueScopeHint } from './field-support.js'
import {
  declaresSomething,
  honouredUniqueScopes,
  isHonouredKey,
  isHonouredValue,
  packageKeys,
} from './honoured-keys.js'
import { sharingModelHint, unsupportedKeyHint } from './unsupported-key-hints.js'

export const engineSupportRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  const object = declaredName(ctx.doc)
  for (const [key, value] of entriesOf(ctx.doc.value)) {
    if (isHonouredKey('object', key) || !declaresSomething(value)) continue
    ctx.out.push(
      report(
        'OOS_SUPPORT_OBJECT_KEY',
        locate(ctx.doc, [key], 'key'),
        [key, object],
        unsupportedKeyHint('object', key),
      ),
    )
  }
  const model = get(ctx.doc.value, 'sharingModel')
  if (model !== undefined && !isHonouredValue('sharingModel', model)) {
    ctx.out.push(
      report(
        'OOS_SUPPORT_OBJECT_KEY',
        locate(ctx.doc, ['sharingModel']),
        [`sharingModel: ${String(model)}`, object],
        sharingModelHint,
      ),
    )
  }
  for (const field of declaredFields(ctx.doc)) checkFieldSupport(ctx, field)
  checkIndexes(ctx)
  asArray(get(ctx.doc.value, 'validations')).forEach((rule, i) =>
    checkValidation(ctx, rule, ['validations', i]),
  )
}

function checkIndexes(ctx: RuleContext): void {
  asArray(get(ctx.doc.value, 'indexes')).forEach((index, i) => {
    if (!isRecord(index)) return
    const path: PathSegment[] = ['indexes', i]
    const name = asString(index.name)
    const label = name === undefined ? `#${i + 1}` : `"${name}"`
    for (const [key, value] of Object.entries(index)) {
      if (isHonouredKey('index', key) || !declaresSomething(value)) continue
      ctx.out.push(
        report(
          'OOS_SUPPORT_INDEX_KEY',
          locate(ctx.doc, [...path, key], 'key'),
          [key, label],
          'an index takes "name", "fields" and "unique"; remove it',
        ),
      )
    }
    if ('unique' in index && !honouredUniqueScopes.has(index.unique)) {
      ctx.out.push(
        report(
          'OOS_SUPPORT_UNIQUE_SCOPE',
          locate(ctx.doc, [...path, 'unique']),
          [String(index.unique), `index ${label}`],
          uniqueScopeHint,
        ),
      )
    }
  })
}

/** A validation rule and the rules a `conditional` rule nests under `then` and `otherwise`. */
function checkValidation(ctx: RuleContext, rule: unknown, path: readonly PathSegment[]): void {
  if (!isRecord(rule)) return
  const name = asString(rule.name) ?? path.join('.')
  for (const [key, value] of Object.entries(rule)) {
    if (!packageKeys.has(key) || !declaresSomething(value)) continue
    ctx.out.push(
      report(
        'OOS_SUPPORT_VALIDATION_KEY',
        locate(ctx.doc, [...path, key], 'key'),
        [key, name],
        unsupportedKeyHint('other', key),
      ),
    )
  }
  if (rule.severity === 'warning' || rule.severity === 'info') {
    ctx.out.push(
      report(
        'OOS_SUPPORT_VALIDATION_KEY',
        locate(ctx.doc, [...path, 'severity']),
        [`severity: ${rule.severity}`, name],
        'only rules of severity "error" run: a warning would be shown nowhere yet; make it an error or remove the rule',
      ),
    )
  }
  if (rule.type !== 'conditional') return
  for (const branch of ['then', 'otherwise']) {
    checkValidation(ctx, rule[branch], [...path, branch])
  }
}
