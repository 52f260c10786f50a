import { describe, expect, it } from 'vitest'
import { createCelEnvironment } from './cel-base-environment.js'

describe('the ObjectOS CEL environment', () => {
  const env = createCelEnvironment().registerVariable('amount', 'double')

  it('mixes int and double arithmetic into a double', () => {
    expect(env.check('amount * 2').type).toBe('double')
    expect(env.evaluate('amount * 2', { amount: 1.5 })).toBe(3)
    expect(env.evaluate('10 / amount', { amount: 4 })).toBe(2.5)
  })

  it('compares any field type with null', () => {
    expect(env.check('amount == null').valid).toBe(true)
    expect(env.evaluate('amount != null', { amount: 1.5 })).toBe(true)
    expect(env.evaluate('amount == null', { amount: 1.5 })).toBe(false)
  })

  it('has now() and today() as timestamps', () => {
    expect(env.check('today() <= now()').type).toBe('bool')
    expect(env.evaluate('today() <= now()')).toBe(true)
  })

  it('binds the user and its aliases, and nothing else unless loose', () => {
    expect(env.check("'admin' in current_user.positions && os.user.id == ctx.user.id").valid).toBe(
      true,
    )
    expect(env.check('flow_variable > 1').valid).toBe(false)
    expect(createCelEnvironment(true).check('flow_variable > 1').valid).toBe(true)
  })
})
