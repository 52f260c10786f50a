/**
 * Checks one CEL expression: it must parse, every `record.x` / `previous.x` / `parent.x` must name
 * a field of its object (also inside `has()`, which the type checker does not look into), the
 * expression must type-check in its scope, and it must return what the slot needs. At most one
 * diagnostic per problem, pointing at the offending character inside the YAML scalar.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js'
import { didYouMeanHint } from '../../diagnostics/did-you-mean.js'
import { report } from '../../diagnostics/report.js'
import type { ParsedDocument } from '../../parse/parsed-document.js'
import { locateInScalar } from '../scalar-offset.js'
import type { ObjectSymbol, SymbolTable } from '../symbol-table.js'
import { expressionRefs, parentTypeName, recordTypeName, typeCheck } from './cel-environments.js'
import type { CelSelection } from './cel-expression-refs.js'
import { celTypeOfReturnType } from './cel-field-types.js'
import { scopeRows, type CelScope, type ScopeRows } from './cel-scope.js'
import type { CelSlot } from './cel-slot.js'

/** The row variables of record expressions, which row-level security does not bind. */
const rowVariables = ['record', 'previous', 'parent']

/** What cel-js type errors carry that we read. */
interface CelError {
  readonly code?: string
  readonly summary?: string
  readonly message?: string
  readonly range?: { readonly start: number; readonly end: number }
}

/**
 * @example
 *   checkCelSlot(doc, symbols, { path: ['condition'], source: 'record.amout > 0', scope, expect })
 *   // → [OOS_CEL_UNKNOWN_FIELD at the column of `amout`, hint 'did you mean "amount"?']
 */
export function checkCelSlot(
  doc: ParsedDocument,
  symbols: SymbolTable,
  slot: CelSlot,
): Diagnostic[] {
  const at = (index: number) => locateInScalar(doc, slot.path, index)
  const refs = expressionRefs(symbols, slot.source)
  if (!refs.ok) return [report('OOS_CEL_SYNTAX', at(refs.start), [readable(refs.summary)])]
  const scoped = scopeRows(slot.scope)
  const unknownFields = findUnknownFields(refs.selections, scoped).map((ref) =>
    report(
      'OOS_CEL_UNKNOWN_FIELD',
      at(ref.start),
      [ref.field, ref.object.name],
      didYouMeanHint(ref.field, ref.object.fields.keys()),
    ),
  )
  if (unknownFields.length > 0) return unknownFields
  const result = typeCheck(symbols, slot.scope, slot.source, refs)
  if (!result.valid) return [typeError(slot, scoped, (result.error ?? {}) as CelError, at)]
  const type = result.type ?? 'dyn'
  const expect = slot.expect
  if (expect === undefined || type === 'dyn') return []
  if (expect.kind === 'bool' && type !== 'bool') {
    return [report('OOS_CEL_NOT_BOOLEAN', at(0), [readable(type, slot.scope)])]
  }
  if (expect.kind === 'returnType' && !returns(expect.returnType, type)) {
    return [report('OOS_CEL_RETURN_TYPE', at(0), [expect.returnType, readable(type, slot.scope)])]
  }
  return []
}

/** A field selection on a row variable that names no field of the row's object. */
interface UnknownFieldRef {
  readonly field: string
  readonly object: ObjectSymbol
  /** Index of the field name in the source. */
  readonly start: number
}

function findUnknownFields(
  selections: readonly CelSelection[],
  scoped: ScopeRows,
): UnknownFieldRef[] {
  const found: UnknownFieldRef[] = []
  for (const { variable, field, start } of selections) {
    const object = scoped.rows.get(variable)
    if (object !== undefined && !object.fields.has(field)) found.push({ field, object, start })
  }
  return found
}

function typeError(
  slot: CelSlot,
  scoped: ScopeRows,
  error: CelError,
  at: (index: number) => ReturnType<typeof locateInScalar>,
): Diagnostic {
  const start = error.range?.start ?? 0
  const summary = readable(error.summary ?? String(error.message), slot.scope)
  if (error.code === 'unknown_variable') {
    const name = slot.source.slice(start, error.range?.end ?? start)
    if (slot.scope.mode === 'bare' && !rowVariables.includes(name)) {
      const object = slot.scope.object
      const hint = didYouMeanHint(name, object.fields.keys())
      return report('OOS_CEL_UNKNOWN_FIELD', at(start), [name, object.name], hint)
    }
    const row = scoped.rows.get('record')
    const hint =
      slot.scope.mode === 'bare'
        ? 'row-level security reads fields by their bare names: owner_id == current_user.id'
        : row?.fields.has(name) === true
          ? `fields are read through record: write record.${name}`
          : didYouMeanHint(name, scoped.variables)
    return report('OOS_CEL_UNKNOWN_VARIABLE', at(start), [name], hint)
  }
  const mixesNumbers = /\bint\b/.test(summary) && /\bdouble\b/.test(summary)
  const hint = mixesNumbers
    ? 'number fields are double: write literals with a decimal point (0.0, 100.0)'
    : undefined
  return report('OOS_CEL_TYPE', at(start), [summary], hint)
}

/** Whether a formula's declared returnType accepts the CEL type its expression gives. */
function returns(returnType: string, type: string): boolean {
  const expected = celTypeOfReturnType[returnType]
  if (expected === undefined) return true
  return type === expected || (expected === 'double' && type === 'int')
}

/** CEL's protobuf type names as authors write them: `timestamp`, `duration`, `deal record`. */
function readable(text: string, scope?: CelScope): string {
  const parent = scope?.mode === 'record' ? scope.parent : undefined
  return text
    .replaceAll('google.protobuf.Timestamp', 'timestamp')
    .replaceAll('google.protobuf.Duration', 'duration')
    .replaceAll(recordTypeName, `${scope?.object?.name ?? 'the'} record`)
    .replaceAll(parentTypeName, `${parent?.name ?? 'the parent'} record`)
}
