import { metadataKinds, schemaFor } from '@objectos/schemas'
import { describe, expect, it } from 'vitest'
import { removedKeyHint } from './removed-key-hint.js'

/** Every description of a key the committed schemas forbid with `not: {}`. */
function removedDescriptions(): string[] {
  const found = new Set<string>()
  const stack: unknown[] = [...metadataKinds.map((k) => schemaFor(k.kind)), schemaFor('manifest')]
  while (stack.length > 0) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null) continue
    const record = node as Record<string, unknown>
    const not = record.not
    if (typeof not === 'object' && not !== null && Object.keys(not).length === 0) {
      found.add(String(record.description))
    }
    stack.push(...Object.values(record))
  }
  return [...found]
}

describe('removedKeyHint', () => {
  it('keeps the guidance and the spec version, and drops the history and the migration tool', () => {
    const description =
      '[REMOVED] `hook.timeout` was removed in @objectstack/spec 17 — its unit lived only in the ' +
      'description. Rename the key to `timeoutMs`; the value (milliseconds) is unchanged. ' +
      'Run `os migrate meta --from 17` to list the mechanical edits for existing sources; apply them by hand.'
    expect(removedKeyHint(description)).toBe(
      'Removed in @objectstack/spec 17. Rename the key to `timeoutMs`; the value (milliseconds) is unchanged.',
    )
  })

  it('keeps a replacement named in the first sentence', () => {
    const description =
      '[REMOVED] `conditionalRequired` was removed in @objectstack/spec 17 — use `requiredWhen`. ' +
      'Rename the key; the value (a CEL predicate) is unchanged. Run `os migrate meta --from 16` to list them.'
    expect(removedKeyHint(description)).toBe(
      '`conditionalRequired` was removed in @objectstack/spec 17 — use `requiredWhen`. Rename the key; the value (a CEL predicate) is unchanged.',
    )
  })

  it('gives nothing for a key without a description', () => {
    expect(removedKeyHint(undefined)).toBeUndefined()
    expect(removedKeyHint('  ')).toBeUndefined()
  })

  it('gives a short hint that says what to do for every removed key in the schemas', () => {
    const descriptions = removedDescriptions()
    expect(descriptions.length).toBeGreaterThan(20)
    for (const description of descriptions) {
      const hint = removedKeyHint(description) ?? ''
      expect(hint, description).toMatch(/\b(delete|rename|use)\b/i)
      expect(hint, description).not.toMatch(/os migrate|\[REMOVED\]|\.\./)
      expect(hint.length, description).toBeLessThan(600)
    }
  })
})
