/**
 * The CEL environments expressions are type-checked in, and the reuse that keeps checking a large
 * app cheap. An environment is described by what it declares (the fields of the type `record`
 * reads, of the type `parent` reads, or the bare field variables of row-level security), not by
 * which object it serves: objects whose expressions read the same fields with the same types
 * share one environment, and one expression text is type-checked once per environment.
 *
 * An expression is first checked in the narrowest environment, whose row types declare only the
 * fields the expression selects. Declaring fewer fields can turn a valid expression invalid (a
 * field read another way, `record['x']`) but never changes the type of a valid one, so a valid
 * result stands; an invalid one is checked again against every field of its objects, which gives
 * the same diagnostic as if the narrow check had never happened.
 *
 * Row types have fixed names (recordTypeName, parentTypeName): messages name the objects.
 */
import type { Environment, TypeCheckResult } from '@marcbachmann/cel-js'
import type { ObjectSymbol, SymbolTable } from '../symbol-table.js'
import { createCelEnvironment } from './cel-base-environment.js'
import { celExpressionRefs, type CelExpressionRefs } from './cel-expression-refs.js'
import { celTypeOf } from './cel-field-types.js'
import { userVariables, type CelScope } from './cel-scope.js'

/** The CEL type of `record` and `previous`. */
export const recordTypeName = 'objectos.record'
/** The CEL type of `parent` when the master is another object. */
export const parentTypeName = 'objectos.parent'

/** Field names with their CEL types, sorted by name. */
type FieldTypes = readonly (readonly [name: string, type: string])[]

/** What an environment declares on top of the base environment. */
interface EnvironmentSpec {
  /** Undeclared names are `dyn` instead of errors. */
  readonly loose: boolean
  /** The fields of the type `record` and `previous` read; absent when they are not declared. */
  readonly record?: FieldTypes
  /** The fields of the type `parent` reads, or 'record' when the master is the object itself. */
  readonly parent?: FieldTypes | 'record'
  /** Bare field variables (row-level security). */
  readonly variables?: FieldTypes
}

interface Caches {
  readonly refs: Map<string, CelExpressionRefs>
  readonly environments: Map<string, { env: Environment; checked: Map<string, TypeCheckResult> }>
}

const perTable = new WeakMap<SymbolTable, Caches>()

function cachesOf(symbols: SymbolTable): Caches {
  let caches = perTable.get(symbols)
  if (caches === undefined) {
    caches = { refs: new Map(), environments: new Map() }
    perTable.set(symbols, caches)
  }
  return caches
}

/**
 * `celExpressionRefs`, computed once per source text and symbol table.
 *
 * @example
 *   expressionRefs(symbols, 'record.amount > 0') // → { ok: true, selections: [amount], … }
 */
export function expressionRefs(symbols: SymbolTable, source: string): CelExpressionRefs {
  const refs = cachesOf(symbols).refs
  let found = refs.get(source)
  if (found === undefined) {
    found = celExpressionRefs(source)
    refs.set(source, found)
  }
  return found
}

/**
 * Type-checks a parsed expression in its scope: in the environment of the fields it selects, and
 * when that fails, in the environment of all the fields of its objects.
 *
 * @example
 *   const refs = expressionRefs(symbols, 'record.amount > 0')
 *   if (refs.ok) typeCheck(symbols, recordScope(symbols, deal), 'record.amount > 0', refs)
 *   // → { valid: true, type: 'bool' }
 */
export function typeCheck(
  symbols: SymbolTable,
  scope: CelScope,
  source: string,
  refs: CelExpressionRefs & { ok: true },
): TypeCheckResult {
  const narrow = checkIn(symbols, specOf(symbols, scope, refs), source)
  return narrow.valid ? narrow : checkIn(symbols, specOf(symbols, scope), source)
}

function checkIn(symbols: SymbolTable, spec: EnvironmentSpec, source: string): TypeCheckResult {
  const environments = cachesOf(symbols).environments
  const key = JSON.stringify([spec.loose, spec.record, spec.parent, spec.variables])
  let entry = environments.get(key)
  if (entry === undefined) {
    entry = { env: build(spec), checked: new Map() }
    environments.set(key, entry)
  }
  let result = entry.checked.get(source)
  if (result === undefined) {
    result = entry.env.check(source)
    entry.checked.set(source, result)
  }
  return result
}

