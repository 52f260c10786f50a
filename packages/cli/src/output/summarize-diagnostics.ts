/**
 * Counts for the last line of `objectos validate` and the `summary` of its JSON output.
 */
import type { Diagnostic } from '@objectos/metadata'

export interface ValidationSummary {
  /** Metadata files read from the app folder. */
  readonly files: number
  readonly errors: number
  readonly warnings: number
  /** Files with at least one diagnostic, error or warning. */
  readonly filesWithDiagnostics: number
  /** True when there is no error (warnings allowed): the exit code is 0. */
  readonly valid: boolean
}

/**
 * @example
 *   summarizeDiagnostics(14, []) // → { files: 14, errors: 0, warnings: 0, filesWithDiagnostics: 0, valid: true }
 */
export function summarizeDiagnostics(
  files: number,
  diagnostics: readonly Diagnostic[],
): ValidationSummary {
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  return {
    files,
    errors,
    warnings: diagnostics.length - errors,
    filesWithDiagnostics: new Set(diagnostics.map((d) => d.file)).size,
    valid: errors === 0,
  }
}

/** `3 errors`, `1 warning`, `0 files`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
