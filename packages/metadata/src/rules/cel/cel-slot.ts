/**
 * A CEL expression found in a document: where its text is, which names it may read, and what it
 * must return. Slot collectors (one per family of kinds) produce these; the CEL rule checks them.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { asString, get, isRecord } from '../value-guards.js'
import type { CelScope } from './cel-scope.js'

/** What a slot's expression must evaluate to. */
export type CelExpectation =
  | { readonly kind: 'bool' }
  /** A formula field: compatible with its declared `returnType`. */
  | { readonly kind: 'returnType'; readonly returnType: string }

export interface CelSlot {
  /** Path of the string holding the source: the key itself, or its envelope's `source`. */
  readonly path: readonly PathSegment[]
  readonly source: string
  readonly scope: CelScope
  readonly expect?: CelExpectation
}

export const predicate: CelExpectation = { kind: 'bool' }

/**
 * The slot for an expression value: a bare string (shorthand for `{ dialect: cel, source }`) or a
 * `{ dialect: cel, source }` envelope. Other dialects and absent values give no slot.
 *
 * @example
 *   slotOf('record.amount > 0', ['condition'], scope, predicate)
 *   slotOf({ dialect: 'cel', source: 'true' }, ['condition'], scope) // → path ['condition', 'source']
 */
export function slotOf(
  value: unknown,
  path: readonly PathSegment[],
  scope: CelScope,
  expect?: CelExpectation,
): CelSlot | undefined {
  const base = { scope, ...(expect === undefined ? {} : { expect }) }
  const text = asString(value)
  if (text !== undefined) return { path, source: text, ...base }
  if (!isRecord(value) || value.dialect !== 'cel') return undefined
  const source = asString(get(value, 'source'))
  return source === undefined ? undefined : { path: [...path, 'source'], source, ...base }
}
