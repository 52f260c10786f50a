/**
 * One Ajv error → one Diagnostic, pointing at the YAML node it is about: an unknown key at the key,
 * a missing key at the mapping that lacks it, a bad value at the value. Each Ajv keyword maps to a
 * stable code; keywords whose errors only repeat another error (`if`, the outer `propertyNames`)
 * map to nothing.
 */
import type { ErrorObject } from 'ajv/dist/2020.js'
import type { Diagnostic, PathSegment } from '../diagnostics/diagnostic.js'
import { didYouMean } from '../diagnostics/did-you-mean.js'
import { report } from '../diagnostics/report.js'
import { locate } from '../parse/locate.js'
import type { ParsedDocument } from '../parse/parsed-document.js'
import { count, describeFound, describePattern, describeTypes, show } from './describe-value.js'
import { toPath, valueAt } from './instance-path.js'
import { removedKeyHint } from './removed-key-hint.js'

type Params = Record<string, unknown>

/** Allowed values are listed in the hint when there are at most this many. */
const maxListedValues = 12

/**
 * @example
 *   // `lable: Amount` inside fields.amount, where the schema allows `label`:
 *   mapSchemaError(doc, additionalPropertiesError)
 *   // → OOS_SCHEMA_UNKNOWN_KEY at the `lable` key, hint 'did you mean "label"?'
 */
export function mapSchemaError(doc: ParsedDocument, error: ErrorObject): Diagnostic | undefined {
  const path = toPath(error.instancePath, doc.value)
  const value = valueAt(doc.value, path)
  const params = error.params as Params
  if (error.propertyName !== undefined) return keyError(doc, error, path, error.propertyName)

  switch (error.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(params.additionalProperty ?? params.unevaluatedProperty)
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {})
      const match = didYouMean(key, allowed)
      const hint = match === undefined ? undefined : `did you mean "${match}"?`
      return report('OOS_SCHEMA_UNKNOWN_KEY', locate(doc, [...path, key], 'key'), [key], hint)
    }
    case 'required':
    case 'dependentRequired': {
      const key = String(params.missingProperty)
      return report('OOS_SCHEMA_MISSING_KEY', locate(doc, [...path, key]), [key])
    }
    case 'type':
      return wrongType(doc, path, typesOf(params.type), value)
    case 'enum':
      return badValue(doc, path, value, (params.allowedValues as unknown[] | undefined) ?? [])
    case 'const':
      return badValue(doc, path, value, [params.allowedValue])
    case 'pattern':
      return report('OOS_SCHEMA_PATTERN', locate(doc, path), [
        show(value),
        describePattern(String(params.pattern)),
      ])
    case 'format':
      return report('OOS_SCHEMA_FORMAT', locate(doc, path), [show(value), String(params.format)])
    case 'discriminator':
      return discriminatorError(doc, error, path, value)
    case 'not':
      if (isEmptySchema(error.schema) && typeof path.at(-1) === 'string') {
        const key = String(path.at(-1))
        const hint = removedKeyHint(error.parentSchema?.description)
        return report('OOS_SCHEMA_REMOVED_KEY', locate(doc, path, 'key'), [key], hint)
      }
      return invalid(doc, path, error)
    case 'if':
    case 'propertyNames':
      return undefined
    default: {
      const range = rangeOf(error.keyword, params, value)
      if (range !== undefined) return report('OOS_SCHEMA_RANGE', locate(doc, path), range)
      return invalid(doc, path, error)
    }
  }
}

/**
 * The fallback for a rule no other code describes: a `oneOf` without a discriminator that several
 * branches match, a `not` of a real schema, a keyword added later. The committed schemas use none
 * of these (every `oneOf` has a discriminator, every `not` is a removed key); it stays so a new
 * schema can never make an error vanish.
 */
function invalid(doc: ParsedDocument, path: PathSegment[], error: ErrorObject): Diagnostic {
  const detail = error.keyword === 'oneOf' ? 'matches more than one alternative' : error.message
  return report('OOS_SCHEMA_INVALID', locate(doc, path), [`value ${detail ?? 'is not valid'}`])
}

