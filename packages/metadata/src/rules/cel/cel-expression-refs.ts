/**
 * Reads an expression once, before any object is involved: it either does not parse, or it
 * selects these `<variable>.<field>` pairs and reads these identifiers. That is all the checks
 * need to find unknown fields and to type the expression against only the fields it reads (see
 * cel-environments.ts), and it does not depend on the object, so it is computed once per source
 * text. Parsing does not depend on the declared variables, so one parser serves every scope.
 */
import type { ASTNode, Environment } from '@marcbachmann/cel-js'
import { createCelEnvironment } from './cel-base-environment.js'

/** A `<variable>.<field>` selection in the source. */
export interface CelSelection {
  readonly variable: string
  readonly field: string
  /** Index of the field name in the source. */
  readonly start: number
}

export type CelExpressionRefs =
  | {
      readonly ok: true
      readonly selections: readonly CelSelection[]
      /** Every identifier the expression reads (`owner_id`, `record`, `current_user`). */
      readonly identifiers: ReadonlySet<string>
    }
  | { readonly ok: false; readonly start: number; readonly summary: string }

/** What cel-js parse errors carry that we read. */
interface CelParseError {
  readonly summary?: string
  readonly message?: string
  readonly range?: { readonly start: number }
}

/** Parses only: the syntax trees it returns are never type-checked (checking annotates them). */
let parser: Environment | undefined

/**
 * @example
 *   celExpressionRefs('record.amount > 0 && owner_id == current_user.id')
 *   // → { ok: true, selections: [{ variable: 'record', field: 'amount', start: 7 },
 *   //      { variable: 'current_user', field: 'id', start: 46 }],
 *   //    identifiers: Set { 'record', 'owner_id', 'current_user' } }
 */
export function celExpressionRefs(source: string): CelExpressionRefs {
  parser ??= createCelEnvironment()
  let ast: ASTNode
  try {
    ast = parser.parse(source).ast
  } catch (error) {
    const e = error as CelParseError
    return { ok: false, start: e.range?.start ?? 0, summary: e.summary ?? String(e.message) }
  }
  const selections: CelSelection[] = []
  const identifiers = new Set<string>()
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit)
      return
    }
    if (node === null || typeof node !== 'object' || !('op' in node)) return
    const n = node as ASTNode
    if (n.op === 'id') identifiers.add(n.args)
    if ((n.op === '.' || n.op === '.?') && n.args[0].op === 'id') {
      const field = n.args[1]
      selections.push({ variable: n.args[0].args, field, start: n.range.end - field.length })
    }
    if (typeof n.args === 'object') visit(n.args)
  }
  visit(ast)
  return { ok: true, selections, identifiers }
}
