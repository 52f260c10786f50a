/**
 * The cross-file rules stage: builds the symbol table from every parsed document (so a schema
 * error in one file does not cascade into reference errors elsewhere), then runs each rule over
 * the schema-valid documents only, whose shapes the rules can rely on. Files that did not parse
 * still declare their names (from their paths), so a YAML error does not cascade either.
 *
 * @example
 *   const diagnostics = checkRules(allDocuments, schemaValidDocuments, unparsedFiles)
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { ParsedDocument } from '../parse/parsed-document.js'
import { buildSymbolTable } from './build-symbol-table.js'
import { celExpressionsRule } from './cel/cel-expressions-rule.js'
import { rowFilterRule } from './cel/row-filter-rule.js'
import { autonumberFormatRule } from './fields/autonumber-format-rule.js'
import { currencyPrecisionRule } from './fields/currency-precision-rule.js'
import { defaultValueRule } from './fields/default-value-rule.js'
import { fieldBoundsRule } from './fields/field-bounds-rule.js'
import { fieldCompanionsRule } from './fields/field-companions-rule.js'
import { fieldContradictionsRule } from './fields/field-contradictions-rule.js'
import { fieldKeyScopeRule } from './fields/field-key-scope-rule.js'
import { fieldOptionsRule } from './fields/field-options-rule.js'
import { filterValuesRule } from './fields/filter-values-rule.js'
import { duplicateNamesRule } from './names/duplicate-names-rule.js'
import { identifiersRule } from './names/identifiers-rule.js'
import { automationReferencesRule } from './references/automation-references-rule.js'
import { objectFieldsRule } from './references/object-fields-rule.js'
import { objectTargetsRule } from './references/object-targets-rule.js'
import { securityReferencesRule } from './references/security-references-rule.js'
import { uiReferencesRule } from './references/ui-references-rule.js'
import type { Rule } from './rule-context.js'
import { engineSupportRule } from './support/engine-support-rule.js'
import { permissionSupportRule } from './support/permission-support-rule.js'
import { renamedFromRule } from './support/renamed-from-rule.js'
import { sharingSupportRule } from './support/sharing-support-rule.js'
import { positionSupportRule } from './support/position-support-rule.js'
import { summaryRelationRule } from './support/summary-relation-rule.js'
import type { UnparsedFile } from './symbol-table.js'

/** Every rule, in the order their diagnostics are produced. */
export const rules: readonly Rule[] = [
  duplicateNamesRule,
  identifiersRule,
  objectTargetsRule,
  objectFieldsRule,
  securityReferencesRule,
  automationReferencesRule,
  uiReferencesRule,
  celExpressionsRule,
  rowFilterRule,
  fieldCompanionsRule,
  fieldKeyScopeRule,
  fieldContradictionsRule,
  fieldBoundsRule,
  fieldOptionsRule,
  currencyPrecisionRule,
  defaultValueRule,
  autonumberFormatRule,
  filterValuesRule,
  engineSupportRule,
  permissionSupportRule,
  sharingSupportRule,
  positionSupportRule,
  summaryRelationRule,
  renamedFromRule,
]

export function checkRules(
  all: readonly ParsedDocument[],
  valid: readonly ParsedDocument[],
  unparsed: readonly UnparsedFile[] = [],
): Diagnostic[] {
  const symbols = buildSymbolTable(all, unparsed)
  const out: Diagnostic[] = []
  for (const doc of valid) {
    const found: Diagnostic[] = []
    for (const rule of rules) rule({ doc, symbols, out: found })
    out.push(...unique(found).sort(byPosition))
  }
  return out
}

/** Orders one document's diagnostics by position, then code. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
}

/** Drops repeats (an expression checked once per trigger object can fail the same way twice). */
function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.line}|${d.column}|${d.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
