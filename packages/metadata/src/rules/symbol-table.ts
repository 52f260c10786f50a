/**
 * What the rules know about the whole app: every object with its fields, and every declared name
 * per kind. Built once from all parsed documents (valid or not, so a schema error in one file does
 * not turn every reference to it into a second error) and then only read.
 */
import type { SchemaKind } from '@objectos/schemas'
import type { ParsedDocument } from '../parse/parsed-document.js'

/** What the rules need to know about one field. */
export interface FieldSymbol {
  readonly name: string
  /** The spec field type (`text`, `lookup`, …); undefined when the file does not say. */
  readonly type: string | undefined
  /** Target object of a lookup, master_detail or tree field. */
  readonly reference: string | undefined
  readonly multiple: boolean
  /** A formula's declared result type (`number`, `text`, `boolean`, `date`). */
  readonly returnType: string | undefined
  /** A roll-up summary's child object, field and function. */
  readonly summary: { readonly object?: string; readonly field?: string; readonly fn?: string }
  /** True for the columns the engine adds to every table (see names/system-columns.ts). */
  readonly system: boolean
}

export interface ObjectSymbol {
  readonly name: string
  readonly doc: ParsedDocument
  /** Declared fields, then the system columns not declared, in that order. */
  readonly fields: ReadonlyMap<string, FieldSymbol>
}

/**
 * A metadata file that did not parse: its kind and name are known from its path (the name is the
 * file stem), its contents are not.
 */
export interface UnparsedFile {
  readonly file: string
  readonly kind: SchemaKind
  readonly stem: string
}

export interface SymbolTable {
  /** Objects by name; when two files declare one name, the first file wins. */
  readonly objects: ReadonlyMap<string, ObjectSymbol>
  /** Every document declaring each name, per kind, in input order. */
  readonly names: ReadonlyMap<SchemaKind, ReadonlyMap<string, readonly ParsedDocument[]>>
  /**
   * Names declared by files that did not parse, per kind. They exist, so references to them are
   * not reported; their contents are unknown, so they are in neither `objects` nor `names`, and
   * references into them (the fields of such an object) are not checked.
   */
  readonly unparsed: ReadonlyMap<SchemaKind, ReadonlySet<string>>
}

/**
 * Whether a document of `kind` declares `name`, or a file of that kind and name did not parse.
 *
 * @example
 *   isDeclared(symbols, 'dashboard', 'sales_overview') // → true when a file declares it
 */
export function isDeclared(symbols: SymbolTable, kind: SchemaKind, name: string): boolean {
  return (symbols.names.get(kind)?.has(name) ?? false) || isUnparsed(symbols, kind, name)
}

/**
 * Whether `name` of `kind` is declared by a file that did not parse, so nothing is known of it.
 *
 * @example
 *   isUnparsed(symbols, 'object', 'account') // → true when objects/account.object.yaml did not parse
 */
export function isUnparsed(symbols: SymbolTable, kind: SchemaKind, name: string): boolean {
  return symbols.unparsed.get(kind)?.has(name) ?? false
}

/** The names declared for `kind`, for did-you-mean hints. */
export function declaredNames(symbols: SymbolTable, kind: SchemaKind): Iterable<string> {
  return symbols.names.get(kind)?.keys() ?? []
}
