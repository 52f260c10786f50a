import { InvalidFilter, InvalidQuery, UnknownField } from '@objectos/errors'
import { beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { aggregateRecords } from './aggregate-records.js'
import type { AggregateQuery } from './query-types.js'
import { accountIds, accounts } from './testing/account-fixture.js'
import { useQueryTestApp } from './testing/query-test-app.js'

const { acme, acorn, zed } = accountIds

describe.each(dialects)('aggregateRecords on %s', (dialect) => {
  const app = useQueryTestApp(dialect)
  const aggregate = (query: AggregateQuery, object = 'account') =>
    aggregateRecords(app.db(), app.registry, object, query)
  beforeAll(async () => {
    await app.insert('account', accounts)
    await app.insert('opportunity', [
      { name: 'a', account: acme, amount: 0.1, stage: 'won', close_date: '2024-01-10' },
      { name: 'b', account: acme, amount: 0.2, stage: 'open', close_date: '2024-03-01' },
      { name: 'c', account: acorn, amount: 100.05, stage: 'won', close_date: '2023-12-31' },
      { name: 'd', account: zed, amount: 7, stage: 'lost' },
      { name: 'e', account: zed, amount: null, stage: 'open' },
      { name: 'f', amount: 3 },
    ])
  })

  it('computes count, sum, avg, min and max over all rows', async () => {
    const { groups } = await aggregate({
      aggregates: {
        rows: { fn: 'count' },
        withEmployees: { fn: 'count', field: 'employees' },
        staff: { fn: 'sum', field: 'employees' },
        average: { fn: 'avg', field: 'employees' },
        smallest: { fn: 'min', field: 'employees' },
        newest: { fn: 'max', field: 'founded' },
        first: { fn: 'min', field: 'name' },
      },
    })
    expect(groups).toEqual([
      {
        rows: 5,
        withEmployees: 4,
        staff: 650,
        average: 162.5,
        smallest: 0,
        newest: '2010-01-01',
        first: 'Acme Corp',
      },
    ])
  })

  it('sums decimals exactly on both dialects', async () => {
    const { groups } = await aggregate(
      { aggregates: { total: { fn: 'sum', field: 'amount' } }, filter: { account: acme } },
      'opportunity',
    )
    expect(groups).toEqual([{ total: 0.3 }])
  })

  it('groups by a field, decoding keys, with NULL as its own group sorted last', async () => {
    const { groups } = await aggregate({
      groupBy: ['active'],
      aggregates: { n: { fn: 'count' }, staff: { fn: 'sum', field: 'employees' } },
    })
    expect(groups).toEqual([
      { active: false, n: 2, staff: 50 },
      { active: true, n: 2, staff: 600 },
      { active: null, n: 1, staff: null },
    ])
  })

  it('groups across a lookup and by several fields, with a filter and a sort', async () => {
    const byIndustry = await aggregate(
      {
        groupBy: ['account.industry'],
        aggregates: { deals: { fn: 'count' }, total: { fn: 'sum', field: 'amount' } },
        sort: ['-deals', 'account.industry'],
      },
      'opportunity',
    )
    expect(byIndustry.groups).toEqual([
      { 'account.industry': null, deals: 3, total: 10 },
      { 'account.industry': 'tech', deals: 2, total: 0.3 },
      { 'account.industry': 'retail', deals: 1, total: 100.05 },
    ])
    const byStage = await aggregate(
      {
        filter: { stage: { $ne: 'lost' }, 'account.name': { $contains: 'AC' } },
        groupBy: ['account.name', 'stage'],
        aggregates: { n: { fn: 'count' }, last: { fn: 'max', field: 'close_date' } },
      },
      'opportunity',
    )
    expect(byStage.groups).toEqual([
      { 'account.name': 'Acme Corp', stage: 'open', n: 1, last: '2024-03-01' },
      { 'account.name': 'Acme Corp', stage: 'won', n: 1, last: '2024-01-10' },
      { 'account.name': 'acorn ltd', stage: 'won', n: 1, last: '2023-12-31' },
    ])
  })

  it('groups across two lookups and limits the groups', async () => {
    const { groups } = await aggregate({
      groupBy: ['parent_account.parent_account.name'],
      aggregates: { n: { fn: 'count' } },
      limit: 1,
    })
    expect(groups).toEqual([{ 'parent_account.parent_account.name': 'Acme Corp', n: 1 }])
  })

  const invalid: [string, unknown, (e: unknown) => boolean, string][] = [
    ['no aggregates', { groupBy: ['industry'] }, InvalidQuery.is, 'aggregates'],
    ['empty aggregates', { aggregates: {} }, InvalidQuery.is, 'aggregates'],
    [
      'an unknown function',
      { aggregates: { m: { fn: 'median', field: 'employees' } } },
      InvalidQuery.is,
      'median',
    ],
    ['sum of text', { aggregates: { s: { fn: 'sum', field: 'name' } } }, InvalidQuery.is, 'number'],
    [
      'avg of a date',
      { aggregates: { s: { fn: 'avg', field: 'founded' } } },
      InvalidQuery.is,
      'founded',
    ],
    [
      'max of a boolean',
      { aggregates: { s: { fn: 'max', field: 'active' } } },
      InvalidQuery.is,
      'active',
    ],
    ['sum without a field', { aggregates: { s: { fn: 'sum' } } }, InvalidQuery.is, 'field'],
    [
      'an unknown aggregate field',
      { aggregates: { s: { fn: 'sum', field: 'staff' } } },
      UnknownField.is,
      'staff',
    ],
    [
      'an unknown group field',
      { groupBy: ['sector'], aggregates: { n: { fn: 'count' } } },
      UnknownField.is,
      'sector',
    ],
    [
      'an unknown group path',
      { groupBy: ['parent_account.sector'], aggregates: { n: { fn: 'count' } } },
      UnknownField.is,
      'parent_account.sector',
    ],
    [
      'a group path through a non-lookup',
      { groupBy: ['name.length'], aggregates: { n: { fn: 'count' } } },
      InvalidQuery.is,
      'not a lookup',
    ],
    [
      'grouping by a list',
      { groupBy: ['tags'], aggregates: { n: { fn: 'count' } } },
      InvalidQuery.is,
      'tags',
    ],
    [
      'a name clashing with a group',
      { groupBy: ['industry'], aggregates: { industry: { fn: 'count' } } },
      InvalidQuery.is,
      'industry',
    ],
    [
      'a name that is not an identifier',
      { aggregates: { 'a b': { fn: 'count' } } },
      InvalidQuery.is,
      'a b',
    ],
    [
      'an extra key in an aggregate',
      { aggregates: { n: { fn: 'count', distinct: true } } },
      InvalidQuery.is,
      'aggregates.n',
    ],
    [
      'a sort on something else',
      { aggregates: { n: { fn: 'count' } }, sort: ['-total'] },
      UnknownField.is,
      'total',
    ],
    [
      'a limit above 500',
      { aggregates: { n: { fn: 'count' } }, limit: 501 },
      InvalidQuery.is,
      'limit',
    ],
    [
      'a bad filter',
      { aggregates: { n: { fn: 'count' } }, filter: { employees: { $gt: 'x' } } },
      InvalidFilter.is,
      'employees',
    ],
    [
      'an unknown key',
      { aggregates: { n: { fn: 'count' } }, having: {} },
      InvalidQuery.is,
      'having',
    ],
  ]
  it.each(invalid)('rejects %s', async (_label, query, is, mention) => {
    const error = await aggregate(query as AggregateQuery).catch((e: unknown) => e)
    expect(is(error), String(error)).toBe(true)
    expect((error as Error).message).toContain(mention)
  })
})
