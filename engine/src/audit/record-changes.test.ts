import { describe, expect, it } from 'vitest'
import { compileTestApp } from '../testing/test-app.js'
import { recordChanges, sameValue } from './record-changes.js'

const registry = await compileTestApp({
  item: `
fields:
  name: { type: text }
  tags: { type: tags }
  spec: { type: json }
  count: { type: number }
`,
})
const item = registry.object('item')

describe('recordChanges', () => {
  it('keeps only the fields whose value changed, and never the bookkeeping columns', () => {
    const before = { id: 'a', version: 1, updated_at: 't1', name: 'x', tags: ['a'], count: 1 }
    const after = { id: 'a', version: 2, updated_at: 't2', name: 'x', tags: ['a', 'b'], count: 1 }
    expect(recordChanges(item, before, after)).toEqual({
      tags: { before: ['a'], after: ['a', 'b'] },
    })
  })

  it('treats missing, null and an empty list alike, so a create lists only what it filled', () => {
    expect(recordChanges(item, undefined, { id: 'a', name: null, tags: [], count: 0 })).toEqual({
      count: { before: null, after: 0 },
    })
    expect(recordChanges(item, { tags: [], spec: { a: 1 } }, undefined)).toEqual({
      spec: { before: { a: 1 }, after: null },
    })
  })

  it('compares lists and JSON documents by value', () => {
    expect(sameValue({ a: [1, 2] }, { a: [1, 2] })).toBe(true)
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(sameValue(0, null)).toBe(false)
    expect(sameValue('1', 1)).toBe(false)
  })
})
