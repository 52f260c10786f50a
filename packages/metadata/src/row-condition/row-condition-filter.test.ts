import { describe, expect, it } from 'vitest'
import { lowerRowCondition } from './lower-row-condition.js'
import type { RowCondition } from './row-condition.js'
import { rowConditionFilter } from './row-condition-filter.js'

const fields = new Set(['owner_id', 'stage', 'amount', 'region', 'done', 'closed_on', 'tags'])

/** The user every example reads, as the engine's user context would give it. */
const rita: Readonly<Record<string, unknown>> = {
  'current_user.id': 'usr_rita',
  'current_user.email': null,
  'current_user.regions': ['emea', 'apac'],
  'current_user.limit': 5000n,
  'current_user.positions': ['sales', 'everyone'],
  "'sales' in current_user.positions": true,
  "'admin' in current_user.positions": false,
  'current_user.isPlatformAdmin': false,
  'today()': new Date('2024-05-01T00:00:00Z'),
  'now()': new Date('2024-05-01T10:30:00Z'),
  '[current_user.id, null]': ['usr_rita', null],
  'current_user.odd': { a: 1 },
  'current_user.nan': Number.NaN,
  'current_user.huge': 2n ** 70n,
  'current_user.mixed': ['a', { b: 1 }, 3n, Number.NaN, 'a'],
}

/** The filter for `source` (a sharing-rule condition) and rita. */
function filterOf(source: string, values: Readonly<Record<string, unknown>> = rita) {
  const lowered = lowerRowCondition(source, 'record', fields)
  if (!lowered.ok) throw new Error(`refused: ${lowered.reason}`)
  return rowConditionFilter(lowered.condition, (s) => values[s])
}

describe('rowConditionFilter: comparisons', () => {
  it('turns each comparison into its operator', () => {
    expect(filterOf("record.stage == 'won'")).toEqual({ stage: { $eq: 'won' } })
    expect(filterOf("record.stage != 'won'")).toEqual({ stage: { $ne: 'won' } })
    expect(filterOf('record.amount < 1.5')).toEqual({ amount: { $lt: 1.5 } })
    expect(filterOf('record.amount <= 2')).toEqual({ amount: { $lte: 2 } })
    expect(filterOf('100.0 < record.amount')).toEqual({ amount: { $gt: 100 } })
    expect(filterOf('record.amount >= 100.0')).toEqual({ amount: { $gte: 100 } })
    expect(filterOf('record.done')).toEqual({ done: { $eq: true } })
    expect(filterOf('!record.done')).toEqual({ done: { $eq: false } })
  })

  it('compares with null through $null, which every kind of field takes', () => {
    expect(filterOf('record.closed_on == null')).toEqual({ closed_on: { $null: true } })
    expect(filterOf('record.closed_on != null')).toEqual({ closed_on: { $null: false } })
    expect(filterOf('has(record.closed_on)')).toEqual({ closed_on: { $null: false } })
    expect(filterOf('!has(record.closed_on)')).toEqual({ closed_on: { $null: true } })
    expect(filterOf('record.tags == null')).toEqual({ tags: { $null: true } })
  })

  it('binds user operands, bigints as numbers and timestamps as ISO strings', () => {
    expect(filterOf('record.owner_id == current_user.id')).toEqual({
      owner_id: { $eq: 'usr_rita' },
    })
    expect(filterOf('record.amount <= current_user.limit')).toEqual({ amount: { $lte: 5000 } })
    expect(filterOf('record.closed_on >= today()')).toEqual({ closed_on: { $gte: '2024-05-01' } })
    expect(filterOf('record.closed_on < now()')).toEqual({
      closed_on: { $lt: '2024-05-01T10:30:00.000Z' },
    })
  })

  it('compares with a null user value as CEL does: == null matches empty fields', () => {
    expect(filterOf('record.owner_id == current_user.email')).toEqual({
      owner_id: { $null: true },
    })
    expect(filterOf('record.owner_id != current_user.email')).toEqual({
      owner_id: { $null: false },
    })
  })
})

