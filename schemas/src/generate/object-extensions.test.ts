import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { schemaFor } from '@objectos/schemas'
import { ObjectosObjectSchema } from './object-extensions.js'

const ajv = new Ajv2020({
  allErrors: true,
  discriminator: true,
  strict: true,
  allowUnionTypes: true,
})
addFormats.default(ajv)
const validate = ajv.compile(schemaFor('object'))

const renamed = {
  name: 'customer',
  renamedFrom: 'client',
  fields: { full_name: { type: 'text', renamedFrom: 'name' } },
}

describe('the object schema with ObjectOS extensions', () => {
  it('accepts renamedFrom on an object and on a field', () => {
    expect(validate(renamed), JSON.stringify(validate.errors)).toBe(true)
    expect(ObjectosObjectSchema.safeParse(renamed).error).toBeUndefined()
  })

  it('requires renamedFrom to be a snake_case name', () => {
    const bad = { ...renamed, fields: { full_name: { type: 'text', renamedFrom: 'Full Name' } } }
    expect(validate(bad)).toBe(false)
    expect(validate.errors).toContainEqual(
      expect.objectContaining({
        instancePath: '/fields/full_name/renamedFrom',
        keyword: 'pattern',
      }),
    )
    expect(validate({ ...renamed, renamedFrom: 42 })).toBe(false)
  })

  it('says in the description that the key is ours, not the spec', () => {
    const schema = schemaFor('object') as {
      properties: Record<string, { description?: string }>
    }
    expect(schema.properties.renamedFrom?.description).toMatch(
      /^ObjectOS extension \(not in @objectstack\/spec\)/,
    )
  })

  it('keeps the spec refinements on the extended shape', () => {
    // A spec refinement (not expressible in JSON Schema): maxLength only on string types.
    const doc = { name: 'a', fields: { b: { type: 'number', maxLength: 4, renamedFrom: 'c' } } }
    expect(ObjectosObjectSchema.safeParse(doc).error?.issues[0]?.message).toMatch(/maxLength/)
  })
})
