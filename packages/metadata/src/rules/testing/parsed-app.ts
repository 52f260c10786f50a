/**
 * Builds ParsedDocument values straight from YAML text for the rules' tests, so they depend on
 * neither parseFile nor the schemas: `app({ 'objects/account.object.yaml': '…' })`.
 */
import { kindOfPath } from '@objectos/schemas'
import { LineCounter, parseDocument } from 'yaml'
import type { ParsedDocument } from '../../parse/parsed-document.js'

/**
 * One document; the kind comes from the double extension and the stem from the file name.
 *
 * @example
 *   parsedDocument('objects/account.object.yaml', 'name: account\nfields: {}\n')
 */
export function parsedDocument(file: string, text: string): ParsedDocument {
  const kind = kindOfPath(file)
  if (kind === undefined) throw new Error(`no kind for ${file}`)
  const lines = new LineCounter()
  const yaml = parseDocument(text, { lineCounter: lines })
  const base = file.slice(file.lastIndexOf('/') + 1)
  const stem = base.slice(0, base.indexOf('.'))
  return { file, kind, stem, text, yaml, lines, value: yaml.toJS() as unknown }
}

/**
 * A whole app from `{ path: text }`, in key order.
 *
 * @example
 *   const docs = parsedApp({ 'objects/a.object.yaml': 'name: a\n' })
 */
export function parsedApp(files: Readonly<Record<string, string>>): ParsedDocument[] {
  return Object.entries(files).map(([file, text]) => parsedDocument(file, text))
}

/** Joins lines with newlines and a final newline, so fixtures read line by line. */
export function lines(...text: readonly string[]): string {
  return `${text.join('\n')}\n`
}

/**
 * Diagnostics as `file:line:column CODE` strings, the form tests assert on.
 *
 * @example
 *   positions(checkRules(docs, docs)) // → ['objects/task.object.yaml:5:16 OOS_REF_UNKNOWN_OBJECT']
 */
export function positions(
  diagnostics: readonly { file: string; line: number; column: number; code: string }[],
): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)
}
