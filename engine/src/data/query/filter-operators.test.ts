import { beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { accountNames, accounts } from './testing/account-fixture.js'
import { useQueryTestApp } from './testing/query-test-app.js'

const ACME = 'Acme Corp'
const ACORN = 'acorn ltd'
const BOLT = 'Bolt 50% Off_Sale'
const ZED = 'Zed'
const OBRIEN = "O'Brien & Co"
const all = [ACME, BOLT, OBRIEN, ZED, ACORN]

describe.each(dialects)('filter operators on %s', (dialect) => {
  const app = useQueryTestApp(dialect)
  const names = (filter: Record<string, unknown>) => accountNames(app, filter)
  beforeAll(async () => {
    await app.insert('account', accounts)
  })

  it('matches equality by a bare value, and IS NULL by a bare null', async () => {
    expect(await names({ industry: 'tech' })).toEqual([ACME, OBRIEN])
    expect(await names({ industry: null })).toEqual([ZED])
    expect(await names({ employees: 0 })).toEqual([OBRIEN])
    expect(await names({ active: true })).toEqual([ACME, ZED])
    expect(await names({ active: false })).toEqual([OBRIEN, ACORN])
  })

  it('$eq compares dates, instants and times by value, not by spelling', async () => {
    expect(await names({ founded: { $eq: '2001-05-01' } })).toEqual([ACME, OBRIEN])
    expect(await names({ last_contact: { $eq: '2024-03-01T11:00:00+01:00' } })).toEqual([
      ACME,
      OBRIEN,
    ])
    expect(await names({ last_contact: '2024-03-01T10:00:00Z' })).toEqual([ACME, OBRIEN])
    expect(await names({ opens_at: { $eq: '09:00' } })).toEqual([ACME, OBRIEN])
    expect(await names({ revenue: { $eq: 1000.5 } })).toEqual([ACME])
  })

  it('$ne matches rows without a value too; $ne null means "has a value"', async () => {
    expect(await names({ industry: { $ne: 'tech' } })).toEqual([BOLT, ZED, ACORN])
    expect(await names({ active: { $ne: true } })).toEqual([BOLT, OBRIEN, ACORN])
    expect(await names({ industry: { $ne: null } })).toEqual([ACME, BOLT, OBRIEN, ACORN])
  })

  it('orders numbers, dates, instants, times and text with $gt/$gte/$lt/$lte; NULL never matches', async () => {
    expect(await names({ employees: { $gt: 50 } })).toEqual([ACME, ZED])
    expect(await names({ employees: { $gte: 50 } })).toEqual([ACME, ZED, ACORN])
    expect(await names({ employees: { $lt: 50 } })).toEqual([OBRIEN])
    expect(await names({ employees: { $lte: 50 } })).toEqual([OBRIEN, ACORN])
    expect(await names({ rating: { $gte: 4 } })).toEqual([ACME, ZED])
    expect(await names({ founded: { $lt: '2001-05-01' } })).toEqual([ACORN])
    expect(await names({ last_contact: { $gte: '2024-01-01' } })).toEqual([ACME, OBRIEN, ACORN])
    expect(await names({ opens_at: { $gt: '09:00' } })).toEqual([ZED])
    // Within one letter case, so the answer does not depend on the database collation.
    expect(await names({ name: { $gte: 'O', $lt: 'Z' } })).toEqual([OBRIEN])
    expect(await names({ employees: { $gt: 10, $lt: 200 } })).toEqual([ACME, ACORN])
  })

  it('$in and $nin: $nin keeps rows without a value; empty lists match nothing / everything', async () => {
    expect(await names({ industry: { $in: ['tech', 'finance'] } })).toEqual([ACME, BOLT, OBRIEN])
    expect(await names({ employees: { $in: [0, 500] } })).toEqual([OBRIEN, ZED])
    expect(await names({ industry: { $nin: ['tech', 'finance'] } })).toEqual([ZED, ACORN])
    expect(await names({ employees: { $nin: [0, 500] } })).toEqual([ACME, BOLT, ACORN])
    expect(await names({ industry: { $in: [] } })).toEqual([])
    expect(await names({ industry: { $nin: [] } })).toEqual(all)
  })

  it('$between is inclusive at both ends', async () => {
    expect(await names({ employees: { $between: [50, 100] } })).toEqual([ACME, ACORN])
    expect(await names({ founded: { $between: ['2001-05-01', '2010-01-01'] } })).toEqual([
      ACME,
      OBRIEN,
      ZED,
    ])
    expect(await names({ revenue: { $between: [200, 1000.5] } })).toEqual([ACME, ACORN])
  })

  it('$contains, $startsWith and $endsWith ignore case', async () => {
    expect(await names({ name: { $contains: 'CORP' } })).toEqual([ACME])
    expect(await names({ name: { $contains: 'o' } })).toEqual([ACME, BOLT, OBRIEN, ACORN])
    expect(await names({ name: { $startsWith: 'AC' } })).toEqual([ACME, ACORN])
    expect(await names({ name: { $endsWith: 'LTD' } })).toEqual([ACORN])
    expect(await names({ name: { $endsWith: 'ltd', $startsWith: 'acorn' } })).toEqual([ACORN])
  })

  it('$contains matches %, _, ! and quotes literally', async () => {
    expect(await names({ name: { $contains: '50%' } })).toEqual([BOLT])
    expect(await names({ name: { $contains: '%' } })).toEqual([BOLT])
    expect(await names({ name: { $contains: '_' } })).toEqual([BOLT])
    expect(await names({ name: { $contains: 'f_s' } })).toEqual([BOLT])
    expect(await names({ name: { $contains: 'o_f' } })).toEqual([])
    expect(await names({ name: { $contains: '!' } })).toEqual([])
    expect(await names({ name: { $startsWith: "o'b" } })).toEqual([OBRIEN])
  })

  it('$null and $exists test for a value; an empty list counts as no value', async () => {
    expect(await names({ employees: { $null: true } })).toEqual([BOLT])
    expect(await names({ employees: { $null: false } })).toEqual([ACME, OBRIEN, ZED, ACORN])
    expect(await names({ employees: { $exists: false } })).toEqual([BOLT])
    expect(await names({ tags: { $null: true } })).toEqual([BOLT, ZED])
    expect(await names({ tags: { $exists: true } })).toEqual([ACME, OBRIEN, ACORN])
    expect(await names({ settings: { $null: false } })).toEqual([ACME])
  })

  it('on lists, $contains is membership, $in overlap and $nin no overlap', async () => {
    expect(await names({ regions: { $contains: 'us' } })).toEqual([ACME, OBRIEN])
    expect(await names({ tags: { $contains: 'vip' } })).toEqual([ACME])
    expect(await names({ regions: { $in: ['us', 'apac'] } })).toEqual([ACME, OBRIEN, ZED])
    expect(await names({ regions: { $nin: ['eu'] } })).toEqual([BOLT, OBRIEN, ZED])
    expect(await names({ regions: { $in: [] } })).toEqual([])
  })

  it('combines with $and, $or and $not', async () => {
    expect(await names({ $and: [{ industry: 'tech' }, { employees: { $gt: 10 } }] })).toEqual([
      ACME,
    ])
    expect(await names({ $or: [{ industry: 'retail' }, { employees: { $gte: 500 } }] })).toEqual([
      ZED,
      ACORN,
    ])
    expect(await names({ active: true, $or: [{ industry: 'tech' }, { industry: null }] })).toEqual([
      ACME,
      ZED,
    ])
    expect(await names({ $not: { industry: 'tech' } })).toEqual([BOLT, ZED, ACORN])
  })

  it('$not is the exact complement of its filter, rows with NULLs included', async () => {
    const cases: Record<string, unknown>[] = [
      { employees: { $gt: 60 } },
      { industry: { $in: ['tech', 'retail'] } },
      { name: { $contains: 'co' } },
      { regions: { $contains: 'eu' } },
      { $or: [{ employees: { $lt: 60 } }, { active: true }] },
      { industry: { $ne: 'tech' } },
      { $not: { employees: { $lt: 60 } } },
      { 'parent_account.name': ACME },
    ]
    for (const filter of cases) {
      const matched = await names(filter)
      const complement = await names({ $not: filter })
      expect([...matched, ...complement].sort(), JSON.stringify(filter)).toEqual(all)
      expect(
        matched.filter((n) => complement.includes(n)),
        JSON.stringify(filter),
      ).toEqual([])
    }
  })

  it('treats empty combinators as identities: {} and $and [] match all, $or [] nothing', async () => {
    expect(await names({})).toEqual(all)
    expect(await names({ $and: [] })).toEqual(all)
    expect(await names({ $or: [] })).toEqual([])
    expect(await names({ $not: {} })).toEqual([])
    expect(await names({ $or: [{}, { industry: 'tech' }] })).toEqual(all)
    expect(await names({ $or: [{ $and: [] }, { industry: 'tech' }] })).toEqual(all)
  })

  it('filters across lookups with dot paths', async () => {
    expect(await names({ 'parent_account.name': ACME })).toEqual([ACORN])
    expect(await names({ 'parent_account.parent_account.name': { $startsWith: 'acme' } })).toEqual([
      BOLT,
    ])
    expect(await names({ 'parent_account.industry': { $in: ['tech', 'retail'] } })).toEqual([
      BOLT,
      ACORN,
    ])
    expect(await names({ parent_account: { $null: true } })).toEqual([ACME, OBRIEN, ZED])
  })
})
