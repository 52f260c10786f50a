import { describe, expect, it } from 'vitest'
import { newRecordId } from './new-record-id.js'

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** The millisecond an id carries. */
const msOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16)

describe('newRecordId', () => {
  it('makes distinct UUIDv7 ids that sort by creation time', () => {
    const start = Date.now() + 60_000
    const ids = Array.from({ length: 1000 }, (_, i) => newRecordId(start + i))
    expect(new Set(ids).size).toBe(1000)
    for (const id of ids) expect(id).toMatch(uuidV7)
    expect([...ids].sort()).toEqual(ids)
    expect(ids.map(msOf)).toEqual(ids.map((_, i) => start + i))
  })

  it('keeps creation order among ids made in the same millisecond', () => {
    const now = Date.now() + 120_000
    const ids = Array.from({ length: 5000 }, () => newRecordId(now))
    expect(new Set(ids).size).toBe(5000)
    for (const id of ids) expect(id).toMatch(uuidV7)
    expect([...ids].sort()).toEqual(ids)
    // At least 2,048 fit in the millisecond; the rest borrow the next ones.
    expect(ids.slice(0, 2048).every((id) => msOf(id) === now)).toBe(true)
  })

  it('keeps increasing when the clock steps back', () => {
    const now = Date.now() + 180_000
    const before = newRecordId(now)
    const after = newRecordId(now - 5_000)
    expect(after > before).toBe(true)
  })
})
