/**
 * Builds the SymbolTable from every parsed document. Tolerant by design: a value of the wrong
 * shape is skipped, never thrown on, because the input includes files that failed their schema.
 */
import type { SchemaKind } from '@objectos/schemas'
import type { ParsedDocument } from '../parse/parsed-document.js'
import { systemColumns } from './names/system-columns.js'
import type { FieldSymbol, ObjectSymbol, SymbolTable } from './symbol-table.js'
import { asString, entriesOf, get, isRecord } from './value-guards.js'

/**
 * The name a document declares: its `name` when that is a string, else the file stem (the file
 * rules require the two to agree, so the stem is the best guess for a broken file).
 *
 * @example
 *   declaredName(doc) // → 'account' for objects/account.object.yaml
 */
export function declaredName(doc: ParsedDocument): string {
  return asString(get(doc.value, 'name')) ?? doc.stem
}

/**
 * @example
 *   const symbols = buildSymbolTable(allDocuments)
 *   symbols.objects.get('account')?.fields.has('name') // → true
 */
export function buildSymbolTable(all: readonly ParsedDocument[]): SymbolTable {
  const objects = new Map<string, ObjectSymbol>()
  const names = new Map<SchemaKind, Map<string, ParsedDocument[]>>()
  for (const doc of all) {
    if (doc.kind === 'manifest') continue
    const name = declaredName(doc)
    const perKind = names.get(doc.kind) ?? new Map<string, ParsedDocument[]>()
    names.set(doc.kind, perKind)
    perKind.set(name, [...(perKind.get(name) ?? []), doc])
    if (doc.kind === 'object' && !objects.has(name)) {
      objects.set(name, { name, doc, fields: fieldsOf(doc.value) })
    }
  }
  return { objects, names }
}

function fieldsOf(object: unknown): Map<string, FieldSymbol> {
  const fields = new Map<string, FieldSymbol>()
  for (const [key, raw] of entriesOf(get(object, 'fields'))) {
    fields.set(key, fieldSymbol(key, raw))
  }
  for (const column of systemColumns) {
    if (fields.has(column.name)) continue
    fields.set(column.name, {
      name: column.name,
      type: column.type,
      reference: undefined,
      multiple: false,
      returnType: undefined,
      summary: {},
      system: true,
    })
  }
  return fields
}

function fieldSymbol(name: string, raw: unknown): FieldSymbol {
  const field = isRecord(raw) ? raw : {}
  const summary = get(field, 'summaryOperations')
  const object = asString(get(summary, 'object'))
  const summaryField = asString(get(summary, 'field'))
  const fn = asString(get(summary, 'function'))
  return {
    name,
    type: asString(field.type),
    reference: asString(field.reference),
    multiple: field.multiple === true,
    returnType: asString(field.returnType),
    summary: {
      ...(object === undefined ? {} : { object }),
      ...(summaryField === undefined ? {} : { field: summaryField }),
      ...(fn === undefined ? {} : { fn }),
    },
    system: false,
  }
}
