/**
 * Builds a Diagnostic from a catalog code, its message arguments and a location.
 *
 * @example
 *   report('OOS_FILE_NAME_MISMATCH', at, ['acount', 'account'], 'rename the file to account.object.yaml')
 */
import { catalog, type DiagnosticArgs, type DiagnosticCode } from './catalog.js'
import type { Diagnostic, DiagnosticLocation } from './diagnostic.js'

export function report<C extends DiagnosticCode>(
  code: C,
  at: DiagnosticLocation,
  args: DiagnosticArgs<C>,
  hint?: string,
): Diagnostic {
  const spec = catalog[code]
  const message = (spec.message as (...a: readonly unknown[]) => string)(...args)
  return {
    code,
    severity: spec.severity,
    message,
    file: at.file,
    line: at.line,
    column: at.column,
    path: at.path,
    ...(hint === undefined ? {} : { hint }),
  }
}
