/**
 * A field's `defaultValue` must be something the field can store: the engine writes a literal
 * default verbatim on insert, so `abc` on a number or `maybe` on a boolean would seed data the
 * column cannot hold, far from the cause. Ports the spec's #7127 check: the three legal shapes are
 * told apart first — a CEL envelope (`{ dialect, source }`, judged at run time), a runtime token
 * (`NOW()` on date, datetime and time; `current_user` on user fields), or a literal that must fit
 * the field's stored value contract. A literal number or text must also lie within the field's
 * own `min`/`max` and `minLength`/`maxLength`, which the spec leaves to the first insert.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import type { Rule, RuleContext } from '../rule-context.js'
import { isRecord } from '../value-guards.js'
import { declaredFields } from './field-definition.js'
import { isMultiValue, type FieldDef } from './field-types.js'
import { storedValueProblems } from './stored-value-check.js'
import { reportUnknownOption } from './unknown-option.js'

const nowToken = 'NOW()'
const currentUserToken = 'current_user'
const nowTypes: ReadonlySet<string> = new Set(['datetime', 'date', 'time'])

/** Near-miss spellings of the runtime tokens (the spec's suggestion table). */
const tokenSpellings: Readonly<Record<string, string>> = {
  now: nowToken,
  '{now}': nowToken,
  current_datetime: nowToken,
  current_time: nowToken,
  currentuser: currentUserToken,
  'current-user': currentUserToken,
  'current user': currentUserToken,
  '{current_user}': currentUserToken,
  current_user_id: currentUserToken,
  '{current_user_id}': currentUserToken,
}

export const defaultValueRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  const object = declaredName(ctx.doc)
  for (const { name, def, path } of declaredFields(ctx.doc)) {
    const value = def.defaultValue
    if (value === null || value === undefined || typeof def.type !== 'string') continue
    if (isRecord(value) && value.dialect && typeof value.source === 'string') continue
    const at: PathSegment[] = [...path, 'defaultValue']
    const token = tokenOf(value)
    if (token !== undefined) {
      const problem = tokenProblem(def, token)
      if (problem !== undefined) {
        ctx.out.push(
          report('OOS_FIELD_DEFAULT_VALUE', locate(ctx.doc, at), [name, def.type, problem]),
        )
      }
      continue
    }
    const problems = storedValueProblems(def, value)
    for (const found of problems) {
      const where = locate(ctx.doc, [...at, ...found.at])
      if (found.kind === 'option') {
        reportUnknownOption(ctx, where, found.value, name, object, def)
        continue
      }
      const spelled =
        typeof value === 'string' ? tokenSpellings[value.trim().toLowerCase()] : undefined
      const hint =
        spelled === undefined ? undefined : `did you mean the runtime token "${spelled}"?`
      ctx.out.push(report('OOS_FIELD_DEFAULT_VALUE', where, [name, def.type, found.problem], hint))
    }
    if (problems.length === 0) checkBounds(ctx, at, name, def, value)
  }
}

function tokenOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  if (/^now\(\)$/i.test(value.trim())) return nowToken
  return value === currentUserToken ? currentUserToken : undefined
}

/** Why a runtime token cannot be the default of this field, if it cannot. */
function tokenProblem(def: FieldDef, token: string): string | undefined {
  if (isMultiValue(def))
    return `is the runtime token ${token}, which gives one value, but the field holds a list`
  const type = String(def.type)
  if (token === nowToken) {
    return nowTypes.has(type)
      ? undefined
      : `is the runtime token NOW(), which only date, datetime and time fields can hold`
  }
  if (type === 'user' || (type === 'lookup' && def.reference === 'sys_user')) return undefined
  return 'is the runtime token current_user, which only user fields (or lookups to sys_user) can hold'
}

/** A literal that fits the type but not the field's own bounds. */
function checkBounds(
  ctx: RuleContext,
  at: readonly PathSegment[],
  name: string,
  def: FieldDef,
  value: unknown,
): void {
  let problem: string | undefined
  if (typeof value === 'number') {
    if (typeof def.min === 'number' && value < def.min)
      problem = `is ${value}, below min ${def.min}`
    if (typeof def.max === 'number' && value > def.max)
      problem = `is ${value}, above max ${def.max}`
  }
  if (typeof value === 'string') {
    const length = [...value].length
    if (typeof def.minLength === 'number' && length < def.minLength)
      problem = `is ${length} characters long, shorter than minLength ${def.minLength}`
    if (typeof def.maxLength === 'number' && length > def.maxLength)
      problem = `is ${length} characters long, longer than maxLength ${def.maxLength}`
  }
  if (problem !== undefined) {
    ctx.out.push(
      report('OOS_FIELD_DEFAULT_VALUE', locate(ctx.doc, at), [name, String(def.type), problem]),
    )
  }
}
