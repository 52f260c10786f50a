/**
 * What every step works on: the current text, its YAML Document (for source ranges) and the
 * original file's style. The text is parsed here the way the metadata parser parses it (YAML 1.2
 * core schema), so the editor and the validator read the same data from the same text.
 */
import { parseDocument, type Document } from 'yaml'
import { EditError } from './edit-error.js'
import type { SourceStyle } from './source-style.js'

export interface EditContext {
  readonly text: string
  readonly doc: Document.Parsed
  readonly style: SourceStyle
}

/**
 * Parses `text` for editing; a text with YAML errors cannot be edited safely and is refused.
 *
 * @example
 *   parseForEdit('a: [1\n') // throws EditError 'invalid-document'
 */
export function parseForEdit(text: string): Document.Parsed {
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: false })
  const error = doc.errors[0]
  if (error !== undefined) {
    throw new EditError(
      'invalid-document',
      [],
      `the YAML has errors; fix them first (${error.message.split('\n')[0]})`,
    )
  }
  return doc
}

/** `text` with `[start, end)` replaced by `insert`. */
export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end)
}