describe('rowConditionFilter: in', () => {
  it('turns in into $in, with a literal list or a user list', () => {
    expect(filterOf("record.stage in ['won', 'lost']")).toEqual({
      stage: { $in: ['won', 'lost'] },
    })
    expect(filterOf('record.region in current_user.regions')).toEqual({
      region: { $in: ['emea', 'apac'] },
    })
  })

  it('turns !(field in …) into $nin, which (as in CEL) matches empty fields', () => {
    expect(filterOf("!(record.stage in ['won', 'lost'])")).toEqual({
      stage: { $nin: ['won', 'lost'] },
    })
  })

  it('matches nothing with an empty list, and everything without it', () => {
    expect(filterOf('record.stage in []')).toBe(false)
    expect(filterOf('!(record.stage in [])')).toBe(true)
  })

  it('matches empty fields for a null member, which $in cannot take', () => {
    expect(filterOf('record.owner_id in [current_user.id, null]')).toEqual({
      $or: [{ owner_id: { $in: ['usr_rita'] } }, { owner_id: { $null: true } }],
    })
    expect(filterOf('!(record.owner_id in [current_user.id, null])')).toEqual({
      $and: [{ owner_id: { $nin: ['usr_rita'] } }, { owner_id: { $null: false } }],
    })
  })

  it('keeps the scalar members of a user list once each, and drops the others', () => {
    expect(filterOf('record.stage in current_user.mixed')).toEqual({ stage: { $in: ['a', 3] } })
  })

  it('matches nothing when the user operand is not a list, negated or not', () => {
    expect(filterOf('record.stage in current_user.id')).toBe(false)
    expect(filterOf('!(record.stage in current_user.id)')).toBe(false)
    expect(filterOf('record.stage in current_user.missing')).toBe(false)
    expect(filterOf('!(record.stage in current_user.missing)')).toBe(false)
  })
})

describe('rowConditionFilter: negation', () => {
  it('pushes not down to the comparisons, so empty fields behave as in CEL', () => {
    expect(filterOf('!(record.amount > 100.0)')).toEqual({ amount: { $lte: 100 } })
    expect(filterOf('!(record.amount >= 100.0)')).toEqual({ amount: { $lt: 100 } })
    expect(filterOf('!(record.amount < 100.0)')).toEqual({ amount: { $gte: 100 } })
    expect(filterOf('!(record.amount <= 100.0)')).toEqual({ amount: { $gt: 100 } })
    expect(filterOf("!(record.stage == 'won')")).toEqual({ stage: { $ne: 'won' } })
    expect(filterOf("!(record.stage != 'won')")).toEqual({ stage: { $eq: 'won' } })
  })

  it('applies De Morgan through and and or, nested', () => {
    expect(
      filterOf("!(record.stage == 'won' || (record.amount > 10.0 && !(record.region in ['x'])))"),
    ).toEqual({
      $and: [
        { stage: { $ne: 'won' } },
        { $or: [{ amount: { $lte: 10 } }, { region: { $in: ['x'] } }] },
      ],
    })
  })

  it('flattens nested $and and $or', () => {
    expect(
      filterOf("record.stage == 'a' && !(record.amount > 1.0 || record.region == 'x')"),
    ).toEqual({
      $and: [{ stage: { $eq: 'a' } }, { amount: { $lte: 1 } }, { region: { $ne: 'x' } }],
    })
  })
})

describe('rowConditionFilter: folding user conditions', () => {
  it('drops a user condition that holds, and the whole when it decides', () => {
    expect(filterOf("'sales' in current_user.positions && record.stage == 'won'")).toEqual({
      stage: { $eq: 'won' },
    })
    expect(filterOf("'sales' in current_user.positions || record.stage == 'won'")).toBe(true)
    expect(filterOf("'admin' in current_user.positions && record.stage == 'won'")).toBe(false)
    expect(filterOf("'admin' in current_user.positions || record.stage == 'won'")).toEqual({
      stage: { $eq: 'won' },
    })
    const notAdmin: RowCondition = {
      kind: 'not',
      item: { kind: 'user', source: "'admin' in current_user.positions" },
    }
    expect(rowConditionFilter(notAdmin, (s) => rita[s])).toBe(true)
    expect(filterOf("'sales' in current_user.positions")).toBe(true)
  })

  it('folds constants', () => {
    expect(filterOf('true')).toBe(true)
    expect(filterOf('false')).toBe(false)
    expect(
      rowConditionFilter({ kind: 'not', item: { kind: 'constant', value: true } }, () => 1),
    ).toBe(false)
  })

  it('evaluates each user source once', () => {
    const asked: string[] = []
    const condition = lowerRowCondition(
      'record.owner_id == current_user.id || !(record.owner_id == current_user.id)',
      'record',
      fields,
    )
    if (!condition.ok) throw new Error(condition.reason)
    rowConditionFilter(condition.condition, (source) => {
      asked.push(source)
      return 'usr_1'
    })
    expect(asked).toEqual(['current_user.id'])
  })
})

