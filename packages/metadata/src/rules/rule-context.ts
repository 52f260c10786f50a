/**
 * The shape every cross-file rule shares: it is handed one schema-valid document and the app's
 * symbol table, and pushes the diagnostics it finds. Each rule lives in its own file and is
 * listed once in check-rules.ts.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { ParsedDocument } from '../parse/parsed-document.js'
import type { SymbolTable } from './symbol-table.js'

export interface RuleContext {
  readonly doc: ParsedDocument
  readonly symbols: SymbolTable
  /** Where the rule reports; check-rules.ts collects it. */
  readonly out: Diagnostic[]
}

/** A cross-file rule. */
export type Rule = (ctx: RuleContext) => void
