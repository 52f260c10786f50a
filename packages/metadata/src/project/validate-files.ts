/**
 * The whole validation pipeline over an app's files: check the folder has a manifest, parse each
 * file, check it against its kind's schema, then run the cross-file rules over the documents that
 * parsed. Diagnostics come back sorted by file, line and column; documents come back for the
 * compiler and for Studio.
 *
 * @example
 *   const { diagnostics } = validateFiles([{ path: 'objects/account.object.yaml', content: text }])
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { declaredByPath } from '../parse/file-stem.js'
import { parseFile } from '../parse/parse-file.js'
import type { ParsedDocument, SourceFile } from '../parse/parsed-document.js'
import { checkAppFiles } from '../rules/app/check-app-files.js'
import { checkRules } from '../rules/check-rules.js'
import type { UnparsedFile } from '../rules/symbol-table.js'
import { validateSchema } from '../schema/validate-schema.js'

export interface ValidationResult {
  /** Every document that parsed as YAML, valid or not. */
  readonly documents: readonly ParsedDocument[]
  readonly diagnostics: readonly Diagnostic[]
}

export function validateFiles(files: readonly SourceFile[]): ValidationResult {
  const documents: ParsedDocument[] = []
  const schemaValid: ParsedDocument[] = []
  const diagnostics: Diagnostic[] = [...checkAppFiles(files)]
  const unparsed: UnparsedFile[] = []
  for (const file of files) {
    const parsed = parseFile(file)
    diagnostics.push(...parsed.diagnostics)
    if (parsed.document === undefined) {
      const declared = declaredByPath(file.path)
      if (declared !== undefined) unparsed.push({ file: file.path, ...declared })
      continue
    }
    documents.push(parsed.document)
    const schemaDiagnostics = validateSchema(parsed.document)
    diagnostics.push(...schemaDiagnostics)
    if (!schemaDiagnostics.some((d) => d.severity === 'error')) schemaValid.push(parsed.document)
  }
  diagnostics.push(...checkRules(documents, schemaValid, unparsed))
  return { documents, diagnostics: sortDiagnostics(diagnostics) }
}

/** Orders diagnostics by file, then position, then code, so output is stable across runs. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code),
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
