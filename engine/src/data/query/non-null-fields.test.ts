import { describe, expect, it } from 'vitest'
import { nonNullFields } from './non-null-fields.js'

describe('nonNullFields', () => {
  it('finds fields a top-level or $and condition proves set', () => {
    const filter = {
      amount: { $gte: 100 },
      stage: 'open',
      $and: [{ close_date: { $null: false } }, { name: { $startsWith: 'a' } }],
    }
    expect([...nonNullFields(filter)].sort()).toEqual(['amount', 'close_date', 'name', 'stage'])
  })

  it('does not trust conditions a NULL can meet', () => {
    const filter = {
      a: null,
      b: { $ne: 5 },
      c: { $nin: [1] },
      d: { $null: true },
      e: { $eq: null },
      $or: [{ f: 1 }, { g: 2 }],
      $not: { h: { $gt: 1 } },
      'account.name': 'x',
    }
    expect([...nonNullFields(filter)]).toEqual([])
  })
})
