/**
 * The vocabulary of the edit API: what an edit is, how it addresses a node, and what it edits.
 * Studio builds these values from user actions and saves the text `applyEdits` returns.
 */
import type { PathSegment } from '../diagnostics/diagnostic.js'

/** Where an edit applies: mapping keys (strings) and sequence indexes (numbers) from the root. */
export type EditPath = readonly PathSegment[]

/**
 * One change to a document.
 * - `set`: give the node at `path` the value `value`, creating missing mapping keys on the way.
 *   An existing mapping or sequence is reconciled entry by entry, so unchanged entries keep their
 *   text and comments. A sequence index equal to the length appends.
 * - `delete`: remove the mapping entry or sequence item at `path` with the comments it owns.
 * - `rename`: change the key of the mapping entry at `path` to `to`, keeping its value as written.
 * - `addField`: add `fields.<name>` with `definition`; fails if the field exists.
 */
export type Edit =
  | { readonly op: 'set'; readonly path: EditPath; readonly value: unknown }
  | { readonly op: 'delete'; readonly path: EditPath }
  | { readonly op: 'rename'; readonly path: EditPath; readonly to: string }
  | {
      readonly op: 'addField'
      readonly name: string
      readonly definition: Readonly<Record<string, unknown>>
    }

/** The text to edit: the YAML source itself, or anything that carries it (a ParsedDocument). */
export type EditSource = string | { readonly text: string }