describe('rowConditionFilter: odd user values fail closed', () => {
  it('admits no row on either side of a not when an operand cannot be compared', () => {
    for (const operand of [
      'current_user.missing',
      'current_user.odd',
      'current_user.nan',
      'current_user.huge',
      'current_user.regions',
    ]) {
      expect(filterOf(`record.owner_id == ${operand}`)).toBe(false)
      expect(filterOf(`!(record.owner_id == ${operand})`)).toBe(false)
      expect(filterOf(`record.amount > ${operand}`)).toBe(false)
      expect(filterOf(`!(record.amount > ${operand})`)).toBe(false)
    }
  })

  it('compares nothing in order with null, as CEL has no < for null', () => {
    expect(filterOf('record.amount > current_user.email')).toBe(false)
    expect(filterOf('!(record.amount > current_user.email)')).toBe(false)
  })

  it('keeps the error inside its own branch: error || x is x, !(error && x) is !x', () => {
    expect(filterOf("record.owner_id == current_user.missing || record.stage == 'won'")).toEqual({
      stage: { $eq: 'won' },
    })
    expect(filterOf("!(record.owner_id == current_user.missing && record.stage == 'won')")).toEqual(
      { stage: { $ne: 'won' } },
    )
    expect(filterOf("record.owner_id == current_user.missing && record.stage == 'won'")).toBe(false)
  })

  it('treats a user condition that is not true or false as an error', () => {
    const values = { "'sales' in current_user.positions": 'yes' }
    expect(filterOf("'sales' in current_user.positions", values)).toBe(false)
    expect(filterOf("!('sales' in current_user.positions)", values)).toBe(false)
    expect(filterOf("!('sales' in current_user.positions) || record.done", values)).toEqual({
      done: { $eq: true },
    })
  })

  it('never throws, even when the evaluator does', () => {
    const condition: RowCondition = {
      kind: 'compare',
      field: 'owner_id',
      op: 'eq',
      value: { kind: 'user', source: 'current_user.id' },
    }
    expect(
      rowConditionFilter(condition, () => {
        throw new Error('boom')
      }),
    ).toBe(false)
    const invalid = new Date(Number.NaN)
    expect(rowConditionFilter(condition, () => invalid)).toBe(false)
  })

  it('matches nothing for a hand-built comparison of a list with ==, or a scalar with in', () => {
    expect(
      rowConditionFilter(
        { kind: 'compare', field: 'stage', op: 'eq', value: { kind: 'literal', value: ['a'] } },
        () => undefined,
      ),
    ).toBe(false)
    expect(
      rowConditionFilter(
        { kind: 'compare', field: 'stage', op: 'nin', value: { kind: 'literal', value: 'a' } },
        () => undefined,
      ),
    ).toBe(false)
  })
})

describe('rowConditionFilter: user maps', () => {
  const roles: Readonly<Record<string, unknown>> = {
    ...rita,
    'current_user.organizationRoles': { org_a: 'owner', org_b: 'member', org_c: 'admin' },
    "['owner', 'admin']": ['owner', 'admin'],
    'current_user.limits': new Map<unknown, unknown>([
      ['emea', 10n],
      ['apac', 'n/a'],
      [3, 1],
    ]),
  }

  it('reads a map on the right of `in` as its keys, as CEL does', () => {
    expect(filterOf('record.region in current_user.organizationRoles', roles)).toEqual({
      region: { $in: ['org_a', 'org_b', 'org_c'] },
    })
    expect(filterOf('!(record.region in current_user.limits)', roles)).toEqual({
      region: { $nin: ['emea', 'apac', 3] },
    })
  })

  it('admits the keys whose value passes the test, or fails it when negated', () => {
    const admin = "current_user.organizationRoles[record.region] in ['owner', 'admin']"
    expect(filterOf(admin, roles)).toEqual({ region: { $in: ['org_a', 'org_c'] } })
    expect(filterOf(`!(${admin})`, roles)).toEqual({ region: { $in: ['org_b'] } })
    expect(filterOf("current_user.organizationRoles[record.region] != 'owner'", roles)).toEqual({
      region: { $in: ['org_b', 'org_c'] },
    })
  })

  it('leaves out values that cannot be compared, on both sides of a `!`', () => {
    // 'n/a' cannot be ordered against a number; the key 3 is no string.
    expect(filterOf('current_user.limits[record.region] >= 5', roles)).toEqual({
      region: { $in: ['emea'] },
    })
    expect(filterOf('!(current_user.limits[record.region] >= 5)', roles)).toBe(false)
  })

  it('matches no row when the user value is no map', () => {
    const admin = "current_user.organizationRoles[record.region] == 'owner'"
    expect(filterOf(admin, rita)).toBe(false)
    expect(filterOf(`!(${admin})`, rita)).toBe(false)
    expect(filterOf("current_user.regions[record.region] == 'x'", rita)).toBe(false)
  })
})
