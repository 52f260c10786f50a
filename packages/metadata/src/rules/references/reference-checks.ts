/**
 * The checks every reference rule repeats: "this names an object", "this names a field of that
 * object", "this names a page/dashboard/flow". Each reports at the exact YAML node with a
 * did-you-mean hint and returns what it resolved, so callers can go on to check fields.
 */
import type { SchemaKind } from '@objectos/schemas'
import type { DiagnosticLocation, PathSegment } from '../../diagnostics/diagnostic.js'
import { didYouMeanHint } from '../../diagnostics/did-you-mean.js'
import { report } from '../../diagnostics/report.js'
import { locate, type LocatePart } from '../../parse/locate.js'
import type { RuleContext } from '../rule-context.js'
import {
  declaredNames,
  isDeclared,
  isUnparsed,
  type FieldSymbol,
  type ObjectSymbol,
  type SymbolTable,
} from '../symbol-table.js'
import { asString } from '../value-guards.js'

/**
 * Resolves an object name; reports OOS_REF_UNKNOWN_OBJECT when no object has it. Non-strings,
 * the wildcard `*` and objects whose file did not parse resolve to nothing without a report.
 *
 * @example
 *   const target = checkObjectRef(ctx, ['fields', 'account', 'reference'], 'acount', 'lookup target')
 */
export function checkObjectRef(
  ctx: RuleContext,
  path: readonly PathSegment[],
  value: unknown,
  role: string,
  part: LocatePart = 'value',
): ObjectSymbol | undefined {
  const name = asString(value)
  if (name === undefined || name === '*') return undefined
  const object = ctx.symbols.objects.get(name)
  // An object whose file did not parse exists but resolves to nothing: its fields are unknown.
  if (object !== undefined || isUnparsed(ctx.symbols, 'object', name)) return object
  ctx.out.push(
    report(
      'OOS_REF_UNKNOWN_OBJECT',
      locate(ctx.doc, path, part),
      [role, name],
      didYouMeanHint(name, ctx.symbols.objects.keys()),
    ),
  )
  return undefined
}

/**
 * Resolves a field of `object`, following `lookup.field` paths through lookups; reports
 * OOS_REF_UNKNOWN_FIELD for the first segment that does not resolve. Does nothing when `object`
 * is unknown (that was reported where the object was named).
 *
 * @example
 *   checkFieldRef(ctx, ['list', 'columns', 2], account, 'anual_revenue')
 *   // → reports '"anual_revenue" is not a field of object "account"' (did you mean …?)
 */
export function checkFieldRef(
  ctx: RuleContext,
  path: readonly PathSegment[],
  object: ObjectSymbol | undefined,
  value: unknown,
  part: LocatePart = 'value',
): FieldSymbol | undefined {
  const name = asString(value)
  if (object === undefined || name === undefined) return undefined
  const found = resolveField(ctx.symbols, object, name)
  if (found.missing !== undefined)
    reportUnknownField(ctx, locate(ctx.doc, path, part), found.missing)
  return found.field
}

/** A field path that did not resolve: the segment and the object it was looked up on. */
export interface MissingField {
  readonly segment: string
  readonly object: ObjectSymbol
  /** Where the segment starts in the dotted name (`account.nme` → 8). */
  readonly offset: number
}

/**
 * Resolves `name` (`amount`, or `account.owner_id` through lookups) on `object`. A path through a
 * lookup whose target is unknown resolves to nothing and misses nothing.
 *
 * @example
 *   resolveField(symbols, opportunity, 'account.name') // → { field: <account.name> }
 *   resolveField(symbols, opportunity, 'amout')        // → { missing: { segment: 'amout', … } }
 */
export function resolveField(
  symbols: SymbolTable,
  object: ObjectSymbol,
  name: string,
): { readonly field?: FieldSymbol; readonly missing?: MissingField } {
  let current: ObjectSymbol | undefined = object
  let field: FieldSymbol | undefined
  let offset = 0
  for (const segment of name.split('.')) {
    if (current === undefined) return {}
    field = current.fields.get(segment)
    if (field === undefined) return { missing: { segment, object: current, offset } }
    current = field.reference === undefined ? undefined : symbols.objects.get(field.reference)
    offset += segment.length + 1
  }
  return field === undefined ? {} : { field }
}

/** Reports OOS_REF_UNKNOWN_FIELD with a did-you-mean hint. */
export function reportUnknownField(
  ctx: RuleContext,
  at: DiagnosticLocation,
  missing: MissingField,
): void {
  ctx.out.push(
    report(
      'OOS_REF_UNKNOWN_FIELD',
      at,
      [missing.segment, missing.object.name],
      didYouMeanHint(missing.segment, missing.object.fields.keys()),
    ),
  )
}

/**
 * Checks that a document of `kind` declares `value`; reports OOS_REF_UNKNOWN_TARGET otherwise.
 *
 * @example
 *   checkTargetRef(ctx, ['navigation', 0, 'dashboardName'], 'dashboard', 'sales', 'dashboard')
 */
export function checkTargetRef(
  ctx: RuleContext,
  path: readonly PathSegment[],
  kind: SchemaKind,
  value: unknown,
  what: string,
): void {
  const name = asString(value)
  if (name === undefined || isDeclared(ctx.symbols, kind, name)) return
  ctx.out.push(
    report(
      'OOS_REF_UNKNOWN_TARGET',
      locate(ctx.doc, path),
      [what, name, 'this app'],
      didYouMeanHint(name, declaredNames(ctx.symbols, kind)),
    ),
  )
}

/**
 * A field's type for messages: `text`, `lookup to account`.
 *
 * @example
 *   describeType('lookup', 'account') // → 'lookup to account'
 */
export function describeType(type: string | undefined, reference?: string): string {
  const base = type ?? 'unknown'
  return reference === undefined ? base : `${base} to ${reference}`
}
