import { describe, expect, it } from 'vitest'
import { lowerRowCondition } from './lower-row-condition.js'
import type { RowCondition, RowOperand } from './row-condition.js'

const fields = new Set([
  'id',
  'owner_id',
  'name',
  'stage',
  'amount',
  'region',
  'done',
  'closed_on',
  'account',
  'tags',
])

/** The lowered condition of a sharing-rule style source (`record.<field>`). */
function record(source: string): RowCondition {
  const lowered = lowerRowCondition(source, 'record', fields)
  if (!lowered.ok) throw new Error(`refused: ${lowered.reason}`)
  return lowered.condition
}

/** The lowered condition of a row-level security style source (bare field names). */
function bare(source: string): RowCondition {
  const lowered = lowerRowCondition(source, 'bare', fields)
  if (!lowered.ok) throw new Error(`refused: ${lowered.reason}`)
  return lowered.condition
}

/** The refusal of `source`, with the text its range covers. */
function refusal(source: string, rows: 'record' | 'bare' = 'record') {
  const lowered = lowerRowCondition(source, rows, fields)
  if (lowered.ok) throw new Error(`lowered: ${JSON.stringify(lowered.condition)}`)
  return {
    reason: lowered.reason,
    at: source.slice(lowered.start, lowered.end),
    start: lowered.start,
  }
}

const lit = (value: Extract<RowOperand, { kind: 'literal' }>['value']): RowOperand => ({
  kind: 'literal',
  value,
})
const user = (source: string): RowOperand => ({ kind: 'user', source })
const cmp = (field: string, op: string, value: RowOperand) => ({
  kind: 'compare',
  field,
  op,
  value,
})

describe('lowerRowCondition: comparisons', () => {
  it('lowers a field compared with a literal, in every operator', () => {
    expect(record("record.stage == 'won'")).toEqual(cmp('stage', 'eq', lit('won')))
    expect(record("record.stage != 'lost'")).toEqual(cmp('stage', 'ne', lit('lost')))
    expect(record('record.amount < 10.5')).toEqual(cmp('amount', 'lt', lit(10.5)))
    expect(record('record.amount <= 10')).toEqual(cmp('amount', 'lte', lit(10)))
    expect(record('record.amount > 0')).toEqual(cmp('amount', 'gt', lit(0)))
    expect(record('record.amount >= 100.0')).toEqual(cmp('amount', 'gte', lit(100)))
    expect(record('record.done == true')).toEqual(cmp('done', 'eq', lit(true)))
  })

  it('reads integers as numbers and negative literals as literals', () => {
    const lowered = record('record.amount >= 9007199254740991')
    expect(lowered).toEqual(cmp('amount', 'gte', lit(9007199254740991)))
    expect(record('record.amount > -1')).toEqual(cmp('amount', 'gt', lit(-1)))
    expect(record('record.amount > -2.5')).toEqual(cmp('amount', 'gt', lit(-2.5)))
  })

  it('flips the operator when the field is on the right', () => {
    expect(record('100.0 < record.amount')).toEqual(cmp('amount', 'gt', lit(100)))
    expect(record('100.0 <= record.amount')).toEqual(cmp('amount', 'gte', lit(100)))
    expect(record('100.0 > record.amount')).toEqual(cmp('amount', 'lt', lit(100)))
    expect(record('100.0 >= record.amount')).toEqual(cmp('amount', 'lte', lit(100)))
    expect(record("'won' == record.stage")).toEqual(cmp('stage', 'eq', lit('won')))
    expect(record("'won' != record.stage")).toEqual(cmp('stage', 'ne', lit('won')))
    expect(bare('current_user.id == owner_id')).toEqual(
      cmp('owner_id', 'eq', user('current_user.id')),
    )
  })

  it('compares with null', () => {
    expect(record('record.closed_on == null')).toEqual(cmp('closed_on', 'eq', lit(null)))
    expect(record('record.closed_on != null')).toEqual(cmp('closed_on', 'ne', lit(null)))
    expect(record('null == record.closed_on')).toEqual(cmp('closed_on', 'eq', lit(null)))
  })

  it('reads has() as "set and not null", and a field alone as == true', () => {
    expect(record('has(record.closed_on)')).toEqual(cmp('closed_on', 'ne', lit(null)))
    expect(record('!has(record.closed_on)')).toEqual({
      kind: 'not',
      item: cmp('closed_on', 'ne', lit(null)),
    })
    expect(record('record.done')).toEqual(cmp('done', 'eq', lit(true)))
    expect(bare('done')).toEqual(cmp('done', 'eq', lit(true)))
  })

  it('reads a negated field alone as == false, which (as in CEL) leaves empty fields out', () => {
    expect(record('!record.done')).toEqual(cmp('done', 'eq', lit(false)))
    expect(bare('!(done)')).toEqual(cmp('done', 'eq', lit(false)))
    expect(record('!!record.done')).toEqual(cmp('done', 'eq', lit(true)))
    expect(record('!!!record.done')).toEqual(cmp('done', 'eq', lit(false)))
  })
})

