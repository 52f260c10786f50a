import { describe, expect, it } from 'vitest'
import type { ColumnType } from '../data/schema/column-type.js'
import { checkOf, conversionOf, sourceClassOf } from './value-conversion.js'

const accepts = (
  from: Parameters<typeof checkOf>[0],
  to: ColumnType,
  dialect: 'sqlite' | 'postgres',
) => {
  const check = checkOf(from, to, dialect)
  return (text: string): boolean => (check === undefined ? true : check(text))
}

describe('value conversion checks', () => {
  it('classifies live SQL types', () => {
    expect(sourceClassOf('numeric(18,2)', 'postgres')).toBe('number')
    expect(sourceClassOf('timestamp with time zone', 'postgres')).toBe('datetime')
    expect(sourceClassOf('time without time zone', 'postgres')).toBe('time')
    expect(sourceClassOf('character varying(255)', 'postgres')).toBe('text')
    expect(sourceClassOf('real', 'sqlite')).toBe('number')
    expect(sourceClassOf('text', 'sqlite')).toBe('text')
  })

  it('lets every value become text', () => {
    expect(checkOf('json', { kind: 'text' }, 'postgres')).toBeUndefined()
    expect(checkOf('number', { kind: 'text' }, 'sqlite')).toBeUndefined()
  })

  it('accepts numbers written as text, nothing else', () => {
    const ok = accepts('text', { kind: 'double' }, 'postgres')
    expect(['1', '-2.5', ' 3e2 ', '.5', '+7.'].map(ok)).toEqual([true, true, true, true, true])
    expect(['', 'abc', '1,5', '12abc', 'NaN', 'Infinity', '1e999'].map(ok)).toEqual(
      Array(7).fill(false),
    )
  })

  it('keeps integers whole and within the column range', () => {
    const pg = accepts('number', { kind: 'integer' }, 'postgres')
    expect(['3', '3.0', '-2147483647', '2147483647'].map(pg)).toEqual([true, true, true, true])
    expect(['3.5', '2147483648'].map(pg)).toEqual([false, false])
    expect(accepts('number', { kind: 'integer' }, 'sqlite')('2147483648')).toBe(true)
  })

  it('keeps numerics below 10^(18 - scale)', () => {
    const ok = accepts('number', { kind: 'numeric', scale: 2 }, 'postgres')
    expect(
      ['9999999999999999.99', '-9999999999999999.994', '0.001', '1.5e15', '0'].map(ok),
    ).toEqual(Array(5).fill(true))
    expect(['1e16', '9999999999999999.995', '-10000000000000000', 'x'].map(ok)).toEqual(
      Array(4).fill(false),
    )
  })

  it('accepts boolean words and 0/1', () => {
    const words = accepts('text', { kind: 'boolean' }, 'postgres')
    expect(['true', 'F', ' yes ', 'off', '1', '0'].map(words)).toEqual(Array(6).fill(true))
    expect(['maybe', '2', ''].map(words)).toEqual([false, false, false])
    const numbers = accepts('number', { kind: 'boolean' }, 'sqlite')
    expect(['1', '0', '1.0', '2'].map(numbers)).toEqual([true, true, true, false])
  })

  it('accepts real calendar dates, times and ISO date-times', () => {
    const date = accepts('text', { kind: 'date' }, 'postgres')
    expect(['2024-02-29', '2023-02-29', '2024-13-01', '01/02/2024'].map(date)).toEqual([
      true,
      false,
      false,
      false,
    ])
    const at = accepts('text', { kind: 'datetime' }, 'postgres')
    expect(['2024-01-01', '2024-01-01T10:00:00Z', '2024-01-01 10:00:00.123+02:00'].map(at)).toEqual(
      [true, true, true],
    )
    expect(['2024-01-01T25:00', 'now'].map(at)).toEqual([false, false])
    const time = accepts('text', { kind: 'time' }, 'postgres')
    expect(['09:30', '23:59:59.5', '24:00', '9:30'].map(time)).toEqual([true, true, false, false])
  })

  it('refuses every value when the types have nothing in common', () => {
    expect(accepts('time', { kind: 'date' }, 'postgres')('10:00:00')).toBe(false)
    expect(
      conversionOf('time without time zone', { kind: 'date' }, 'date', 'postgres').sql('"c"'),
    ).toBe('null::date')
  })

  it('accepts JSON that parses (without NUL, which jsonb refuses)', () => {
    const json = accepts('text', { kind: 'json' }, 'postgres')
    expect(['{"a":1}', '[1]', '"s"', '{', '"\\u0000"'].map(json)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
  })
})
