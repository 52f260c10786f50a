/**
 * Test-only: five accounts whose values cover every operator's edge (NULLs, empty lists, mixed
 * case, LIKE wildcards and a quote in names, a two-level parent chain), and a `names` helper
 * that lists the accounts a filter matches.
 */
import type { DataRecord } from '../../values/row-codec.js'
import { findRecords } from '../find-records.js'
import type { Filter } from '../query-types.js'
import type { QueryTestApp } from './query-test-app.js'

export const accountIds = {
  acme: '00000000-0000-4000-8000-00000000000a',
  acorn: '00000000-0000-4000-8000-00000000000b',
  bolt: '00000000-0000-4000-8000-00000000000c',
  zed: '00000000-0000-4000-8000-00000000000d',
  obrien: '00000000-0000-4000-8000-00000000000e',
}

export const accounts: readonly DataRecord[] = [
  {
    id: accountIds.acme,
    name: 'Acme Corp',
    industry: 'tech',
    employees: 100,
    revenue: 1000.5,
    rating: 4,
    active: true,
    founded: '2001-05-01',
    last_contact: '2024-03-01T10:00:00.000Z',
    opens_at: '09:00:00',
    tags: ['key', 'vip'],
    regions: ['eu', 'us'],
    settings: { theme: 'dark' },
  },
  {
    id: accountIds.acorn,
    name: 'acorn ltd',
    industry: 'retail',
    employees: 50,
    revenue: 200,
    rating: 2,
    active: false,
    founded: '1999-12-31',
    last_contact: '2024-01-15T08:30:00.000Z',
    opens_at: '08:30:00',
    tags: ['small'],
    regions: ['eu'],
    parent_account: accountIds.acme,
  },
  {
    id: accountIds.bolt,
    name: 'Bolt 50% Off_Sale',
    industry: 'finance',
    tags: [],
    parent_account: accountIds.acorn,
  },
  {
    id: accountIds.zed,
    name: 'Zed',
    employees: 500,
    revenue: 99999.99,
    rating: 5,
    active: true,
    founded: '2010-01-01',
    last_contact: '2023-12-31T23:59:59.000Z',
    opens_at: '17:45:00',
    regions: ['apac'],
  },
  {
    id: accountIds.obrien,
    name: "O'Brien & Co",
    industry: 'tech',
    employees: 0,
    revenue: 0,
    rating: 1,
    active: false,
    founded: '2001-05-01',
    last_contact: '2024-03-01T10:00:00.000Z',
    opens_at: '09:00:00',
    tags: ['VIP'],
    regions: ['us'],
  },
]

/** The names of the accounts `filter` matches, sorted. */
export async function accountNames(app: QueryTestApp, filter: Filter): Promise<string[]> {
  const { records } = await findRecords(app.db(), app.registry, 'account', { filter, limit: 500 })
  return records.map((r) => String(r.name)).sort()
}
