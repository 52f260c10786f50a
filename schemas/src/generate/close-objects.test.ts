import { describe, expect, it } from 'vitest'
import { closeObjects } from './close-objects.js'

const open = { type: 'object', properties: { a: { type: 'string' } } }

describe('closeObjects', () => {
  it('closes nested object schemas, leaving records and declared openness alone', () => {
    const schema = {
      type: 'object',
      properties: {
        field: open,
        record: { type: 'object', additionalProperties: { type: 'string' } },
        loose: { ...open, additionalProperties: true },
      },
      $defs: { item: { anyOf: [{ type: 'string' }, open] } },
    }
    expect(closeObjects(schema)).toEqual({
      type: 'object',
      properties: {
        field: { ...open, additionalProperties: false },
        record: { type: 'object', additionalProperties: { type: 'string' } },
        loose: { ...open, additionalProperties: true },
      },
      $defs: { item: { anyOf: [{ type: 'string' }, { ...open, additionalProperties: false }] } },
      additionalProperties: false,
    })
  })

  it('does not treat default or const values as schemas', () => {
    const schema = { type: 'object', default: { properties: { x: 1 } }, const: { properties: {} } }
    expect(closeObjects(schema)).toEqual(schema)
  })

  it('closes an intersection of plain objects with unevaluatedProperties', () => {
    const b = { type: 'object', properties: { b: {} } }
    expect(closeObjects({ allOf: [open, b] })).toEqual({
      allOf: [open, b],
      unevaluatedProperties: false,
    })
  })

  it('leaves an intersection with an open record open', () => {
    const record = { type: 'object', additionalProperties: {} }
    expect(closeObjects({ allOf: [record, open] })).toEqual({ allOf: [record, open] })
  })
})