describe('lowerRowCondition: user operands and user conditions', () => {
  it('keeps an operand that reads only the user as its source text', () => {
    expect(bare('owner_id == current_user.id')).toEqual(
      cmp('owner_id', 'eq', user('current_user.id')),
    )
    expect(record('record.owner_id == user.id')).toEqual(cmp('owner_id', 'eq', user('user.id')))
    expect(record('record.owner_id == os.user.id')).toEqual(
      cmp('owner_id', 'eq', user('os.user.id')),
    )
    expect(record('record.amount <= current_user.limit * 2.0')).toEqual(
      cmp('amount', 'lte', user('current_user.limit * 2.0')),
    )
    expect(record("record.name == current_user['name']")).toEqual(
      cmp('name', 'eq', user("current_user['name']")),
    )
  })

  it('takes back the parentheses cel-js leaves out of a range', () => {
    expect(record('record.amount > (current_user.a) + (current_user.b)')).toEqual(
      cmp('amount', 'gt', user('(current_user.a) + (current_user.b)')),
    )
    expect(record('record.amount > ((current_user.a))')).toEqual(
      cmp('amount', 'gt', user('current_user.a')),
    )
    expect(record("record.name == (current_user.name + ')')")).toEqual(
      cmp('name', 'eq', user("current_user.name + ')'")),
    )
  })

  it('keeps an operand that reads nothing but is no literal (a timestamp) as CEL text', () => {
    expect(record("record.closed_on < timestamp('2024-01-01T00:00:00Z')")).toEqual(
      cmp('closed_on', 'lt', user("timestamp('2024-01-01T00:00:00Z')")),
    )
    expect(record('record.closed_on >= today()')).toEqual(cmp('closed_on', 'gte', user('today()')))
  })

  it('keeps a true/false part that reads only the user as one user condition', () => {
    expect(record("'sales' in current_user.positions")).toEqual({
      kind: 'user',
      source: "'sales' in current_user.positions",
    })
    expect(
      record("record.region == 'emea' && ('sales' in user.positions || user.isPlatformAdmin)"),
    ).toEqual({
      kind: 'and',
      items: [
        cmp('region', 'eq', lit('emea')),
        { kind: 'user', source: "'sales' in user.positions || user.isPlatformAdmin" },
      ],
    })
    expect(record("current_user.positions.exists(p, p == 'sales')")).toEqual({
      kind: 'user',
      source: "current_user.positions.exists(p, p == 'sales')",
    })
    expect(bare('has(current_user.email)')).toEqual({
      kind: 'user',
      source: 'has(current_user.email)',
    })
  })

  it('binds comprehension variables, even when a field has their name', () => {
    expect(bare("region == 'x' || current_user.positions.exists(region, region == 'ops')")).toEqual(
      {
        kind: 'or',
        items: [
          cmp('region', 'eq', lit('x')),
          { kind: 'user', source: "current_user.positions.exists(region, region == 'ops')" },
        ],
      },
    )
    expect(bare('owner_id == cel.bind(u, current_user, u.id)')).toEqual(
      cmp('owner_id', 'eq', user('cel.bind(u, current_user, u.id)')),
    )
  })
})

