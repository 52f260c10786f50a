/**
 * The one error the edit API throws. Edits are requests from Studio, not metadata problems, so a
 * refused edit is an exception naming the path and the reason — never a half-applied text.
 */
import type { EditPath } from './edit-types.js'

/** Why an edit was refused. */
export type EditErrorReason =
  /** The text is not a single well-formed YAML document; fix the syntax errors first. */
  | 'invalid-document'
  /** A path segment has the wrong type for its node (an index into a mapping, a key into a list). */
  | 'invalid-path'
  /** A key to delete, rename or walk through does not exist. */
  | 'not-found'
  /** The path walks through a scalar. */
  | 'not-a-collection'
  /** A sequence index is past the end (setting index === length appends). */
  | 'index-out-of-range'
  /** `rename` or `addField` would overwrite an existing key. */
  | 'key-exists'
  /** The value is not plain data (undefined, a function, a class instance, a non-finite number). */
  | 'invalid-value'
  /** The node is written with YAML syntax the editor does not rewrite (anchors, tags, aliases…). */
  | 'unsupported'

export class EditError extends Error {
  override readonly name = 'EditError'

  constructor(
    readonly reason: EditErrorReason,
    readonly path: EditPath,
    message: string,
  ) {
    super(`${formatPath(path)}: ${message}`)
  }
}

/**
 * A path as a reader writes it: dots between keys, brackets around indexes, quotes around keys
 * that are not plain identifiers.
 *
 * @example
 *   formatPath(['fields', 'stage', 'options', 2, 'label']) // → 'fields.stage.options[2].label'
 *   formatPath(['a b'])                                     // → '["a b"]'
 *   formatPath([])                                          // → '(document)'
 */
export function formatPath(path: EditPath): string {
  if (path.length === 0) return '(document)'
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}
