/**
 * @objectos/metadata — turn a folder of metadata YAML into validated documents or precise
 * diagnostics, and edit those documents without losing a comment. Isomorphic: the caller hands in
 * file contents; nothing here touches a file system, so Studio runs the same code in the browser.
 *
 * @example
 *   import { validateFiles } from '@objectos/metadata'
 *   const { diagnostics } = validateFiles([{ path: 'objects/account.object.yaml', content: text }])
 */
export type {
  Diagnostic,
  DiagnosticLocation,
  PathSegment,
  Severity,
} from './diagnostics/diagnostic.js'
export { catalog, type DiagnosticCode } from './diagnostics/catalog.js'
export { report } from './diagnostics/report.js'
export { renderDiagnosticsReference } from './diagnostics/render-diagnostics-reference.js'
export type { ParsedDocument, SourceFile } from './parse/parsed-document.js'
export { parseFile } from './parse/parse-file.js'
export { locate } from './parse/locate.js'
export { validateSchema } from './schema/validate-schema.js'
export { checkRules } from './rules/check-rules.js'
export { createCelEnvironment } from './rules/cel/cel-base-environment.js'
export type {
  RowCompareOp,
  RowCondition,
  RowLiteral,
  RowOperand,
} from './row-condition/row-condition.js'
export {
  lowerRowCondition,
  type LoweredRowCondition,
  type RowConditionRows,
} from './row-condition/lower-row-condition.js'
export { rowConditionFilter, type RowFilter } from './row-condition/row-condition-filter.js'
export {
  supportedFieldTypes,
  isSupportedFieldType,
  type SupportedFieldType,
} from './rules/support/supported-field-types.js'
export {
  engineFieldKeys,
  presentationalFieldKeys,
  honouredObjectKeys,
  honouredIndexKeys,
} from './rules/support/honoured-keys.js'
export { validateFiles, sortDiagnostics, type ValidationResult } from './project/validate-files.js'
export * from './edit/index.js'
