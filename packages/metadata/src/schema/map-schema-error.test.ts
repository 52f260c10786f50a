import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { parseFile } from '../parse/parse-file.js'
import { collapseAlternatives } from './collapse-alternatives.js'
import { mapSchemaError } from './map-schema-error.js'

const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true })
addFormats.default(ajv)

/** Validates YAML `text` against `schema` and maps the errors, as `line:column CODE message (hint)`. */
function mapped(schema: object, text: string): string[] {
  const { document } = parseFile({ path: 'objects/x.object.yaml', content: text })
  if (document === undefined) throw new Error('fixture does not parse')
  const validate = ajv.compile(schema)
  validate(document.value)
  return collapseAlternatives(validate.errors ?? []).flatMap((error) => {
    const d = mapSchemaError(document, error)
    return d === undefined
      ? []
      : [`${d.line}:${d.column} ${d.code} ${d.message}${d.hint ? ` (${d.hint})` : ''}`]
  })
}

const object = (properties: object, extra: object = {}) => ({
  type: 'object',
  properties,
  ...extra,
})

describe('mapSchemaError', () => {
  it('maps format errors to OOS_SCHEMA_FORMAT', () => {
    expect(
      mapped(object({ docs: { type: 'string', format: 'uri' } }), 'docs: not a uri\n'),
    ).toEqual(['1:7 OOS_SCHEMA_FORMAT "not a uri" is not a valid uri'])
  })

  it('maps every size keyword to OOS_SCHEMA_RANGE with what was found', () => {
    const schema = object({
      low: { type: 'number', exclusiveMinimum: 0 },
      step: { type: 'number', multipleOf: 5 },
      tags: { type: 'array', minItems: 2 },
      meta: { type: 'object', maxProperties: 1 },
      code: { type: 'string', maxLength: 3 },
    })
    const text = 'low: 0\nstep: 7\ntags: [a]\nmeta: { a: 1, b: 2 }\ncode: ABCD\n'
    expect(mapped(schema, text)).toEqual([
      '1:6 OOS_SCHEMA_RANGE must be greater than 0, found 0',
      '2:7 OOS_SCHEMA_RANGE must be a multiple of 5, found 7',
      '3:7 OOS_SCHEMA_RANGE must be a list of at least 2 items, found 1 item',
      '4:7 OOS_SCHEMA_RANGE must be a mapping of at most 1 key, found 2 keys',
      '5:7 OOS_SCHEMA_RANGE must be at most 3 characters long, found 4 characters',
    ])
  })

  it('maps const errors to OOS_SCHEMA_BAD_VALUE with the one allowed value', () => {
    expect(mapped(object({ version: { const: 2 } }), 'version: 1\n')).toEqual([
      '1:10 OOS_SCHEMA_BAD_VALUE 1 is not an allowed value here (allowed: 2)',
    ])
  })

  it('lists short enumerations and suggests the closest value', () => {
    const schema = object({ sort: { enum: ['asc', 'desc'] } })
    expect(mapped(schema, 'sort: dsc\n')).toEqual([
      '1:7 OOS_SCHEMA_BAD_VALUE "dsc" is not an allowed value here (did you mean "desc"? allowed: asc, desc)',
    ])
  })

  it('leaves long enumerations out of the hint', () => {
    const values = Array.from({ length: 20 }, (_, i) => `value_${i}`)
    expect(mapped(object({ v: { enum: values } }), 'v: zzz\n')).toEqual([
      '1:4 OOS_SCHEMA_BAD_VALUE "zzz" is not an allowed value here',
    ])
  })

  it('describes an empty value when a type is expected', () => {
    expect(mapped(object({ label: { type: 'string' } }), 'label:\n')).toEqual([
      '1:7 OOS_SCHEMA_WRONG_TYPE expected a string, found an empty value',
    ])
  })

  it('reports key length rules at the key', () => {
    const schema = { type: 'object', propertyNames: { maxLength: 3 } }
    expect(mapped(schema, 'ok: 1\ntoolong: 2\n')).toEqual([
      '2:1 OOS_SCHEMA_RANGE must be at most 3 characters long, found 7 characters',
    ])
  })

  it('falls back to OOS_SCHEMA_INVALID with the rule for other keywords', () => {
    const schema = object({ tags: { type: 'array', uniqueItems: true } })
    const [line] = mapped(schema, 'tags: [a, b, a]\n')
    expect(line).toMatch(/^1:7 OOS_SCHEMA_INVALID value must NOT have duplicate items/)
  })

  it('drops the errors that only repeat another one (if, outer propertyNames)', () => {
    const schema = {
      type: 'object',
      propertyNames: { pattern: '^[a-z]+$' },
      if: { required: ['kind'] },
      then: { required: ['target'] },
    }
    expect(mapped(schema, 'kind: x\nBad: 1\n')).toEqual([
      '1:1 OOS_SCHEMA_MISSING_KEY missing required key "target"',
      '2:1 OOS_SCHEMA_PATTERN key "Bad" must match the pattern ^[a-z]+$',
    ])
  })
})