describe('lowerRowCondition: in', () => {
  it('lowers a field in a literal list, of any literals', () => {
    expect(record("record.stage in ['won', 'lost']")).toEqual(
      cmp('stage', 'in', lit(['won', 'lost'])),
    )
    expect(record('record.amount in [1, 2.5, -3]')).toEqual(cmp('amount', 'in', lit([1, 2.5, -3])))
    expect(record('record.stage in []')).toEqual(cmp('stage', 'in', lit([])))
  })

  it('lowers a field in a user operand, and a list that reads the user', () => {
    expect(bare('region in current_user.regions')).toEqual(
      cmp('region', 'in', user('current_user.regions')),
    )
    expect(bare("owner_id in [current_user.id, 'usr_admin']")).toEqual(
      cmp('owner_id', 'in', user("[current_user.id, 'usr_admin']")),
    )
  })

  it('keeps !(field in …) a not', () => {
    expect(record("!(record.stage in ['won', 'lost'])")).toEqual({
      kind: 'not',
      item: cmp('stage', 'in', lit(['won', 'lost'])),
    })
  })
})

describe('lowerRowCondition: and, or, not', () => {
  it('flattens chains however they are parenthesised', () => {
    expect(
      record("record.stage == 'a' && (record.amount > 1.0 && record.done) && !record.done"),
    ).toEqual({
      kind: 'and',
      items: [
        cmp('stage', 'eq', lit('a')),
        cmp('amount', 'gt', lit(1)),
        cmp('done', 'eq', lit(true)),
        cmp('done', 'eq', lit(false)),
      ],
    })
    expect(record("(record.stage == 'a' || record.stage == 'b') || record.done")).toEqual({
      kind: 'or',
      items: [
        cmp('stage', 'eq', lit('a')),
        cmp('stage', 'eq', lit('b')),
        cmp('done', 'eq', lit(true)),
      ],
    })
  })

  it('nests or in and, and not over both', () => {
    expect(bare("!(stage == 'won' || (amount > 10.0 && owner_id != current_user.id))")).toEqual({
      kind: 'not',
      item: {
        kind: 'or',
        items: [
          cmp('stage', 'eq', lit('won')),
          {
            kind: 'and',
            items: [cmp('amount', 'gt', lit(10)), cmp('owner_id', 'ne', user('current_user.id'))],
          },
        ],
      },
    })
  })

  it('folds constants and double negation', () => {
    expect(record('true')).toEqual({ kind: 'constant', value: true })
    expect(record('false')).toEqual({ kind: 'constant', value: false })
    expect(record('!false')).toEqual({ kind: 'constant', value: true })
    expect(record('true && record.done')).toEqual(cmp('done', 'eq', lit(true)))
    expect(record('false && record.done')).toEqual({ kind: 'constant', value: false })
    expect(record('record.done || true')).toEqual({ kind: 'constant', value: true })
    expect(record('false || (record.done)')).toEqual(cmp('done', 'eq', lit(true)))
    expect(record("!!(record.stage in ['a'])")).toEqual(cmp('stage', 'in', lit(['a'])))
    expect(record("!(!(record.stage in ['a']) && true)")).toEqual(cmp('stage', 'in', lit(['a'])))
  })

  it('is deterministic', () => {
    const source =
      "record.stage in ['a', 'b'] && (record.owner_id == current_user.id || !record.done)"
    expect(JSON.stringify(record(source))).toBe(JSON.stringify(record(source)))
  })
})

