/**
 * The human output of `objectos validate`: one greppable line per diagnostic, then a summary.
 *
 *   objects/account.object.yaml:12:16  error  OOS_SCHEMA_UNKNOWN_KEY  unknown key "lable" (did you mean "label"?)
 *   ✖ 1 error in 1 file
 *
 * The location comes first and has no spaces, so terminals and editors make it clickable.
 */
import type { Diagnostic } from '@objectos/metadata'
import { plural, type ValidationSummary } from './summarize-diagnostics.js'
import type { TerminalStyle } from './terminal-style.js'

/** A diagnostic together with the path to print for its file (relative to the working directory). */
export interface DisplayedDiagnostic {
  readonly diagnostic: Diagnostic
  readonly displayFile: string
}

/**
 * @example
 *   io.stdout.write(renderTextReport(items, summary, terminalStyle(io.stdout, io.env)))
 */
export function renderTextReport(
  items: readonly DisplayedDiagnostic[],
  summary: ValidationSummary,
  style: TerminalStyle,
): string {
  const lines = items.map((item) => renderDiagnosticLine(item, style))
  lines.push(renderSummaryLine(summary, style))
  return `${lines.join('\n')}\n`
}

/** `file:line:col  severity  CODE  message (hint)` */
export function renderDiagnosticLine(
  { diagnostic: d, displayFile }: DisplayedDiagnostic,
  style: TerminalStyle,
): string {
  const severity = d.severity === 'error' ? style.red('error') : style.yellow('warning')
  const hint = d.hint === undefined || d.hint === '' ? '' : ` ${style.dim(`(${d.hint})`)}`
  const location = `${displayFile}:${d.line}:${d.column}`
  return `${style.bold(location)}  ${severity}  ${style.dim(d.code)}  ${d.message}${hint}`
}

/** `✔ 14 files valid`, `✔ 14 files valid, 1 warning in 1 file`, `✖ 3 errors, 1 warning in 2 files`. */
export function renderSummaryLine(summary: ValidationSummary, style: TerminalStyle): string {
  const where = `in ${plural(summary.filesWithDiagnostics, 'file')}`
  if (summary.errors > 0) {
    const warnings = summary.warnings > 0 ? `, ${plural(summary.warnings, 'warning')}` : ''
    return style.red(`✖ ${plural(summary.errors, 'error')}${warnings} ${where}`)
  }
  const valid = `✔ ${plural(summary.files, 'file')} valid`
  if (summary.warnings > 0) {
    return style.yellow(`${valid}, ${plural(summary.warnings, 'warning')} ${where}`)
  }
  return style.green(valid)
}
