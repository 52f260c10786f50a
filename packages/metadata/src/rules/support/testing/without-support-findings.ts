/**
 * For the tests of the other rules. They feed the whole rule set metadata the engine does not
 * run yet (`visibleWhen`, `lookupFilters`, `user` fields, …) on purpose, because their own checks
 * must still hold for it (a CEL typo in `visibleWhen` is a typo). The engine-support findings on
 * that metadata are right, but not what those tests are about, so they drop them.
 */
import type { Diagnostic } from '../../../diagnostics/diagnostic.js'

/**
 * The diagnostics without the OOS_SUPPORT_* ones.
 *
 * @example
 *   withoutSupportFindings(checkRules(docs, docs)) // → only the other rules' findings
 */
export function withoutSupportFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => !d.code.startsWith('OOS_SUPPORT_'))
}
