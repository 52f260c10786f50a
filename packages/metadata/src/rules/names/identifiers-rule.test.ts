import { describe, expect, it } from 'vitest'
import { checkRules } from '../check-rules.js'
import { withoutSupportFindings } from '../support/testing/without-support-findings.js'
import { lines, parsedApp, positions } from '../testing/parsed-app.js'
import { utf8Length } from './identifiers-rule.js'
import { reservedIn } from './reserved-words.js'

function check(file: string, text: string) {
  const docs = parsedApp({ [file]: text })
  return withoutSupportFindings(checkRules(docs, docs))
}

describe('identifiers', () => {
  it('accepts ordinary snake_case names, including non-reserved SQL keywords', () => {
    const text = lines('name: invoice', 'fields:', '  name: {}', '  type: {}', '  status: {}')
    expect(check('objects/invoice.object.yaml', text)).toEqual([])
  })

  it('reports an object named with a reserved word', () => {
    const found = check('objects/order.object.yaml', lines('name: order', 'fields: {}'))
    expect(positions(found)).toEqual(['objects/order.object.yaml:1:7 OOS_NAME_RESERVED_WORD'])
    expect(found[0]?.message).toBe(
      'object name "order" is a reserved word in PostgreSQL and SQLite',
    )
  })

  it("reports an object in the engine's objectos_ namespace", () => {
    const text = lines('name: objectos_sequences', 'fields: {}')
    const found = check('objects/objectos_sequences.object.yaml', text)
    expect(positions(found)).toEqual([
      'objects/objectos_sequences.object.yaml:1:7 OOS_NAME_SYSTEM_TABLE',
    ])
  })

  it('reports reserved field names at their keys', () => {
    const text = lines('name: invoice', 'fields:', '  user: {}', '  group: {}', '  "null": {}')
    const found = check('objects/invoice.object.yaml', text)
    expect(positions(found)).toEqual([
      'objects/invoice.object.yaml:3:3 OOS_NAME_RESERVED_WORD',
      'objects/invoice.object.yaml:4:3 OOS_NAME_RESERVED_WORD',
      'objects/invoice.object.yaml:5:3 OOS_NAME_RESERVED_WORD',
    ])
    expect(found[0]?.message).toBe('field name "user" is a reserved word in PostgreSQL')
    expect(found[2]?.message).toBe(
      'field name "null" is a reserved word in PostgreSQL, SQLite and CEL',
    )
  })

  it('reports names longer than 63 bytes', () => {
    const long = `a${'_b'.repeat(32)}` // 65 characters
    const found = check(
      'objects/invoice.object.yaml',
      lines('name: invoice', 'fields:', `  ${long}: {}`),
    )
    expect(positions(found)).toEqual(['objects/invoice.object.yaml:3:3 OOS_NAME_TOO_LONG'])
    expect(found[0]?.message).toContain('is 65 bytes long; PostgreSQL identifiers hold at most 63')
  })

  it('reports fields named like the system columns, unless declared as system fields', () => {
    const text = lines(
      'name: invoice',
      'fields:',
      '  id: { type: text }',
      '  created_at: { type: datetime, system: true }',
      '  owner_id: { type: text }',
    )
    const found = check('objects/invoice.object.yaml', text)
    expect(positions(found)).toEqual([
      'objects/invoice.object.yaml:3:3 OOS_NAME_SYSTEM_COLUMN',
      'objects/invoice.object.yaml:5:3 OOS_NAME_SYSTEM_COLUMN',
    ])
    expect(found[0]?.message).toBe(
      'field "id" collides with the system column "id" that ObjectOS adds to every table',
    )
  })

  it('counts bytes, not characters, and compares reserved words case-insensitively', () => {
    expect(utf8Length('é€😀')).toBe(2 + 3 + 4)
    expect(reservedIn('SELECT')).toEqual(['PostgreSQL', 'SQLite'])
    expect(reservedIn('in')).toEqual(['PostgreSQL', 'SQLite', 'CEL'])
    expect(reservedIn('amount')).toEqual([])
  })
})
