import { describe, expect, it } from 'vitest'
import { catalog } from './catalog.js'
import { renderDiagnosticsReference } from './render-diagnostics-reference.js'

describe('docs/reference/diagnostics.md', () => {
  it('is in sync with the catalog (run `npm run docs` after changing codes)', async () => {
    await expect(renderDiagnosticsReference()).toMatchFileSnapshot(
      '../../../../docs/reference/diagnostics.md',
    )
  })

  it('lists every code of the catalog exactly once', () => {
    const doc = renderDiagnosticsReference()
    for (const code of Object.keys(catalog)) {
      expect(doc.split(`\`${code}\``).length - 1, code).toBe(1)
    }
  })

  it('gives every code a summary and a message', () => {
    for (const [code, spec] of Object.entries(catalog)) {
      expect(code).toMatch(/^OOS_[A-Z]+_[A-Z0-9_]+$/)
      expect(spec.summary.length, code).toBeGreaterThan(10)
    }
  })
})
