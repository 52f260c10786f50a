import { describe, expect, it } from 'vitest'
import { schemaFor } from '@objectos/schemas'
import { rules } from '../check-rules.js'
import { runRule } from '../fields/testing/run-field-rule.js'
import { lines } from '../testing/parsed-app.js'
import { honouredPositionKeys, packageKeys } from './honoured-keys.js'
import { positionSupportRule } from './position-support-rule.js'

const found = (position: string) =>
  runRule(positionSupportRule, { 'positions/sales_manager.position.yaml': position })
const check = (position: string) => found(position).map((d) => `${d.line}:${d.column} ${d.code}`)

const positionSchema = schemaFor('position') as { readonly properties: Record<string, unknown> }

describe('engine support: positions', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(positionSupportRule)
  })

  it('sorts every key the schema allows on a position into honoured or refused', () => {
    const known = new Set<string>(honouredPositionKeys)
    const refused = Object.keys(positionSchema.properties).filter((key) => !known.has(key))
    expect(refused.filter((key) => !packageKeys.has(key)).sort()).toEqual([
      'delegatable',
      'protection',
    ])
    expect(honouredPositionKeys.filter((key) => !(key in positionSchema.properties))).toEqual([])
  })

  it('accepts a position that uses every honoured key', () => {
    const position = lines(
      'name: sales_manager',
      'label: Sales manager',
      'description: Leads the sales reps',
      'permissionSets: [sales, sales_reports]',
    )
    expect(check(position)).toEqual([])
  })

  it('refuses delegatable: true at the key, and accepts delegatable: false', () => {
    const position = lines(
      'name: sales_manager',
      'label: Sales manager',
      'delegatable: true', // 3:1
    )
    expect(found(position)).toEqual([
      {
        code: 'OOS_SUPPORT_POSITION_KEY',
        severity: 'error',
        message:
          '"delegatable" on position "sales_manager" is not supported by this version of ObjectOS',
        file: 'positions/sales_manager.position.yaml',
        line: 3,
        column: 1,
        path: ['delegatable'],
        hint: 'delegated administration is not built yet; only administrators assign positions — remove it',
      },
    ])
    expect(
      check(lines('name: sales_manager', 'label: Sales manager', 'delegatable: false')),
    ).toEqual([])
  })

  it('refuses protection and the package-lock keys at the key, pointing to package installs', () => {
    const position = lines(
      'name: sales_manager',
      'label: Sales manager',
      'protection: { lock: full, reason: Shipped by the CRM package }', // 3:1
      '_lock: full', // 4:1
      '_packageId: crm', // 5:1
    )
    const diagnostics = found(position)
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '3:1 "protection" on position "sales_manager" is not supported by this version of ObjectOS',
      '4:1 "_lock" on position "sales_manager" is not supported by this version of ObjectOS',
      '5:1 "_packageId" on position "sales_manager" is not supported by this version of ObjectOS',
    ])
    expect(diagnostics.every((d) => d.code === 'OOS_SUPPORT_POSITION_KEY')).toBe(true)
    expect(diagnostics[0]?.hint).toBe('the engine would ignore it; remove it')
    expect(diagnostics[1]?.hint).toContain('package installs')
  })

  it('accepts refused keys that declare nothing', () => {
    const position = lines(
      'name: sales_manager',
      'label: Sales manager',
      'delegatable: false',
      'protection: {}',
      'permissionSets: []',
    )
    expect(check(position)).toEqual([])
  })

  it('ignores documents that are not positions', () => {
    const diagnostics = runRule(positionSupportRule, {
      'permissions/sales.permission.yaml': lines('name: sales', 'objects: {}', 'protection: {}'),
      'sharing/big.sharing.yaml': lines(
        'name: big',
        'object: account',
        'type: criteria',
        'condition: "true"',
        'sharedWith: { type: position, value: sales_manager }',
        'delegatable: true',
      ),
    })
    expect(diagnostics).toEqual([])
  })
})
