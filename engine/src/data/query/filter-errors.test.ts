import {
  InvalidFilter,
  UnknownField,
  UnknownOperator,
  type ErrorDefinition,
} from '@objectos/errors'
import { beforeAll, describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { findRecords } from './find-records.js'
import { accountNames, accounts } from './testing/account-fixture.js'
import { useQueryTestApp } from './testing/query-test-app.js'

type Case = [label: string, filter: unknown, error: ErrorDefinition<never[]>, mentions: string[]]

const unknownField = UnknownField as unknown as ErrorDefinition<never[]>
const unknownOperator = UnknownOperator as unknown as ErrorDefinition<never[]>
const invalidFilter = InvalidFilter as unknown as ErrorDefinition<never[]>

const cases: Case[] = [
  ['an unknown field', { nmae: 'x' }, unknownField, ['nmae', 'account']],
  ['an unknown field inside $or', { $or: [{ name: 'a' }, { bogus: 1 }] }, unknownField, ['bogus']],
  ['an unknown lookup path', { 'parent_account.nope': 1 }, unknownField, ['parent_account.nope']],
  ['a path through a non-lookup', { 'name.length': 3 }, invalidFilter, ['name.length', 'lookup']],
  ['an unknown operator', { name: { $sortof: 'A' } }, unknownOperator, ['$sortof', 'name']],
  ['an unknown top-level operator', { $nor: [{ name: 'a' }] }, unknownOperator, ['$nor']],
  ['$contains on a number', { employees: { $contains: 5 } }, unknownOperator, ['$contains']],
  ['$gt on a boolean', { active: { $gt: false } }, unknownOperator, ['$gt', 'active']],
  ['equality on a list field', { tags: 'vip' }, unknownOperator, ['$eq', 'tags']],
  ['equality on a JSON field', { settings: { $eq: 'x' } }, unknownOperator, ['$eq']],
  [
    '$startsWith on a lookup',
    { parent_account: { $startsWith: 'a' } },
    unknownOperator,
    ['$startsWith'],
  ],
  ['an object where a value belongs', { name: { $eq: { a: 1 } } }, invalidFilter, ['name', '$eq']],
  ['a field reference object', { name: { $eq: { $field: 'industry' } } }, invalidFilter, ['$eq']],
  ['a list for $eq', { name: { $eq: ['a', 'b'] } }, invalidFilter, ['name', '$eq', 'list']],
  ['a list as a bare value', { name: ['a', 'b'] }, invalidFilter, ['name', '$in']],
  ['a non-list for $in', { industry: { $in: 'tech' } }, invalidFilter, ['industry', '$in']],
  ['null inside $in', { industry: { $in: ['tech', null] } }, invalidFilter, ['industry', '$in[1]']],
  ['null for $gt', { employees: { $gt: null } }, invalidFilter, ['employees', '$gt', 'null']],
  ['a string for a number', { employees: { $gt: '10' } }, invalidFilter, ['employees', 'number']],
  ['a number for a text field', { name: 5 }, invalidFilter, ['name', 'string']],
  ['a string for a boolean', { active: 'true' }, invalidFilter, ['active', 'true or false']],
  ['an invalid date', { founded: { $gte: '2024-02-30' } }, invalidFilter, ['founded', 'date']],
  ['a date-time that is not one', { last_contact: 'yesterday' }, invalidFilter, ['last_contact']],
  ['an invalid time', { opens_at: '25:00' }, invalidFilter, ['opens_at', 'time']],
  ['$between with one value', { employees: { $between: [1] } }, invalidFilter, ['$between']],
  [
    '$between with a null end',
    { employees: { $between: [1, null] } },
    invalidFilter,
    ['$between[1]'],
  ],
  ['$null with a string', { employees: { $null: 'yes' } }, invalidFilter, ['$null']],
  ['a condition key without $', { name: { eq: 'a' } }, invalidFilter, ['name', '"eq"']],
  ['an empty condition', { name: {} }, invalidFilter, ['name', 'empty']],
  ['$and with an object', { $and: { name: 'a' } }, invalidFilter, ['$and']],
  ['$or with a non-object member', { $or: ['name'] }, invalidFilter, ['$or[0]']],
  ['$not with a list', { $not: [{ name: 'a' }] }, invalidFilter, ['$not']],
  ['a filter that is a string', 'name = 1', invalidFilter, ['filter']],
  ['a filter that is a list', [{ name: 'a' }], invalidFilter, ['filter']],
  ['a __proto__ key', JSON.parse('{"__proto__": {"name": "a"}}'), invalidFilter, ['__proto__']],
  [
    'a nested __proto__ key',
    JSON.parse('{"name": {"__proto__": 1}}'),
    invalidFilter,
    ['__proto__'],
  ],
  ['a constructor key', { $or: [{ constructor: 'x' }] }, invalidFilter, ['constructor']],
  [
    'too long a path',
    { 'parent_account.parent_account.parent_account.parent_account.parent_account.name': 'x' },
    invalidFilter,
    ['lookups'],
  ],
  ['a filter nested too deep', nest(40), invalidFilter, ['nest']],
  ['an undefined value', { name: undefined }, invalidFilter, ['name', 'undefined']],
]

function nest(levels: number): unknown {
  let filter: unknown = { name: 'a' }
  for (let i = 0; i < levels; i++) filter = { $not: filter }
  return filter
}

describe.each(dialects)('filter errors on %s', (dialect) => {
  const app = useQueryTestApp(dialect)
  beforeAll(async () => {
    await app.insert('account', accounts)
  })

  it.each(cases)('rejects %s', async (_label, filter, error, mentions) => {
    const run = findRecords(app.db(), app.registry, 'account', { filter: filter as never })
    const thrown = await run.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error.is(thrown), String(thrown)).toBe(true)
    for (const text of mentions) expect((thrown as Error).message).toContain(text)
  })

  it('binds every value: SQL in a filter value matches nothing and breaks nothing', async () => {
    const attacks = ["x' OR 1=1 --", "'; DROP TABLE account; --", 'x" OR "1"="1', '%', "\\' OR 1=1"]
    for (const attack of attacks) {
      expect(await accountNames(app, { name: attack })).toEqual([])
      expect(await accountNames(app, { name: { $in: [attack, 'nope'] } })).toEqual([])
      expect(await accountNames(app, { 'parent_account.name': attack })).toEqual([])
      expect(await accountNames(app, { tags: { $contains: attack } })).toEqual([])
    }
    expect(await accountNames(app, { name: { $contains: "' OR 1=1 --" } })).toEqual([])
    expect(await app.db().knex('account').count({ n: '*' })).toEqual([{ n: accounts.length }])
  })

  it('never turns a key into SQL: field names are checked, not quoted through', async () => {
    const run = findRecords(app.db(), app.registry, 'account', {
      filter: { 'name" = name OR "1': 'x' },
    })
    await expect(run).rejects.toSatisfy((e: unknown) => UnknownField.is(e))
  })
})