describe('lowerRowCondition: refusals', () => {
  it('refuses functions of fields, at the call', () => {
    expect(refusal("record.stage == 'a' && record.name.startsWith('A')")).toEqual({
      reason: '`startsWith` cannot become a row filter',
      at: "record.name.startsWith('A')",
      start: 23,
    })
    expect(refusal('size(record.tags) > 0')).toMatchObject({
      reason: '`size` cannot become a row filter',
      at: 'size(record.tags)',
    })
    expect(refusal("tags.exists(t, t == 'x')", 'bare')).toMatchObject({
      reason: '`exists` cannot become a row filter',
      at: "tags.exists(t, t == 'x')",
    })
  })

  it('refuses a field compared with another field', () => {
    expect(refusal("record.stage == 'x' || record.name == record.stage")).toEqual({
      reason: 'a field compared with another field cannot become a row filter',
      at: 'record.name == record.stage',
      start: 23,
    })
    expect(refusal('owner_id in [current_user.id, account]', 'bare')).toMatchObject({
      reason: 'a list that holds a field cannot become a row filter',
      at: '[current_user.id, account]',
    })
  })

  it('refuses a path through a lookup, naming the lookup to compare instead', () => {
    expect(refusal("record.account.name == 'Acme'")).toEqual({
      reason: '`record.account.name` crosses a lookup; compare `record.account` instead',
      at: 'record.account.name',
      start: 0,
    })
    expect(refusal("account.name == 'Acme'", 'bare')).toMatchObject({
      reason: '`account.name` crosses a lookup; compare `account` instead',
    })
    expect(refusal('has(record.account.name)')).toMatchObject({
      reason: '`record.account.name` crosses a lookup; compare `record.account` instead',
    })
  })

  it('refuses arithmetic, indexing and conditionals on fields', () => {
    expect(refusal('record.amount * 2.0 > 100.0')).toMatchObject({
      reason: 'arithmetic (`*`) on a field cannot become a row filter; compare the field itself',
      at: 'record.amount * 2.0',
    })
    expect(refusal('-record.amount < 0.0')).toMatchObject({
      reason: 'arithmetic (`-`) on a field cannot become a row filter; compare the field itself',
    })
    expect(refusal("record.tags[0] == 'a'")).toMatchObject({
      reason: 'indexing (`[…]`) cannot become a row filter',
      at: 'record.tags[0]',
    })
    expect(refusal("record.done ? record.stage == 'a' : false")).toMatchObject({
      reason: 'a conditional (`… ? … : …`) cannot become a row filter; write it with && and ||',
    })
    expect(refusal('(record.amount > 1.0) == true')).toMatchObject({
      reason: 'a condition used as a value cannot become a row filter; write the condition itself',
      at: 'record.amount > 1.0',
    })
  })

  it('refuses unknown names, previous and parent, and record in row-level security', () => {
    expect(refusal("record.stag == 'a'")).toMatchObject({
      reason: '`record.stag` is not a field of this object',
      at: 'record.stag',
    })
    expect(refusal("stag == 'a'", 'bare')).toMatchObject({
      reason: '`stag` is not a field of this object',
      at: 'stag',
    })
    expect(refusal("record.stage == 'a' && stage == 'b'")).toMatchObject({
      reason: '`stage` is not defined here; fields are read through `record`',
      at: 'stage',
    })
    expect(refusal('record.amount != previous.amount')).toMatchObject({
      reason: '`previous` (the record as it was saved) cannot become a row filter',
      at: 'previous',
    })
    expect(refusal("parent.name == 'x'")).toMatchObject({
      reason:
        '`parent` (the master record) cannot become a row filter; compare the master_detail field of `record` instead',
    })
    expect(refusal("record.stage == 'a'", 'bare')).toMatchObject({
      reason: 'row-level security reads fields by their bare names, not through `record`',
      at: 'record',
    })
    expect(refusal('record == current_user')).toMatchObject({
      reason: '`record` as a whole cannot become a row filter; compare one of its fields',
    })
    expect(refusal('has(owner_id)', 'bare')).toMatchObject({
      reason: '`has` cannot become a row filter',
    })
  })

  it('refuses what in cannot take', () => {
    expect(refusal("'vip' in record.tags")).toMatchObject({
      reason:
        'a value `in` a field cannot become a row filter; the field must be on the left of `in`',
      at: "'vip' in record.tags",
    })
    expect(refusal("record.stage in {'a': 1}")).toMatchObject({
      reason: '`in` a map cannot become a row filter; write a list',
      at: "{'a': 1}",
    })
    expect(refusal("record.stage in 'abc'")).toMatchObject({
      reason: '`in` needs a list on its right',
    })
  })

  it('refuses literals that cannot compare that way', () => {
    expect(refusal("record.tags == ['a']")).toMatchObject({
      reason: 'a list can only be compared with `in`',
      at: "['a']",
    })
    expect(refusal('record.amount < null')).toMatchObject({
      reason: 'null can only be compared with == and !=',
    })
    expect(refusal('record.done > false')).toMatchObject({
      reason: 'true and false can only be compared with == and !=',
    })
    expect(refusal('record.amount == 1u')).toMatchObject({
      reason: '`1u` cannot become a row filter; write the number without `u`',
    })
    expect(refusal('record.name == b"x"')).toMatchObject({
      reason: 'bytes cannot become a row filter',
    })
    expect(refusal('record.amount == 9223372036854775807')).toMatchObject({
      reason: '`9223372036854775807` is too large for a row filter',
    })
  })

  it('refuses a condition that reads nothing and is no literal', () => {
    expect(refusal('1 == 1')).toMatchObject({
      reason: 'this condition reads neither a field nor the user; write true or false instead',
      at: '1 == 1',
    })
    expect(refusal("record.done && now() > timestamp('2024-01-01T00:00:00Z')")).toMatchObject({
      at: "now() > timestamp('2024-01-01T00:00:00Z')",
    })
    expect(refusal('1')).toMatchObject({ reason: '`1` is not true or false' })
  })

  it('refuses a source that does not parse, at the offending character', () => {
    expect(refusal('record.stage ==')).toMatchObject({
      reason: 'the expression does not parse: Unexpected token: EOF',
      start: 15,
    })
  })

  it('lowers a chain of ten thousand comparisons', () => {
    const source = Array.from({ length: 10_000 }, (_, i) => `record.amount != ${i}.0`).join(' && ')
    const lowered = lowerRowCondition(source, 'record', fields)
    expect(lowered.ok && lowered.condition.kind === 'and' && lowered.condition.items.length).toBe(
      10_000,
    )
  })

  it('refuses nesting deeper than cel-js parses', () => {
    const source = `${'('.repeat(300)}record.done${')'.repeat(300)}`
    expect(refusal(source).reason).toBe('the expression does not parse: Exceeded maxDepth (250)')
  })
})

describe('lowerRowCondition: user maps', () => {
  it('lowers a user map indexed by a field, compared either way round or with `in`', () => {
    const roles = { kind: 'user', source: 'current_user.organizationRoles' } as const
    expect(bare("current_user.organizationRoles[region] in ['owner', 'admin']")).toEqual({
      kind: 'keyed',
      field: 'region',
      map: roles.source,
      op: 'in',
      value: lit(['owner', 'admin']),
    })
    expect(bare("'owner' == current_user.organizationRoles[region]")).toEqual({
      kind: 'keyed',
      field: 'region',
      map: roles.source,
      op: 'eq',
      value: lit('owner'),
    })
    expect(record('record.region in current_user.organizationRoles')).toEqual(
      cmp('region', 'in', roles),
    )
  })

  it('refuses an indexed map compared with a field, or with an operand that cannot be ordered', () => {
    expect(refusal('current_user.limits[record.region] < record.amount').reason).toBe(
      'a field compared with another field cannot become a row filter',
    )
    expect(refusal('current_user.limits[record.region] < null').reason).toBe(
      'null can only be compared with == and !=',
    )
    expect(refusal("current_user.roles[record.region] in 'owner'").reason).toBe(
      '`in` needs a list on its right',
    )
  })
})
