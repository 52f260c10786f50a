import { supportedFieldTypes } from '@objectos/metadata'
import { describe, expect, it } from 'vitest'
import { fieldStorage } from './field-storage.js'

describe('field storage', () => {
  it('stores exactly the field types `objectos validate` accepts', () => {
    expect(Object.keys(fieldStorage).sort()).toEqual([...supportedFieldTypes].sort())
  })
})
