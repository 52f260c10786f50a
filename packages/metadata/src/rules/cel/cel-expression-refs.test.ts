import { describe, expect, it } from 'vitest'
import { celExpressionRefs } from './cel-expression-refs.js'

describe('celExpressionRefs', () => {
  it('lists the selections and identifiers, inside macros and comprehensions too', () => {
    const source = "has(record.title) && [1, 2].exists(v, v > parent.qty) && owner_id == 'x'"
    const refs = celExpressionRefs(source)
    expect(refs.ok).toBe(true)
    if (!refs.ok) return
    expect(refs.selections).toEqual([
      { variable: 'record', field: 'title', start: source.indexOf('title') },
      { variable: 'parent', field: 'qty', start: source.indexOf('qty') },
    ])
    expect([...refs.identifiers].sort()).toEqual(['owner_id', 'parent', 'record', 'v'])
  })

  it('reports where a source does not parse', () => {
    expect(celExpressionRefs('record.title ==')).toEqual({
      ok: false,
      start: 15,
      summary: 'Unexpected token: EOF',
    })
  })
})
