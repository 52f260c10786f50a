import { describe, expect, it } from 'vitest'
import { newRecordId } from './new-record-id.js'

describe('newRecordId', () => {
  it('makes distinct UUIDv7 ids that sort by creation time', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => newRecordId(1_700_000_000_000 + i))
    expect(new Set(ids).size).toBe(1000)
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
    expect([...ids].sort()).toEqual(ids)
  })
})
