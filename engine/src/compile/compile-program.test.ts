import { describe, expect, it } from 'vitest'
import { compileProgram, presenceAware } from './compile-program.js'

describe('compiled CEL programs', () => {
  it('read has(row.field) as "set": present and not null', () => {
    const program = compileProgram("record.stage == 'won' && !has(record.close_date)")
    expect(program.evaluate({ record: { stage: 'won', close_date: null } })).toBe(true)
    expect(program.evaluate({ record: { stage: 'won', close_date: new Date() } })).toBe(false)
  })

  it('compare empty fields with null', () => {
    const program = compileProgram('record.amount == null || record.amount < 0')
    expect(program.evaluate({ record: { amount: null } })).toBe(true)
    expect(program.evaluate({ record: { amount: 5 } })).toBe(false)
  })

  it('leave string literals alone', () => {
    expect(presenceAware(`has(a.b) && c == 'has(a.b)' && d == "has(x.y)"`)).toBe(
      `(has(a.b) && a.b != null) && c == 'has(a.b)' && d == "has(x.y)"`,
    )
  })
})
