/**
 * Reads field definitions straight from object documents. The symbol table keeps only what the
 * reference rules need (type, target, summary); the field rules need the whole definition —
 * options, bounds, defaults — so they read it from the document that declares the field.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import type { ParsedDocument } from '../../parse/parsed-document.js'
import type { ObjectSymbol, SymbolTable } from '../symbol-table.js'
import { entriesOf, get, isRecord } from '../value-guards.js'
import type { FieldDef } from './field-types.js'

/** One declared field of an object document, with the path of its definition. */
export interface DeclaredField {
  readonly name: string
  readonly def: FieldDef
  readonly path: readonly PathSegment[]
}

/**
 * The fields an object document declares, skipping entries that are not mappings.
 *
 * @example
 *   declaredFields(doc) // → [{ name: 'amount', def: { type: 'currency' }, path: ['fields', 'amount'] }]
 */
export function declaredFields(doc: ParsedDocument): DeclaredField[] {
  return entriesOf(get(doc.value, 'fields')).flatMap(([name, def]) =>
    isRecord(def) ? [{ name, def, path: ['fields', name] }] : [],
  )
}

/** A field resolved to the object that declares it and its definition. */
export interface ResolvedField {
  readonly object: ObjectSymbol
  readonly name: string
  readonly def: FieldDef
}

/**
 * Resolves `name` (`status`, or `account.type` through lookups) on `object` to its definition.
 * Undefined for unknown fields and system columns (the reference rules report unknown names).
 *
 * @example
 *   fieldDefinition(symbols, opportunity, 'account.type') // → { object: account, name: 'type', def }
 */
export function fieldDefinition(
  symbols: SymbolTable,
  object: ObjectSymbol,
  name: string,
): ResolvedField | undefined {
  const segments = name.split('.')
  let current: ObjectSymbol | undefined = object
  for (const [i, segment] of segments.entries()) {
    if (current === undefined) return undefined
    const symbol = current.fields.get(segment)
    if (symbol === undefined || symbol.system) return undefined
    if (i === segments.length - 1) {
      const def = get(get(current.doc.value, 'fields'), segment)
      return isRecord(def) ? { object: current, name: segment, def } : undefined
    }
    current = symbol.reference === undefined ? undefined : symbols.objects.get(symbol.reference)
  }
  return undefined
}
