/**
 * How a catalog entry is declared: a severity, a one-line summary for the reference docs, and a
 * function that builds the message from its arguments.
 */
import type { Severity } from './diagnostic.js'

export interface DiagnosticSpec<Args extends readonly unknown[] = readonly never[]> {
  readonly severity: Severity
  /** What the code means, for docs/reference/diagnostics.md. */
  readonly summary: string
  readonly message: (...args: Args) => string
}

/** Declares a table of codes with their argument types checked. */
export function defineCodes<
  T extends Record<
    `OOS_${string}`,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: each entry keeps its own argument tuple
    DiagnosticSpec<any>
  >,
>(codes: T): T {
  return codes
}
