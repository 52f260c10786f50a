/**
 * Relationships on every dialect: references must exist, master-detail children cascade,
 * `restrict` refuses, `set_null` clears, and roll-up summaries stay right through child creates,
 * updates, re-parenting and deletes.
 */
import { DeleteRestricted, ValidationFailed, type ObjectOSError } from '@objectos/errors'
import { describe, expect, it } from 'vitest'
import { dialects } from '../../src/testing/test-database.js'
import { useTestApp } from '../../src/testing/test-app.js'

const app = {
  account: `
fields:
  name: { type: text, required: true }
  deal_count: { type: summary, summaryOperations: { object: deal, field: amount, function: count } }
  deal_total: { type: summary, summaryOperations: { object: deal, field: amount, function: sum } }
  biggest: { type: summary, summaryOperations: { object: deal, field: amount, function: max } }
  smallest: { type: summary, summaryOperations: { object: deal, field: amount, function: min } }
  average: { type: summary, summaryOperations: { object: deal, field: amount, function: avg } }
`,
  deal: `
fields:
  name: { type: text }
  account: { type: master_detail, reference: account }
  amount: { type: currency, currencyConfig: { precision: 2 } }
`,
  line: `
fields:
  deal: { type: master_detail, reference: deal, deleteBehavior: cascade }
  qty: { type: number }
`,
  contract: `
fields:
  account: { type: lookup, reference: account, deleteBehavior: restrict }
`,
  note: `
fields:
  account: { type: lookup, reference: account }
  body: { type: text }
`,
}

describe.each(dialects)('relations on %s', (dialect) => {
  const test = useTestApp(dialect, app)
  const account = async (name = 'Acme') => String((await test().create('account', { name })).id)
  const summaryOf = async (id: string) => {
    const row = (await test().rows('account')).find((r) => r.id === id)
    return [row?.deal_count, row?.deal_total, row?.biggest, row?.smallest, row?.average]
  }

  it('refuses a reference to a record that does not exist', async () => {
    const error = await test()
      .create('deal', { account: 'no-such-id' })
      .catch((e: unknown) => e)
    expect(ValidationFailed.is(error)).toBe(true)
    expect((error as ObjectOSError).errors[0]).toMatchObject({
      field: 'account',
      code: 'reference',
    })
  })

  it('keeps summaries right through child creates, updates, re-parenting and deletes', async () => {
    const a = await account('A')
    const b = await account('B')
    expect(await summaryOf(a)).toEqual([0, 0, null, null, null])
    const d1 = String((await test().create('deal', { account: a, amount: 100 })).id)
    const d2 = String((await test().create('deal', { account: a, amount: 50.5 })).id)
    expect(await summaryOf(a)).toEqual([2, 150.5, 100, 50.5, 75.25])
    await test().update('deal', d2, { amount: 200 })
    expect(await summaryOf(a)).toEqual([2, 300, 200, 100, 150])
    await test().update('deal', d1, { account: b })
    expect(await summaryOf(a)).toEqual([1, 200, 200, 200, 200])
    expect(await summaryOf(b)).toEqual([1, 100, 100, 100, 100])
    await test().delete('deal', d2)
    expect(await summaryOf(a)).toEqual([0, 0, null, null, null])
  })

  it('counts every child when many are added to one parent at once', async () => {
    const a = await account('Busy')
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => test().create('deal', { account: a, amount: i + 1 })),
    )
    expect(await summaryOf(a)).toEqual([20, 210, 20, 1, 10.5])
  })

  it('cascades a master delete to its details, their details and their summaries', async () => {
    const a = await account('Cascade')
    const deal = String((await test().create('deal', { account: a, amount: 10 })).id)
    await test().create('line', { deal, qty: 1 })
    await test().create('line', { deal, qty: 2 })
    const linesBefore = (await test().rows('line')).length
    await test().delete('account', a)
    expect((await test().rows('deal')).some((d) => d.account === a)).toBe(false)
    expect(await test().rows('line')).toHaveLength(linesBefore - 2)
  })

  it('refuses to delete a record that restricting children still refer to, changing nothing', async () => {
    const a = await account('Restricted')
    await test().create('deal', { account: a, amount: 5 })
    await test().create('contract', { account: a })
    const before = { deals: await test().rows('deal'), accounts: await test().rows('account') }
    const error = await test()
      .delete('account', a)
      .catch((e: unknown) => e)
    expect(DeleteRestricted.is(error)).toBe(true)
    expect((error as Error).message).toContain(
      'contract records still refer to it through "account"',
    )
    expect(await test().rows('deal')).toEqual(before.deals)
    expect(await test().rows('account')).toEqual(before.accounts)
  })

  it('clears lookups with set_null and bumps their version', async () => {
    const a = await account('Nulled')
    const note = await test().create('note', { account: a, body: 'hi' })
    await test().delete('account', a)
    const stored = (await test().rows('note')).find((n) => n.id === note.id)
    expect(stored).toMatchObject({ account: null, body: 'hi', version: 2 })
  })
})
