/**
 * A metadata file after parsing: the YAML Document (comments, formatting and source ranges kept —
 * the edit API and the diagnostics both work on it) and the plain data it holds.
 */
import type { SchemaKind } from '@objectos/schemas'
import type { Document, LineCounter } from 'yaml'

/** A file handed to the toolkit. The toolkit never reads the file system itself. */
export interface SourceFile {
  /** Path relative to the app folder, with `/` separators, e.g. `objects/account.object.yaml`. */
  readonly path: string
  /** Raw bytes (checked as UTF-8) or already-decoded text. */
  readonly content: string | Uint8Array
}

export interface ParsedDocument {
  /** The path as given in SourceFile. */
  readonly file: string
  readonly kind: SchemaKind
  /** The file name without folder and double extension: `account` for `objects/account.object.yaml`. */
  readonly stem: string
  readonly text: string
  /**
   * The parsed YAML document; the source of truth for locations and for edits. parseFile may
   * compose it on first read (see lazy-document.ts): read it only to locate or edit something.
   */
  readonly yaml: Document.Parsed
  /** Maps offsets in `text` to 1-based lines and columns; composed together with `yaml`. */
  readonly lines: LineCounter
  /** The document's data as plain JavaScript (mappings are plain objects). */
  readonly value: unknown
}
