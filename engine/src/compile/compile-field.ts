/**
 * Compiles one validated field definition into a FieldNode: storage, checks, default, relation,
 * formula program and autonumber format, all resolved now so writes never interpret YAML.
 */
import { FieldNode, type DefaultValue, type SummaryInfo } from '../ir/field-node.js'
import { compileProgram, expressionSource } from './compile-program.js'
import { fieldStorage, formulaStorage } from './field-storage.js'

type Def = Readonly<Record<string, unknown>>

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

export function compileField(name: string, def: Def, summary: SummaryInfo | undefined): FieldNode {
  const type = str(def.type) ?? 'text'
  const typeStorage = fieldStorage[type]
  if (typeStorage === undefined) {
    // Validation refuses unsupported types; reaching here means the two lists drifted apart.
    throw new Error(`field type "${type}" has no storage (field "${name}")`)
  }
  const formulaSource = type === 'formula' ? expressionSource(def.expression) : undefined
  const returnType = str(def.returnType) as FieldNode['formulaReturn']
  const storage =
    type === 'formula'
      ? (formulaStorage[returnType ?? 'text'] ?? 'string')
      : type === 'summary' && summary?.fn === 'count'
        ? 'integer'
        : typeStorage.storage
  const currency = def.currencyConfig as Def | undefined
  const scale =
    type === 'currency' ? (num(currency?.precision) ?? num(def.scale) ?? 2) : num(def.scale)
  const options = Array.isArray(def.options)
    ? (def.options as Def[]).map((o) => ({ value: String(o.value), label: String(o.label) }))
    : undefined
  const reference =
    type === 'lookup' || type === 'master_detail'
      ? {
          object: String(def.reference),
          masterDetail: type === 'master_detail',
          deleteBehavior: ((str(def.deleteBehavior) as 'set_null' | 'cascade' | 'restrict') ??
            (type === 'master_detail' ? 'cascade' : 'set_null')) as
            'set_null' | 'cascade' | 'restrict',
        }
      : undefined
  return FieldNode.create({
    name,
    label: str(def.label) ?? name,
    type,
    storage,
    column: name,
    source:
      type === 'formula'
        ? 'formula'
        : type === 'summary'
          ? 'summary'
          : type === 'autonumber'
            ? 'autonumber'
            : 'input',
    multiple: typeStorage.multiple === true,
    required: def.required === true,
    unique:
      type === 'autonumber'
        ? def.unique !== false
        : def.unique !== undefined && def.unique !== false,
    readonly:
      def.readonly === true || type === 'formula' || type === 'summary' || type === 'autonumber',
    searchable: def.searchable === true,
    trackHistory: def.trackHistory === true,
    minLength: num(def.minLength),
    maxLength: num(def.maxLength),
    min: num(def.min),
    max: num(def.max) ?? (type === 'rating' ? 5 : undefined),
    scale,
    options,
    format: typeStorage.format,
    defaultValue: compileDefault(def, options),
    reference,
    formula: formulaSource === undefined ? undefined : compileProgram(formulaSource),
    formulaReturn: type === 'formula' ? (returnType ?? 'text') : undefined,
    summary,
    autonumberFormat: type === 'autonumber' ? (str(def.autonumberFormat) ?? '{0000}') : undefined,
  })
}

function compileDefault(
  def: Def,
  options: readonly { value: string }[] | undefined,
): DefaultValue | undefined {
  const value = def.defaultValue
  if (value === undefined || value === null) {
    const flagged = Array.isArray(def.options)
      ? (def.options as Def[]).filter((o) => o.default === true).map((o) => String(o.value))
      : []
    if (flagged.length === 0 || options === undefined) return undefined
    return {
      kind: 'literal',
      value: def.type === 'select' || def.type === 'radio' ? flagged[0] : flagged,
    }
  }
  if (value === 'NOW()') return { kind: 'now' }
  const source = typeof value === 'object' ? expressionSource(value) : undefined
  if (source !== undefined) return { kind: 'expression', program: compileProgram(source) }
  return { kind: 'literal', value }
}