/** The environment a scope needs: for the fields `refs` selects, or without refs for all. */
function specOf(symbols: SymbolTable, scope: CelScope, refs?: CelExpressionRefs): EnvironmentSpec {
  const read = refs?.ok === true ? refs : undefined
  if (scope.mode === 'bare') {
    // Like a name CEL reserves, a field cel-js cannot declare leaves the policy untyped.
    if (!allDeclarable(scope.object)) return { loose: true }
    const names = read?.identifiers ?? scope.object.fields.keys()
    const variables = [...names].filter((name) => !userVariables.includes(name))
    return { loose: false, variables: fieldTypes(symbols, scope.object, variables) }
  }
  const loose = scope.mode === 'loose'
  const object = scope.object
  if (object === undefined) return { loose }
  const parent = scope.mode === 'record' ? scope.parent : undefined
  const selected = (variables: readonly string[], of: ObjectSymbol): Iterable<string> =>
    read === undefined
      ? of.fields.keys()
      : read.selections.filter((s) => variables.includes(s.variable)).map((s) => s.field)
  const rowVariables = parent === object ? ['record', 'previous', 'parent'] : ['record', 'previous']
  const record = fieldTypes(symbols, object, selected(rowVariables, object))
  if (parent === undefined) return { loose, record }
  if (parent === object) return { loose, record, parent: 'record' }
  return { loose, record, parent: fieldTypes(symbols, parent, selected(['parent'], parent)) }
}

/** The declared ones among `names`, sorted, with their CEL types. */
function fieldTypes(
  symbols: SymbolTable,
  object: ObjectSymbol,
  names: Iterable<string>,
): FieldTypes {
  const out: [string, string][] = []
  for (const name of new Set(names)) {
    const field = object.fields.get(name)
    if (field !== undefined) out.push([name, celTypeOf(field, symbols)])
  }
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

function build(spec: EnvironmentSpec): Environment {
  try {
    return buildTyped(spec)
  } catch {
    // Nothing above should throw; if cel-js refuses a declaration all the same, check untyped
    // rather than fail the whole validation.
    return createCelEnvironment(true)
  }
}

function buildTyped(spec: EnvironmentSpec): Environment {
  const env = createCelEnvironment(spec.loose)
  if (spec.record !== undefined) {
    env.registerType(recordTypeName, rowType(spec.record))
    env.registerVariable('record', recordTypeName).registerVariable('previous', recordTypeName)
  }
  if (spec.parent === 'record') env.registerVariable('parent', recordTypeName)
  else if (spec.parent !== undefined) {
    env.registerType(parentTypeName, rowType(spec.parent))
    env.registerVariable('parent', parentTypeName)
  }
  for (const [name, type] of spec.variables ?? []) env.registerVariable(name, type)
  return env
}

function rowType(fields: FieldTypes): { ctor: new () => object; fields: Record<string, string> } {
  // A constructor keeps cel-js from generating a converter, which it cannot do for timestamps;
  // validation only type-checks, and the engine binds plain rows through its own conversion.
  return { ctor: class {}, fields: Object.fromEntries(fields) }
}

const declarable = new Map<string, boolean>()
let probe: Environment | undefined
const objectsDeclarable = new WeakMap<ObjectSymbol, boolean>()

/**
 * Whether every field of the object can be a CEL variable: not a word CEL reserves (`package`)
 * nor a name the base environment binds (`type`, `int`, `current_user`, which bare mode skips).
 */
function allDeclarable(object: ObjectSymbol): boolean {
  let all = objectsDeclarable.get(object)
  if (all === undefined) {
    all = [...object.fields.keys()].every((n) => userVariables.includes(n) || canDeclare(n))
    objectsDeclarable.set(object, all)
  }
  return all
}

function canDeclare(name: string): boolean {
  let ok = declarable.get(name)
  if (ok === undefined) {
    probe ??= createCelEnvironment()
    try {
      probe.registerVariable(name, 'dyn')
      ok = true
    } catch {
      ok = false
    }
    declarable.set(name, ok)
  }
  return ok
}
