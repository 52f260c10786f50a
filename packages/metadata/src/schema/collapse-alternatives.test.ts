import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { collapseAlternatives } from './collapse-alternatives.js'

const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true })

/** The errors Ajv reports for `data`, collapsed, as `path keyword params`. */
function collapsed(schema: object, data: unknown): string[] {
  const validate = ajv.compile(schema)
  validate(data)
  return collapseAlternatives(validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.keyword} ${JSON.stringify(e.params)}`,
  )
}

const toggleOrConfig = {
  type: 'object',
  properties: {
    create: {
      anyOf: [
        { type: 'boolean' },
        {
          type: 'object',
          properties: { enabled: { type: 'boolean' }, when: { type: 'string' } },
          additionalProperties: false,
        },
      ],
    },
  },
}

describe('collapseAlternatives', () => {
  it('merges branches that all fail on the type into one type error', () => {
    expect(collapsed(toggleOrConfig, { create: 5 })).toEqual([
      '/create type {"type":["boolean","object"]}',
    ])
  })

  it('keeps only the branch whose shape matches the value', () => {
    expect(collapsed(toggleOrConfig, { create: { enabled: 'yes', whn: 'x' } })).toEqual([
      '/create additionalProperties {"additionalProperty":"whn"}',
      '/create/enabled type {"type":"boolean"}',
    ])
  })

  it('merges literal branches into one list of allowed values', () => {
    const schema = { anyOf: [{ const: 'asc' }, { const: 'desc' }, { type: 'object' }] }
    expect(collapsed(schema, 'up')).toEqual(['/ enum {"allowedValues":["asc","desc"]}'])
  })

  it('prefers the branch with errors inside the value, then the one with fewer errors', () => {
    const schema = {
      anyOf: [
        { type: 'object', required: ['a', 'b'] },
        { type: 'object', properties: { c: { type: 'number' } } },
      ],
    }
    expect(collapsed(schema, { c: 'x' })).toEqual(['/c type {"type":"number"}'])
    const fewer = {
      anyOf: [
        { type: 'object', required: ['a', 'b'] },
        { type: 'object', required: ['c'] },
      ],
    }
    expect(collapsed(fewer, {})).toEqual(['/ required {"missingProperty":"c"}'])
  })

  it('collapses nested alternatives inside the chosen branch', () => {
    const schema = {
      anyOf: [
        { type: 'string' },
        {
          type: 'object',
          properties: { size: { anyOf: [{ type: 'number' }, { enum: ['small', 'large'] }] } },
        },
      ],
    }
    expect(collapsed(schema, { size: 'huge' })).toEqual([
      '/size enum {"allowedValues":["small","large"]}',
    ])
  })

  it('leaves errors outside the alternative alone', () => {
    const schema = {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string' },
        mode: { anyOf: [{ type: 'boolean' }, { type: 'string' }] },
      },
    }
    expect(collapsed(schema, { mode: 1 })).toEqual([
      '/ required {"missingProperty":"name"}',
      '/mode type {"type":["boolean","string"]}',
    ])
  })

  it('keeps a oneOf that fails because several branches match', () => {
    const schema = { oneOf: [{ type: 'number' }, { type: 'integer' }] }
    expect(collapsed(schema, 3)).toEqual(['/ oneOf {"passingSchemas":[0,1]}'])
  })
})
