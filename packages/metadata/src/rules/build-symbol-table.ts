/**
 * Builds the SymbolTable from every parsed document, plus the names of the files that did not
 * parse (from their paths). Tolerant by design: a value of the wrong shape is skipped, never
 * thrown on, because the input includes files that failed their schema.
 */
import type { SchemaKind } from '@objectos/schemas'
import type { ParsedDocument } from '../parse/parsed-document.js'
import { systemColumns } from './names/system-columns.js'
import type { FieldSymbol, ObjectSymbol, SymbolTable, UnparsedFile } from './symbol-table.js'
import { asString, get, isRecord } from './value-guards.js'

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
 *   buildSymbolTable([], [{ file, kind: 'object', stem: 'account' }]).unparsed.get('object')
 *   // → Set { 'account' }
 */
export function buildSymbolTable(
  all: readonly ParsedDocument[],
  unparsed: readonly UnparsedFile[] = [],
): SymbolTable {
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
  const unparsedNames = new Map<SchemaKind, Set<string>>()
  for (const { kind, stem } of unparsed) {
    if (kind === 'manifest' || names.get(kind)?.has(stem) === true) continue
    unparsedNames.set(kind, (unparsedNames.get(kind) ?? new Set<string>()).add(stem))
  }
  return { objects, names, unparsed: unparsedNames }
}

/** The system columns as field symbols, shared by every object (symbols are only read). */
const systemFields: readonly FieldSymbol[] = systemColumns.map((column) => ({
  name: column.name,
  type: column.type,
  reference: undefined,
  multiple: false,
  returnType: undefined,
  summary: {},
  system: true,
}))

const noSummary: FieldSymbol['summary'] = {}

function fieldsOf(object: unknown): Map<string, FieldSymbol> {
  const fields = new Map<string, FieldSymbol>()
  const declared = get(object, 'fields')
  if (isRecord(declared)) {
    for (const key in declared) {
      if (Object.hasOwn(declared, key)) fields.set(key, fieldSymbol(key, declared[key]))
    }
  }
  for (const column of systemFields) {
    if (!fields.has(column.name)) fields.set(column.name, column)
  }
  return fields
}

function fieldSymbol(name: string, raw: unknown): FieldSymbol {
  const field = isRecord(raw) ? raw : {}
  return {
    name,
    type: asString(field.type),
    reference: asString(field.reference),
    multiple: field.multiple === true,
    returnType: asString(field.returnType),
    summary: field.summaryOperations === undefined ? noSummary : summaryOf(field.summaryOperations),
    system: false,
  }
}

function summaryOf(summary: unknown): FieldSymbol['summary'] {
  const object = asString(get(summary, 'object'))
  const field = asString(get(summary, 'field'))
  const fn = asString(get(summary, 'function'))
  return {
    ...(object === undefined ? {} : { object }),
    ...(field === undefined ? {} : { field }),
    ...(fn === undefined ? {} : { fn }),
  }
}
