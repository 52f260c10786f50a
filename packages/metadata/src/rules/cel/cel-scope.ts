/**
 * Which names an expression can read, by where it sits. The spec binds record expressions
 * (formulas, validation rules, visibility, sharing, trigger and notification conditions) to
 * `record.<field>`, the saved row to `previous.<field>` and, on a master-detail child, the master
 * to `parent.<field>`; row-level security policies compare bare field names (`owner_id ==
 * current_user.id`). Flow and navigation expressions also see variables ObjectOS does not declare
 * yet, so there unknown names are allowed and only `record.<field>` is checked.
 */
import { isUnparsed, type ObjectSymbol, type SymbolTable } from '../symbol-table.js'

export type CelScope =
  /** `record`, `previous` and `parent` are typed rows; other names are errors. */
  | { readonly mode: 'record'; readonly object: ObjectSymbol; readonly parent?: ObjectSymbol }
  /** Every field is a variable of its own (row-level security). */
  | { readonly mode: 'bare'; readonly object: ObjectSymbol }
  /** `record`/`previous` are typed when the object is known; other names are `dyn`. */
  | { readonly mode: 'loose'; readonly object?: ObjectSymbol }

/** The variables a scope binds, as the checks and hints need them. */
export interface ScopeRows {
  /** The row variables and the object each reads (`record` → opportunity). */
  readonly rows: ReadonlyMap<string, ObjectSymbol>
  /** Every declared variable name but bare fields, for did-you-mean hints. */
  readonly variables: readonly string[]
}

/** The user and its aliases, bound in every scope (see cel-base-environment.ts). */
export const userVariables: readonly string[] = ['current_user', 'user', 'os', 'ctx']

/**
 * A record scope whose `parent` is the master of the object's only master_detail field.
 *
 * @example
 *   recordScope(symbols, lineItem) // → { mode: 'record', object: lineItem, parent: opportunity }
 */
export function recordScope(symbols: SymbolTable, object: ObjectSymbol): CelScope {
  let scope = recordScopes.get(object)
  if (scope === undefined) {
    scope = findRecordScope(symbols, object)
    recordScopes.set(object, scope)
  }
  return scope
}

/** An object symbol belongs to one symbol table, so its record scope is computed once. */
const recordScopes = new WeakMap<ObjectSymbol, CelScope>()

function findRecordScope(symbols: SymbolTable, object: ObjectSymbol): CelScope {
  const masters = [...object.fields.values()]
    .filter((f) => f.type === 'master_detail' && f.reference !== undefined)
    .map((f) => f.reference as string)
  const master = masters.length === 1 ? masters[0] : undefined
  // A master whose file did not parse cannot type `parent`: read the record's names loosely.
  if (master !== undefined && isUnparsed(symbols, 'object', master))
    return { mode: 'loose', object }
  const parent = master === undefined ? undefined : symbols.objects.get(master)
  return parent === undefined ? { mode: 'record', object } : { mode: 'record', object, parent }
}

/**
 * The row variables of a scope and the objects they read.
 *
 * @example
 *   scopeRows({ mode: 'record', object: lineItem, parent: deal }).rows.get('parent') // → deal
 */
export function scopeRows(scope: CelScope): ScopeRows {
  const rows = new Map<string, ObjectSymbol>()
  if (scope.mode !== 'bare' && scope.object !== undefined) {
    rows.set('record', scope.object)
    rows.set('previous', scope.object)
  }
  if (scope.mode === 'record' && scope.parent !== undefined) rows.set('parent', scope.parent)
  return { rows, variables: [...userVariables, ...rows.keys()] }
}
