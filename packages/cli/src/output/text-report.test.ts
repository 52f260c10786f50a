import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '@objectos/metadata'
import { summarizeDiagnostics } from './summarize-diagnostics.js'
import { terminalStyle } from './terminal-style.js'
import { renderDiagnosticLine, renderSummaryLine, renderTextReport } from './text-report.js'

const plain = terminalStyle({ write: () => true, isTTY: false }, {})

function diagnostic(file: string, severity: Diagnostic['severity'], hint?: string): Diagnostic {
  return {
    code: severity === 'error' ? 'OOS_SCHEMA_UNKNOWN_KEY' : 'OOS_RULE_SOMETHING',
    severity,
    message: 'unknown key "lable"',
    file,
    line: 12,
    column: 5,
    path: ['fields', 'title', 'lable'],
    ...(hint === undefined ? {} : { hint }),
  }
}

describe('text report', () => {
  it('prints one greppable line per diagnostic with the hint in parentheses', () => {
    const line = renderDiagnosticLine(
      {
        diagnostic: diagnostic('a.object.yaml', 'error', 'did you mean "label"?'),
        displayFile: 'app/a.object.yaml',
      },
      plain,
    )
    expect(line).toBe(
      'app/a.object.yaml:12:5  error  OOS_SCHEMA_UNKNOWN_KEY  unknown key "lable" (did you mean "label"?)',
    )
  })

  it('summarises clean, warning-only and failing runs', () => {
    const summary = (diagnostics: Diagnostic[]) =>
      renderSummaryLine(summarizeDiagnostics(14, diagnostics), plain)
    expect(summary([])).toBe('✔ 14 files valid')
    expect(summary([diagnostic('a', 'warning')])).toBe('✔ 14 files valid, 1 warning in 1 file')
    expect(summary([diagnostic('a', 'error')])).toBe('✖ 1 error in 1 file')
    expect(
      summary([
        diagnostic('a', 'error'),
        diagnostic('a', 'error'),
        diagnostic('b', 'error'),
        diagnostic('b', 'warning'),
      ]),
    ).toBe('✖ 3 errors, 1 warning in 2 files')
    expect(renderSummaryLine(summarizeDiagnostics(1, []), plain)).toBe('✔ 1 file valid')
  })

  it('ends the report with the summary and a newline', () => {
    const items = [{ diagnostic: diagnostic('a', 'error'), displayFile: 'a' }]
    const text = renderTextReport(items, summarizeDiagnostics(2, [diagnostic('a', 'error')]), plain)
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/^a:12:5 {2}error {2}/),
      '✖ 1 error in 1 file',
      '',
    ])
  })
})
