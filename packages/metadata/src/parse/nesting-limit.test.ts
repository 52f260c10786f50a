import { describe, expect, it } from 'vitest'
import { Parser } from 'yaml'
import { firstTooDeep, maxNestingDepth } from './nesting-limit.js'

const tokens = (text: string) => [...new Parser().parse(text)]

describe('firstTooDeep', () => {
  it('accepts nesting up to the limit', () => {
    const depth = maxNestingDepth - 1 // the root mapping is one level
    const text = `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`
    expect(firstTooDeep(tokens(text))).toBeUndefined()
  })

  it('returns the offset of the first collection past the limit', () => {
    const text = `a: ${'['.repeat(maxNestingDepth)}${']'.repeat(maxNestingDepth)}\n`
    // The root mapping is level 1, so the 100th `[` (offset 3 + 99) is level 101.
    expect(firstTooDeep(tokens(text))).toBe(3 + maxNestingDepth - 1)
  })

  it('counts block nesting as well as flow nesting', () => {
    const lines = Array.from({ length: 5 }, (_, i) => `${'  '.repeat(i)}k${i}:`)
    const text = `${lines.join('\n')} 1\n`
    expect(firstTooDeep(tokens(text), 5)).toBeUndefined()
    expect(firstTooDeep(tokens(text), 4)).toBe(text.indexOf('k4'))
  })

  it('reports the first offender in document order', () => {
    const text = 'a: [[[1]]]\nb: [[[[2]]]]\n'
    expect(firstTooDeep(tokens(text), 3)).toBe(text.indexOf('[[[1') + 2)
  })
})
