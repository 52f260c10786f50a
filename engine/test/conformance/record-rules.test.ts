/**
 * Record semantics on every write path and dialect: required, defaults, unique, lengths, bounds,
 * options, formats, computed and read-only fields, audit columns — and a rejected write changes
 * nothing.
 */
import { ValidationFailed, type ObjectOSError } from '@objectos/errors'
import { describe, expect, it } from 'vitest'
import { dialects } from '../../src/testing/test-database.js'
import { useTestApp } from '../../src/testing/test-app.js'

const contact = `
fields:
  name: { type: text, required: true, maxLength: 10, minLength: 2 }
  email: { type: email, unique: true }
  website: { type: url }
  age: { type: number, min: 0, max: 150 }
  tier: { type: select, options: [{ label: Gold, value: gold }, { label: Silver, value: silver, default: true }] }
  colors: { type: multiselect, options: [{ label: Red, value: red }, { label: Blue, value: blue }] }
  active: { type: boolean, defaultValue: true }
  joined: { type: datetime, defaultValue: NOW() }
  code: { type: text, readonly: true }
  greeting: { type: formula, returnType: text, expression: "'Hello ' + record.name" }
`

async function problems(promise: Promise<unknown>): Promise<{ field: string; code: string }[]> {
  const error = await promise.catch((e: unknown) => e)
  if (!ValidationFailed.is(error))
    throw new Error(`expected ValidationFailed, got ${String(error)}`)
  return (error as ObjectOSError).errors.map(({ field, code }) => ({ field, code }))
}

describe.each(dialects)('record rules on %s', (dialect) => {
  const app = useTestApp(dialect, { contact })

  it('applies defaults, computes formulas and stamps the audit columns', async () => {
    const before = Date.now()
    const created = await app().create('contact', { name: 'Ada' }, { userId: 'u-1', door: 'test' })
    expect(created.tier).toBe('silver')
    expect(created.active).toBe(true)
    expect(Date.parse(String(created.joined))).toBeGreaterThanOrEqual(before - 1000)
    expect(created.greeting).toBe('Hello Ada')
    expect(created).toMatchObject({
      created_by: 'u-1',
      updated_by: 'u-1',
      owner_id: 'u-1',
      version: 1,
    })
    expect(created.created_at).toBe(created.updated_at)
    expect(String(created.id)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })

  it('reports every problem of a write at once, each naming its field', async () => {
    const found = await problems(
      app().create('contact', {
        email: 'not-an-email',
        website: 'ftp://x',
        age: 200,
        tier: 'bronze',
        colors: ['red', 'green'],
      }),
    )
    expect(found).toEqual([
      { field: 'name', code: 'required' },
      { field: 'email', code: 'format' },
      { field: 'website', code: 'format' },
      { field: 'age', code: 'max' },
      { field: 'tier', code: 'option' },
      { field: 'colors', code: 'option' },
    ])
  })

  it('checks lengths in characters, not bytes', async () => {
    expect(await problems(app().create('contact', { name: 'x' }))).toEqual([
      { field: 'name', code: 'min_length' },
    ])
    expect(await problems(app().create('contact', { name: 'abcdefghijk' }))).toEqual([
      { field: 'name', code: 'max_length' },
    ])
    await expect(app().create('contact', { name: 'ÄÖÜäöüßéèê' })).resolves.toBeDefined()
  })

  it('refuses unknown, computed and system fields instead of ignoring them', async () => {
    expect(
      await problems(
        app().create('contact', { name: 'Bo', nickname: 'b', greeting: 'x', version: 9 }),
      ),
    ).toEqual([
      { field: 'nickname', code: 'unknown_field' },
      { field: 'greeting', code: 'readonly' },
      { field: 'version', code: 'readonly' },
    ])
    expect(await problems(app().create('contact', { name: 'Bo', code: 'X1' }))).toEqual([
      { field: 'code', code: 'readonly' },
    ])
  })

  it('lets the owner be given on create and changed later', async () => {
    const owned = await app().create('contact', { name: 'Ol', owner_id: 'u-9' }, { userId: 'u-1' })
    expect(owned).toMatchObject({ owner_id: 'u-9', created_by: 'u-1' })
    const moved = await app().update('contact', String(owned.id), { owner_id: 'u-7' })
    expect(moved.owner_id).toBe('u-7')
  })

  it('keeps unique values unique, on create and on update', async () => {
    await app().create('contact', { name: 'Cy', email: 'cy@example.com' })
    expect(
      await problems(app().create('contact', { name: 'Di', email: 'cy@example.com' })),
    ).toEqual([{ field: 'email', code: 'unique' }])
    const di = await app().create('contact', { name: 'Di', email: 'di@example.com' })
    expect(
      await problems(app().update('contact', String(di.id), { email: 'cy@example.com' })),
    ).toEqual([{ field: 'email', code: 'unique' }])
    // Saving a record with its own unique value is fine.
    await expect(
      app().update('contact', String(di.id), { email: 'di@example.com' }),
    ).resolves.toBeDefined()
  })

  it('judges required fields on the merged record of an update', async () => {
    const ed = await app().create('contact', { name: 'Ed' })
    expect(await problems(app().update('contact', String(ed.id), { name: null }))).toEqual([
      { field: 'name', code: 'required' },
    ])
    const updated = await app().update('contact', String(ed.id), { age: 30 })
    expect(updated).toMatchObject({ name: 'Ed', age: 30, version: 2, greeting: 'Hello Ed' })
  })

  it('leaves the table unchanged when a write is rejected', async () => {
    const before = await app().rows('contact')
    await problems(app().create('contact', { name: 'Fi', age: -1 }))
    const first = before[0]
    if (first !== undefined) {
      await problems(app().update('contact', String(first.id), { age: -5 }))
    }
    expect(await app().rows('contact')).toEqual(before)
  })

  it('accepts a read record sent back unchanged, computed fields included', async () => {
    const gil = await app().create('contact', { name: 'Gil' })
    const { id, ...rest } = gil
    const updated = await app().update('contact', String(id), { ...rest, age: 41 })
    expect(updated.age).toBe(41)
  })
})
