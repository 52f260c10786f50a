/**
 * Every supported field type round-trips on every dialect: what is written is what is read back,
 * in the engine's canonical form, and a value of the wrong shape is refused with the field named.
 */
import { ValidationFailed } from '@objectos/errors'
import { describe, expect, it } from 'vitest'
import { dialects } from '../../src/testing/test-database.js'
import { useTestApp } from '../../src/testing/test-app.js'

const everyType = `
fields:
  text_f: { type: text }
  textarea_f: { type: textarea }
  markdown_f: { type: markdown }
  html_f: { type: html }
  richtext_f: { type: richtext }
  code_f: { type: code }
  phone_f: { type: phone }
  email_f: { type: email }
  url_f: { type: url }
  color_f: { type: color }
  number_f: { type: number }
  currency_f: { type: currency, currencyConfig: { precision: 2 } }
  percent_f: { type: percent }
  rating_f: { type: rating }
  boolean_f: { type: boolean }
  toggle_f: { type: toggle }
  date_f: { type: date }
  datetime_f: { type: datetime }
  time_f: { type: time }
  select_f: { type: select, options: [{ label: A, value: aa }, { label: B, value: bb }] }
  radio_f: { type: radio, options: [{ label: A, value: aa }, { label: B, value: bb }] }
  multiselect_f: { type: multiselect, options: [{ label: A, value: aa }, { label: B, value: bb }] }
  checkboxes_f: { type: checkboxes, options: [{ label: A, value: aa }, { label: B, value: bb }] }
  tags_f: { type: tags }
  json_f: { type: json }
  other: { type: lookup, reference: target }
  auto_f: { type: autonumber, autonumberFormat: 'T-{000}' }
  formula_f: { type: formula, returnType: number, expression: record.number_f * 2.0 }
`

const sample: Record<string, unknown> = {
  text_f: 'Ünïcode ✓ text',
  textarea_f: 'line one\nline two',
  markdown_f: '# Title',
  html_f: '<p>hi</p>',
  richtext_f: '<b>rich</b>',
  code_f: 'const x = 1',
  phone_f: '+49 30 1234567',
  email_f: 'ada@example.com',
  url_f: 'https://example.com/a?b=c',
  color_f: '#1e90ff',
  number_f: 12.5,
  currency_f: 1234.56,
  percent_f: 40,
  rating_f: 4,
  boolean_f: true,
  toggle_f: false,
  date_f: '2026-02-28',
  datetime_f: '2026-02-28T09:30:15.250Z',
  time_f: '17:45:00',
  select_f: 'bb',
  radio_f: 'aa',
  multiselect_f: ['aa', 'bb'],
  checkboxes_f: ['bb'],
  tags_f: ['vip', 'q3'],
  json_f: { nested: { list: [1, 'two', null, true] } },
}

describe.each(dialects)('field types on %s', (dialect) => {
  const app = useTestApp(dialect, {
    thing: everyType,
    target: 'fields:\n  label: { type: text }\n',
  })

  it('round-trips a value of every supported type', async () => {
    const target = await app().create('target', { label: 't' })
    const created = await app().create('thing', { ...sample, other: target.id })
    const [stored] = await app().rows('thing')
    for (const [name, value] of Object.entries(sample)) {
      expect({ name, value: stored?.[name] }).toEqual({ name, value })
      expect({ name, value: created[name] }).toEqual({ name, value })
    }
    expect(stored?.other).toBe(target.id)
    expect(stored?.auto_f).toBe('T-001')
    expect(stored?.formula_f).toBe(25)
  })

  it('reads empty fields back as null, and empty lists as []', async () => {
    const created = await app().create('thing', {})
    const stored = (await app().rows('thing')).find((r) => r.id === created.id)
    expect(stored?.text_f).toBeNull()
    expect(stored?.boolean_f).toBeNull()
    expect(stored?.multiselect_f).toEqual([])
    expect(created.multiselect_f).toEqual([])
  })

  it('normalises date-times to UTC and times to HH:MM:SS', async () => {
    const created = await app().create('thing', {
      datetime_f: '2026-02-28T10:30:00+01:00',
      time_f: '08:05',
    })
    const stored = (await app().rows('thing')).find((r) => r.id === created.id)
    expect(stored?.datetime_f).toBe('2026-02-28T09:30:00.000Z')
    expect(stored?.time_f).toBe('08:05:00')
  })

  it.each([
    ['number_f', '12', 'must be a number'],
    ['boolean_f', 1, 'must be true or false'],
    ['date_f', '2026-02-30', 'is not a real date'],
    ['date_f', '28.02.2026', 'must be a date YYYY-MM-DD'],
    ['datetime_f', '2026-02-28 09:30', 'must be an ISO 8601 date-time'],
    ['time_f', '25:00', 'must be a time of day'],
    ['rating_f', 2.5, 'must be a whole number'],
    ['multiselect_f', 'aa', 'must be a list of strings'],
    ['text_f', { a: 1 }, 'must be a string'],
    ['json_f', { __proto__: null, f: () => 1 }, 'must be plain JSON'],
  ])('refuses %s = %j, naming the field', async (field, value, message) => {
    const before = await app().rows('thing')
    const error = await app()
      .create('thing', { [field]: value })
      .catch((e: unknown) => e)
    expect(ValidationFailed.is(error)).toBe(true)
    const problems = (error as { errors: { field: string; message: string }[] }).errors
    expect(problems).toHaveLength(1)
    expect(problems[0]?.field).toBe(field)
    expect(problems[0]?.message).toContain(message)
    expect(await app().rows('thing')).toHaveLength(before.length)
  })

  it('rounds currency to its precision', async () => {
    const created = await app().create('thing', { currency_f: 10.005 })
    const stored = (await app().rows('thing')).find((r) => r.id === created.id)
    expect(stored?.currency_f).toBeCloseTo(10.01, 5)
  })
})