/** `{}` (or `true`): the schema every value matches, so `not` of it forbids the key outright. */
function isEmptySchema(schema: unknown): boolean {
  return schema === true || (isObject(schema) && Object.keys(schema).length === 0)
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An error about a mapping key itself (from `propertyNames`), reported at the key. */
function keyError(
  doc: ParsedDocument,
  error: ErrorObject,
  path: PathSegment[],
  key: string,
): Diagnostic | undefined {
  if (error.keyword === 'propertyNames') return undefined
  const at = locate(doc, [...path, key], 'key')
  const params = error.params as Params
  if (error.keyword === 'pattern') {
    return report('OOS_SCHEMA_PATTERN', at, [
      `key "${key}"`,
      describePattern(String(params.pattern)),
    ])
  }
  const range = rangeOf(error.keyword, params, key)
  if (range !== undefined) return report('OOS_SCHEMA_RANGE', at, range)
  return report('OOS_SCHEMA_INVALID', at, [`key "${key}" is not allowed here`])
}

function wrongType(
  doc: ParsedDocument,
  path: PathSegment[],
  expected: readonly string[],
  value: unknown,
): Diagnostic {
  return report(
    'OOS_SCHEMA_WRONG_TYPE',
    locate(doc, path),
    [describeTypes(expected), describeFound(value)],
    expected.includes('boolean') ? booleanTextHint(value) : undefined,
  )
}

/**
 * Text that reads like a boolean: `yes`, `no`, `on` and `off` were booleans in YAML 1.1 and are
 * text in YAML 1.2; a quoted `"true"` is text in both.
 */
function booleanTextHint(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const word = value.toLowerCase()
  if (word === 'true' || word === 'false')
    return `"${value}" is quoted, so it is text: write ${word}`
  const meant = ['yes', 'y', 'on'].includes(word)
    ? true
    : ['no', 'n', 'off'].includes(word)
      ? false
      : undefined
  return meant === undefined
    ? undefined
    : `"${value}" is text in YAML 1.2, not a boolean: write ${String(meant)}`
}

function badValue(
  doc: ParsedDocument,
  path: PathSegment[],
  value: unknown,
  allowed: readonly unknown[],
): Diagnostic {
  const names = allowed.filter((v): v is string => typeof v === 'string')
  const match = typeof value === 'string' ? didYouMean(value, names) : undefined
  const parts: string[] = []
  if (match !== undefined) parts.push(`did you mean "${match}"?`)
  if (allowed.length <= maxListedValues) {
    parts.push(
      `allowed: ${allowed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`,
    )
  }
  const hint = parts.length > 0 ? parts.join(' ') : undefined
  return report('OOS_SCHEMA_BAD_VALUE', locate(doc, path), [show(value)], hint)
}

/** A discriminated union whose tag is missing, not a string, or names no branch. */
function discriminatorError(
  doc: ParsedDocument,
  error: ErrorObject,
  path: PathSegment[],
  value: unknown,
): Diagnostic {
  const params = error.params as Params
  const tag = String(params.tag)
  const tagPath = [...path, tag]
  const tagValue = valueAt(value, [tag])
  const branches = (error.parentSchema?.oneOf as Params[] | undefined) ?? []
  const allowed = branches.flatMap((branch) => {
    const property = (branch.properties as Record<string, Params> | undefined)?.[tag]
    if (property === undefined) return []
    return property.const !== undefined ? [property.const] : ((property.enum as unknown[]) ?? [])
  })
  if (params.error === 'mapping') return badValue(doc, tagPath, tagValue, allowed)
  if (tagValue === undefined) {
    const hint =
      allowed.length > 0 ? `${tag} is one of: ${allowed.map(String).join(', ')}` : undefined
    return report('OOS_SCHEMA_MISSING_KEY', locate(doc, tagPath), [tag], hint)
  }
  return wrongType(doc, tagPath, ['string'], tagValue)
}

/** The requirement and what was found, for the size and range keywords; undefined otherwise. */
function rangeOf(keyword: string, params: Params, value: unknown): [string, string] | undefined {
  const limit = Number(params.limit)
  const length = typeof value === 'string' ? [...value].length : 0
  const items = Array.isArray(value) ? value.length : 0
  const keys = typeof value === 'object' && value !== null ? Object.keys(value).length : 0
  switch (keyword) {
    case 'minimum':
      return [`at least ${limit}`, String(value)]
    case 'maximum':
      return [`at most ${limit}`, String(value)]
    case 'exclusiveMinimum':
      return [`greater than ${limit}`, String(value)]
    case 'exclusiveMaximum':
      return [`less than ${limit}`, String(value)]
    case 'multipleOf':
      return [`a multiple of ${String(params.multipleOf)}`, String(value)]
    case 'minLength':
      return [`at least ${count(limit, 'character')} long`, count(length, 'character')]
    case 'maxLength':
      return [`at most ${count(limit, 'character')} long`, count(length, 'character')]
    case 'minItems':
      return [`a list of at least ${count(limit, 'item')}`, count(items, 'item')]
    // `items: false` after `prefixItems` (a fixed-length tuple) reports its length as `limit`.
    case 'maxItems':
    case 'items':
      return Number.isFinite(limit)
        ? [`a list of at most ${count(limit, 'item')}`, count(items, 'item')]
        : undefined
    case 'minProperties':
      return [`a mapping of at least ${count(limit, 'key')}`, count(keys, 'key')]
    case 'maxProperties':
      return [`a mapping of at most ${count(limit, 'key')}`, count(keys, 'key')]
    default:
      return undefined
  }
}

function typesOf(type: unknown): string[] {
  if (Array.isArray(type)) return type.map(String)
  return typeof type === 'string' ? type.split(',') : []
}
