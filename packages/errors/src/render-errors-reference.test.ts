import { describe, expect, it } from 'vitest'
import './index.js'
import { definedErrors } from './define-error.js'
import { renderErrorsReference } from './render-errors-reference.js'

describe('docs/reference/errors.md', () => {
  it('is in sync with the catalog (run `npm run docs` after changing codes)', async () => {
    await expect(renderErrorsReference()).toMatchFileSnapshot('../../../docs/reference/errors.md')
  })

  it('gives every code the OOS_ prefix and an HTTP status', () => {
    for (const error of definedErrors()) {
      expect(error.code).toMatch(/^OOS_[A-Z]+_[A-Z0-9_]+$/)
      expect(error.status).toBeGreaterThanOrEqual(400)
    }
  })
})
