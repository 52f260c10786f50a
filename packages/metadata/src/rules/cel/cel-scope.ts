/**
 * Which names an expression can read, by where it sits. The spec binds record expressions
 * (formulas, validation rules, visibility, sharing, trigger and notification conditions) to
 * `record.<field>`, the saved row to `previous.<field>` and, on a master-detail child, the master
 * to `parent.<field>`; row-level security policies compare bare field names (`owner_id ==
 * current_user.id`). Flow and navigation expressions also see variables ObjectOS does not declare
 * yet, so there unknown names are allowed and only `record.<field>` is checked.
 */
import type { Environment } from '@marcbachmann/cel-js'
import type { ObjectSymbol, SymbolTable } from '../symbol-table.js'
import { createCelEnvironment } from './cel-base-environment.js'
import { celTypeOf } from './cel-field-types.js'

export type CelScope =
  /** `record`, `previous` and `parent` are typed rows; other names are errors. */
  | { readonly mode: 'record'; readonly object: ObjectSymbol; readonly parent?: ObjectSymbol }
  /** Every field is a variable of its own (row-level security). */
  | { readonly mode: 'bare'; readonly object: ObjectSymbol }
  /** `record`/`previous` are typed when the object is known; other names are `dyn`. */
  | { readonly mode: 'loose'; readonly object?: ObjectSymbol }

export interface ScopedEnvironment {
  readonly env: Environment
  /** The row variables and the object each reads (`record` → opportunity). */
  readonly rows: ReadonlyMap<string, ObjectSymbol>
  /** Every declared variable name, for did-you-mean hints. */
  readonly variables: readonly string[]
}

const userVariables = ['current_user', 'user', 'os', 'ctx']
const cache = new WeakMap<SymbolTable, Map<string, ScopedEnvironment>>()

/**
 * A record scope whose `parent` is the master of the object's only master_detail field.
 *
 * @example
 *   recordScope(symbols, lineItem) // → { mode: 'record', object: lineItem, parent: opportunity }
 */
export function recordScope(symbols: SymbolTable, object: ObjectSymbol): CelScope {
  const masters = [...object.fields.values()]
    .filter((f) => f.type === 'master_detail' && f.reference !== undefined)
    .map((f) => symbols.objects.get(f.reference as string))
  const parent = masters.length === 1 ? masters[0] : undefined
  return parent === undefined ? { mode: 'record', object } : { mode: 'record', object, parent }
}

/**
 * The environment for a scope, built once per symbol table and scope.
 *
 * @example
 *   environmentFor(symbols, recordScope(symbols, account)).env.check('record.name != ""')
 */
export function environmentFor(symbols: SymbolTable, scope: CelScope): ScopedEnvironment {
  const perTable = cache.get(symbols) ?? new Map<string, ScopedEnvironment>()
  cache.set(symbols, perTable)
  const parent = scope.mode === 'record' ? scope.parent : undefined
  const key = `${scope.mode}|${scope.object?.name ?? ''}|${parent?.name ?? ''}`
  let scoped = perTable.get(key)
  if (scoped === undefined) {
    scoped = build(symbols, scope)
    perTable.set(key, scoped)
  }
  return scoped
}

function build(symbols: SymbolTable, scope: CelScope): ScopedEnvironment {
  try {
    return buildTyped(symbols, scope)
  } catch {
    // Names cel-js cannot declare (only possible in files that failed their schema): fall back
    // to an untyped scope rather than failing the whole validation.
    return { env: createCelEnvironment(true), rows: new Map(), variables: [...userVariables] }
  }
}

function buildTyped(symbols: SymbolTable, scope: CelScope): ScopedEnvironment {
  const env = createCelEnvironment(scope.mode === 'loose')
  const rows = new Map<string, ObjectSymbol>()
  const variables = [...userVariables]
  if (scope.mode === 'bare') {
    for (const field of scope.object.fields.values()) {
      if (userVariables.includes(field.name)) continue
      env.registerVariable(field.name, celTypeOf(field, symbols))
      variables.push(field.name)
    }
    return { env, rows, variables }
  }
  if (scope.object !== undefined) {
    const type = registerRecordType(env, symbols, scope.object)
    for (const name of ['record', 'previous']) {
      env.registerVariable(name, type)
      rows.set(name, scope.object)
      variables.push(name)
    }
  }
  if (scope.mode === 'record' && scope.parent !== undefined) {
    const type =
      scope.parent === scope.object
        ? typeName(scope.parent)
        : registerRecordType(env, symbols, scope.parent)
    env.registerVariable('parent', type)
    rows.set('parent', scope.parent)
    variables.push('parent')
  }
  return { env, rows, variables }
}

/** Registers `objectos.<object>` with one CEL-typed field per field; returns the type name. */
function registerRecordType(env: Environment, symbols: SymbolTable, object: ObjectSymbol): string {
  const fields: Record<string, string> = {}
  for (const field of object.fields.values()) fields[field.name] = celTypeOf(field, symbols)
  const name = typeName(object)
  // A constructor keeps cel-js from generating a converter, which it cannot do for timestamps;
  // validation only type-checks, and the engine binds plain rows through its own conversion.
  env.registerType(name, { ctor: class {}, fields })
  return name
}

function typeName(object: ObjectSymbol): string {
  return `objectos.${object.name}`
}
