import { describe, expect, it } from 'vitest'
import { loadApp } from '../load/load-app.js'

describe('compileApp', () => {
  it('compiles the example CRM into a frozen registry', async () => {
    const result = await loadApp('examples/crm')
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)))
    const opportunity = result.registry.object('opportunity')
    expect(Object.isFrozen(opportunity)).toBe(true)
    expect([...opportunity.fields.keys()].slice(0, 7)).toEqual([
      'id',
      'created_at',
      'updated_at',
      'created_by',
      'updated_by',
      'owner_id',
      'version',
    ])
    const revenue = opportunity.fields.get('expected_revenue')
    expect(revenue?.storage).toBe('number')
    expect(revenue?.formula?.evaluate({ record: { amount: 1000, probability: 40 } })).toBe(400)
    expect(opportunity.fields.get('stage')?.defaultValue).toEqual({
      kind: 'literal',
      value: 'prospecting',
    })
    expect(result.registry.childRelations('account').map((r) => `${r.child}.${r.field}`)).toContain(
      'opportunity.account',
    )
  })

  it('refuses to compile metadata with errors', async () => {
    const { compileFiles } = await import('../load/load-app.js')
    const result = compileFiles([
      { path: 'objectos.yaml', content: 'name: t\n' },
      { path: 'objects/a.object.yaml', content: 'name: a\nfields:\n  x: { type: nope }\n' },
    ])
    expect(result.ok).toBe(false)
  })
})
