import { InvalidQuery } from '@objectos/errors'
import { beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { findRecords } from './find-records.js'
import { searchableFields } from './search-filter.js'
import { accounts } from './testing/account-fixture.js'
import { useQueryTestApp } from './testing/query-test-app.js'

describe.each(dialects)('search on %s', (dialect) => {
  const app = useQueryTestApp(dialect)
  const registry = app.registry
  const search = async (text: string, filter?: Record<string, unknown>) =>
    (await findRecords(app.db(), registry, 'account', { search: text, filter })).records
      .map((r) => String(r.name))
      .sort()
  beforeAll(async () => {
    await app.insert('account', accounts)
  })

  it('finds the searchable fields', () => {
    expect(searchableFields(registry.object('account')).map((f) => f.name)).toEqual([
      'name',
      'tags',
    ])
  })

  it('matches words in any searchable field, ignoring case', async () => {
    expect(await search('ACME')).toEqual(['Acme Corp'])
    expect(await search('vip')).toEqual(['Acme Corp', "O'Brien & Co"])
    expect(await search('sma')).toEqual(['acorn ltd'])
  })

  it('needs every word to match somewhere, and ANDs with the filter', async () => {
    expect(await search('acme key')).toEqual(['Acme Corp'])
    expect(await search('acme small')).toEqual([])
    expect(await search('co', { industry: 'tech' })).toEqual(['Acme Corp', "O'Brien & Co"])
    expect(await search('  ')).toHaveLength(accounts.length)
  })

  it('matches wildcards and quotes literally', async () => {
    expect(await search('50%')).toEqual(['Bolt 50% Off_Sale'])
    expect(await search('_')).toEqual(['Bolt 50% Off_Sale'])
    expect(await search("o'b")).toEqual(["O'Brien & Co"])
    expect(await search("' OR 1=1 --")).toEqual([])
  })

  it('does not search fields that are not marked searchable', async () => {
    expect(await search('tech')).toEqual([])
  })

  it('rejects a search that is not text, too long, or on an object without searchable fields', async () => {
    const fail = async (object: string, text: unknown) => {
      const error = await findRecords(app.db(), registry, object, {
        search: text as string,
      }).catch((e: unknown) => e)
      expect(InvalidQuery.is(error), String(error)).toBe(true)
      expect((error as Error).message).toContain('search')
    }
    await fail('account', 5)
    await fail('account', 'x'.repeat(201))
    await fail('account', 'a b c d e f g h i j k')
    await fail('contact', 'ann')
  })
})
