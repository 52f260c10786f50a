import { describe, expect, it } from 'vitest'
import { addDiscriminators } from './add-discriminators.js'

const branch = (tag: unknown, required = ['kind']) => ({
  type: 'object',
  properties: { name: { type: 'string' }, kind: tag },
  required,
})

describe('addDiscriminators', () => {
  it('tags a oneOf whose branches all require a distinct const or enum', () => {
    const oneOf = [branch({ const: 'a' }), branch({ enum: ['b', 'c'] })]
    expect(addDiscriminators({ oneOf })).toEqual({
      type: 'object',
      oneOf,
      discriminator: { propertyName: 'kind' },
    })
  })

  it.each([
    ['the tag is optional in a branch', [branch({ const: 'a' }), branch({ const: 'b' }, [])]],
    ['two branches share a value', [branch({ const: 'a' }), branch({ enum: ['a', 'b'] })]],
    ['a tag is not a string', [branch({ const: 'a' }), branch({ const: 1 })]],
    ['a branch is a reference', [branch({ const: 'a' }), { $ref: '#/$defs/b' }]],
  ])('leaves the oneOf alone when %s', (_reason, oneOf) => {
    expect(addDiscriminators({ oneOf })).toEqual({ oneOf })
  })
})
