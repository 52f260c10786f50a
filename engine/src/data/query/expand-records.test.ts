import { InvalidQuery, UnknownField } from '@objectos/errors'
import { beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { findRecords } from './find-records.js'
import type { FindQuery } from './query-types.js'
import { accountIds, accounts } from './testing/account-fixture.js'
import { useQueryTestApp, type QueryTestApp } from './testing/query-test-app.js'

const { acme, acorn, bolt, zed } = accountIds

/** How many SQL statements `run` sends. */
async function statements(app: QueryTestApp, run: () => Promise<unknown>): Promise<number> {
  let count = 0
  const listener = () => {
    count++
  }
  app.db().knex.on('query', listener)
  try {
    await run()
  } finally {
    app.db().knex.off('query', listener)
  }
  return count
}

describe.each(dialects)('expand on %s', (dialect) => {
  const app = useQueryTestApp(dialect)
  const find = (object: string, query: FindQuery) =>
    findRecords(app.db(), app.registry, object, query)
  beforeAll(async () => {
    await app.insert('account', accounts)
    await app.insert('contact', [
      { id: 'c-ann', name: 'Ann', account: acme, created_at: '2024-01-01T00:00:00.000Z' },
      { id: 'c-bob', name: 'Bob', account: acme, created_at: '2024-01-02T00:00:00.000Z' },
      { id: 'c-cy', name: 'Cy', account: acorn, reports_to: 'c-ann' },
    ])
    await app.insert('opportunity', [
      { id: 'o-1', name: 'Big', account: acme, partner_account: zed, primary_contact: 'c-ann' },
      { id: 'o-2', name: 'Small', account: acorn, amount: 5 },
      { id: 'o-3', name: 'Orphan' },
    ])
  })

  it('replaces a lookup id with the decoded record, and a missing one with null', async () => {
    const { records } = await find('opportunity', { expand: ['account'], sort: ['id'] })
    expect(records.map((r) => (r.account as { name: string } | null)?.name ?? null)).toEqual([
      'Acme Corp',
      'acorn ltd',
      null,
    ])
    expect(records[0]?.account).toMatchObject({ id: acme, active: true, tags: ['key', 'vip'] })
  })

  it('expands lookups of lookups', async () => {
    const { records } = await find('account', {
      filter: { id: bolt },
      expand: ['parent_account.parent_account'],
    })
    const parent = records[0]?.parent_account as Record<string, unknown>
    expect(parent.name).toBe('acorn ltd')
    expect((parent.parent_account as Record<string, unknown>).name).toBe('Acme Corp')
  })

  it('attaches child lists named by the child object, ordered by creation', async () => {
    const { records } = await find('account', { expand: ['contact'], sort: ['id'] })
    const contacts = Object.fromEntries(
      records.map((r) => [r.id, (r.contact as { name: string }[]).map((c) => c.name)]),
    )
    expect(contacts[acme]).toEqual(['Ann', 'Bob'])
    expect(contacts[acorn]).toEqual(['Cy'])
    expect(contacts[zed]).toEqual([])
  })

  it('needs child.field when a child points here through several lookups', async () => {
    const error = await find('account', { expand: ['opportunity'] }).catch((e: unknown) => e)
    expect(InvalidQuery.is(error)).toBe(true)
    expect((error as Error).message).toContain(
      '"opportunity.account" or "opportunity.partner_account"',
    )
    const { records } = await find('account', {
      filter: { id: zed },
      expand: ['opportunity.account', 'opportunity.partner_account'],
    })
    expect(records[0]?.['opportunity.account']).toEqual([])
    expect(
      (records[0]?.['opportunity.partner_account'] as { id: string }[]).map((o) => o.id),
    ).toEqual(['o-1'])
  })

  it('expands a self relation and nests through child lists', async () => {
    const { records } = await find('account', {
      filter: { id: acme },
      expand: ['account', 'opportunity.account.primary_contact', 'contact.reports_to'],
    })
    const acmeRecord = records[0] as Record<string, unknown>
    expect((acmeRecord.account as { name: string }[]).map((a) => a.name)).toEqual(['acorn ltd'])
    const deals = acmeRecord['opportunity.account'] as Record<string, unknown>[]
    expect(deals.map((d) => (d.primary_contact as { name: string }).name)).toEqual(['Ann'])
    const contacts = acmeRecord.contact as Record<string, unknown>[]
    expect(contacts.map((c) => c.reports_to)).toEqual([null, null])
  })

  it('keeps the expanded lookup when fields leave it out', async () => {
    const { records } = await find('opportunity', {
      filter: { id: 'o-2' },
      fields: ['name'],
      expand: ['account'],
    })
    expect(Object.keys(records[0] ?? {}).sort()).toEqual(['account', 'id', 'name'])
  })

  it('rejects unknown names, non-lookup fields and too deep paths', async () => {
    const unknown = await find('account', { expand: ['invoices'] }).catch((e: unknown) => e)
    expect(UnknownField.is(unknown)).toBe(true)
    expect((unknown as Error).message).toContain('invoices')
    const plain = await find('account', { expand: ['name'] }).catch((e: unknown) => e)
    expect(InvalidQuery.is(plain)).toBe(true)
    const deep = await find('account', {
      expand: ['parent_account.parent_account.parent_account.parent_account'],
    }).catch((e: unknown) => e)
    expect(InvalidQuery.is(deep)).toBe(true)
    const notList = await find('account', { expand: 'contact' as never }).catch((e: unknown) => e)
    expect(InvalidQuery.is(notList)).toBe(true)
  })

  it('sends the same number of statements for 3 rows as for 30', async () => {
    const query: FindQuery = {
      expand: ['account.parent_account', 'primary_contact', 'partner_account'],
      count: true,
      limit: 100,
    }
    const parents: FindQuery = { expand: ['contact', 'opportunity.account'], limit: 100 }
    const few = await statements(app, () => find('opportunity', query))
    const fewParents = await statements(app, () => find('account', parents))
    await app.insert(
      'opportunity',
      Array.from({ length: 27 }, (_, i) => ({
        name: `bulk ${i}`,
        account: [acme, acorn, bolt, zed][i % 4],
        primary_contact: ['c-ann', 'c-bob', 'c-cy'][i % 3],
        partner_account: i % 2 === 0 ? zed : null,
      })),
    )
    const many = await statements(app, () => find('opportunity', query))
    expect((await find('opportunity', query)).records).toHaveLength(30)
    expect(many).toBe(few)
    // page + account + account.parent_account + primary_contact + partner_account + count
    expect(many).toBe(6)
    expect(await statements(app, () => find('account', parents))).toBe(fewParents)
  })
})
