import { describe, expect, it } from 'vitest'
import { fieldStorage } from '../compile/field-storage.js'
import { renderFieldTypesReference } from './render-field-types-reference.js'

describe('docs/reference/field-types.md', () => {
  it('is in sync with the engine (run `npm run docs` after changing field storage)', async () => {
    await expect(renderFieldTypesReference()).toMatchFileSnapshot(
      '../../../docs/reference/field-types.md',
    )
  })

  it('lists every supported type once', () => {
    const doc = renderFieldTypesReference()
    for (const type of Object.keys(fieldStorage)) {
      expect(doc.split(`| \`${type}\` |`).length - 1, type).toBe(1)
    }
  })
})
