/**
 * Runs one rule over a small app built from YAML text, for the field rules' tests: each test
 * sees exactly the diagnostics of the rule it tests, whatever the other rules say.
 */
import type { Diagnostic } from '../../../diagnostics/diagnostic.js'
import { buildSymbolTable } from '../../build-symbol-table.js'
import type { Rule } from '../../rule-context.js'
import { parsedApp } from '../../testing/parsed-app.js'

/**
 * @example
 *   runRule(fieldBoundsRule, { 'objects/a.object.yaml': 'name: a\nfields: {}\n' }) // → []
 */
export function runRule(rule: Rule, files: Readonly<Record<string, string>>): Diagnostic[] {
  const docs = parsedApp(files)
  const symbols = buildSymbolTable(docs)
  const out: Diagnostic[] = []
  for (const doc of docs) rule({ doc, symbols, out })
  return out
}

/**
 * The rule's diagnostics for one object file, as `line:column CODE`.
 *
 * @example
 *   objectFindings(fieldBoundsRule, 'name: a\nfields:\n  n: { type: number, min: 2, max: 1 }\n')
 *   // → ['3:27 OOS_FIELD_BAD_RANGE']
 */
export function objectFindings(rule: Rule, object: string): string[] {
  return runRule(rule, { 'objects/item.object.yaml': object }).map(
    (d) => `${d.line}:${d.column} ${d.code}`,
  )
}
