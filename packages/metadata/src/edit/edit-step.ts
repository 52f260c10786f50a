/**
 * The primitive text changes every edit is broken into. Each step touches one entry of one
 * collection, is applied to freshly parsed text, and is checked on its own (see apply-edits.ts).
 */
import type { EditPath } from './edit-types.js'

export type EditStep =
  /** Give the existing node at `path` a new value, rewriting only that node's text. */
  | { readonly kind: 'replace'; readonly path: EditPath; readonly value: unknown }
  /** Add `key` (a mapping key, or an index equal to the length) to the collection at `path`. */
  | {
      readonly kind: 'insert'
      readonly path: EditPath
      readonly key: string | number
      readonly value: unknown
    }
  /** Remove the entry at `path` and the lines it owns. */
  | { readonly kind: 'remove'; readonly path: EditPath }
  /** Change the key of the mapping entry at `path`. */
  | { readonly kind: 'rename'; readonly path: EditPath; readonly to: string }

/** The path of the node a step changes, for error messages. */
export function stepTarget(step: EditStep): EditPath {
  return step.kind === 'insert' ? [...step.path, step.key] : step.path
}
