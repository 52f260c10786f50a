/**
 * One-edit shorthands over applyEdits, for callers that change one thing at a time. Each takes
 * the source text (or a ParsedDocument) and returns the new text; the input is never modified.
 */
import { applyEdits } from './apply-edits.js'
import type { EditPath, EditSource } from './edit-types.js'

/**
 * Sets the node at `path` to `value`, creating missing mapping keys on the way.
 *
 * @example
 *   setIn('name: deal # id\nlabel: Deal\n', ['label'], 'Opportunity')
 *   // → 'name: deal # id\nlabel: Opportunity\n'
 */
export function setIn(source: EditSource, path: EditPath, value: unknown): string {
  return applyEdits(source, [{ op: 'set', path, value }])
}

/**
 * Removes the mapping entry or sequence item at `path` with the comments it owns.
 *
 * @example
 *   deleteIn('a: 1\nb: 2 # gone too\n', ['b']) // → 'a: 1\n'
 */
export function deleteIn(source: EditSource, path: EditPath): string {
  return applyEdits(source, [{ op: 'delete', path }])
}

/**
 * Renames the mapping key at `path`; the value stays as written.
 *
 * @example
 *   renameKey('fields:\n  amout: { type: currency }\n', ['fields', 'amout'], 'amount')
 *   // → 'fields:\n  amount: { type: currency }\n'
 */
export function renameKey(source: EditSource, path: EditPath, to: string): string {
  return applyEdits(source, [{ op: 'rename', path, to }])
}

/**
 * Adds the field `name` to an object's `fields` (created if missing); fails if it exists.
 *
 * @example
 *   addField(text, 'region', { type: 'select', options: [{ label: 'EMEA', value: 'emea' }] })
 */
export function addField(
  source: EditSource,
  name: string,
  definition: Readonly<Record<string, unknown>>,
): string {
  return applyEdits(source, [{ op: 'addField', name, definition }])
}
