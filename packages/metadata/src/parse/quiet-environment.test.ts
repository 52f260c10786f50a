import { describe, expect, it } from 'vitest'
import { withQuietEnvironment } from './quiet-environment.js'

describe('withQuietEnvironment', () => {
  it('hides the environment during the call and gives it back after', () => {
    const env = process.env
    process.env.OBJECTOS_PROBE = 'x'
    try {
      const seen = withQuietEnvironment(() => process.env.OBJECTOS_PROBE)
      expect(seen).toBeUndefined()
      expect(process.env).toBe(env)
      expect(process.env.OBJECTOS_PROBE).toBe('x')
    } finally {
      delete process.env.OBJECTOS_PROBE
    }
  })

  it('gives the environment back when the call throws', () => {
    const env = process.env
    expect(() =>
      withQuietEnvironment(() => {
        throw new Error('parser defect')
      }),
    ).toThrow('parser defect')
    expect(process.env).toBe(env)
  })
})
