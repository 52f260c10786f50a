/**
 * The machine output of `objectos validate --format json`: one JSON document on stdout and nothing
 * else, so `objectos validate --format json | jq` always works. Diagnostic `file` paths are the
 * same as in text output (relative to the working directory).
 *
 *   { "diagnostics": [{ "file", "line", "column", "severity", "code", "message", "path", "hint"? }],
 *     "summary": { "files", "errors", "warnings", "filesWithDiagnostics", "valid" } }
 */
import type { ValidationSummary } from './summarize-diagnostics.js'
import type { DisplayedDiagnostic } from './text-report.js'

/**
 * @example
 *   io.stdout.write(renderJsonReport(items, summary))
 */
export function renderJsonReport(
  items: readonly DisplayedDiagnostic[],
  summary: ValidationSummary,
): string {
  const diagnostics = items.map(({ diagnostic: d, displayFile }) => ({
    file: displayFile,
    line: d.line,
    column: d.column,
    severity: d.severity,
    code: d.code,
    message: d.message,
    path: d.path,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
  }))
  return `${JSON.stringify({ diagnostics, summary }, null, 2)}\n`
}
