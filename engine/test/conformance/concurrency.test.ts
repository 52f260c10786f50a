/**
 * Writes that race: optimistic concurrency (a stale version is refused), and autonumbers that
 * never repeat under concurrent creates, on every dialect.
 */
import {
  RecordNotFound,
  ValidationFailed,
  VersionConflict,
  type ObjectOSError,
} from '@objectos/errors'
import { describe, expect, it } from 'vitest'
import { dialects } from '../../src/testing/test-database.js'
import { useTestApp } from '../../src/testing/test-app.js'

const invoice = `
fields:
  number: { type: autonumber, autonumberFormat: 'INV-{YYYY}-{0000}' }
  amount: { type: number }
  reference: { type: text, unique: true }
`

describe.each(dialects)('concurrency on %s', (dialect) => {
  const app = useTestApp(dialect, { invoice })

  it('refuses an update or delete carrying a stale version, changing nothing', async () => {
    const created = await app().create('invoice', { amount: 1 })
    const id = String(created.id)
    const updated = await app().update('invoice', id, { amount: 2 }, { expectedVersion: 1 })
    expect(updated.version).toBe(2)
    const stale = await app()
      .update('invoice', id, { amount: 3 }, { expectedVersion: 1 })
      .catch((e: unknown) => e)
    expect(VersionConflict.is(stale)).toBe(true)
    expect((stale as ObjectOSError).status).toBe(412)
    await expect(app().delete('invoice', id, { expectedVersion: 1 })).rejects.toThrow(
      /changed by someone else/,
    )
    expect((await app().rows('invoice')).find((r) => r.id === id)).toMatchObject({
      amount: 2,
      version: 2,
    })
  })

  it('lets exactly one of two concurrent updates from the same version win', async () => {
    const id = String((await app().create('invoice', { amount: 1 })).id)
    const results = await Promise.allSettled([
      app().update('invoice', id, { amount: 10 }, { expectedVersion: 1 }),
      app().update('invoice', id, { amount: 20 }, { expectedVersion: 1 }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((r) => r.status === 'rejected')
    expect(VersionConflict.is((rejected as PromiseRejectedResult).reason)).toBe(true)
    expect((await app().rows('invoice')).find((r) => r.id === id)?.version).toBe(2)
  })

  it('lets exactly one of several concurrent creates claim a unique value', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => app().create('invoice', { reference: 'PO-7' })),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const result of results) {
      if (result.status === 'fulfilled') continue
      expect(ValidationFailed.is(result.reason)).toBe(true)
      expect((result.reason as ObjectOSError).errors[0]?.code).toBe('unique')
    }
    expect((await app().rows('invoice')).filter((r) => r.reference === 'PO-7')).toHaveLength(1)
  })

  it('answers RecordNotFound for a missing record', async () => {
    await expect(app().update('invoice', 'missing', {})).rejects.toSatisfy(RecordNotFound.is)
    await expect(app().delete('invoice', 'missing')).rejects.toSatisfy(RecordNotFound.is)
  })

  it('never hands out the same autonumber twice, even to concurrent creates', async () => {
    await app().clear()
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) => app().create('invoice', { amount: i })),
    )
    const numbers = created.map((r) => String(r.number))
    expect(new Set(numbers).size).toBe(40)
    const year = new Date().getUTCFullYear()
    expect(numbers.every((n) => new RegExp(`^INV-${year}-\\d{4}$`).test(n))).toBe(true)
    const counters = numbers.map((n) => Number(n.slice(-4))).sort((a, b) => a - b)
    expect(counters[counters.length - 1]! - counters[0]!).toBe(39)
  })
})
