/**
 * The one shape every metadata problem takes — printed by the CLI, underlined by Studio, failed on
 * by CI. A diagnostic is a plain value: collect them, never throw them.
 */

export type Severity = 'error' | 'warning'

/** A step into a YAML document: a mapping key or a sequence index. */
export type PathSegment = string | number

export interface Diagnostic {
  /** Stable code from the catalog, e.g. `OOS_SCHEMA_UNKNOWN_KEY`. */
  readonly code: string
  readonly severity: Severity
  /** One readable sentence, without the location. */
  readonly message: string
  /** The file path as given to the validator (relative to the app folder). */
  readonly file: string
  /** 1-based line of the offending node. */
  readonly line: number
  /** 1-based column of the offending node. */
  readonly column: number
  /** Where in the document, e.g. `['fields', 'amount', 'type']`; empty for the whole file. */
  readonly path: readonly PathSegment[]
  /** A suggestion, e.g. `did you mean "label"?`. */
  readonly hint?: string
}

/** Where a diagnostic points. */
export interface DiagnosticLocation {
  readonly file: string
  readonly line: number
  readonly column: number
  readonly path: readonly PathSegment[]
}
