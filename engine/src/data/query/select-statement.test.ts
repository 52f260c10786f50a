import { describe, expect, it } from 'vitest'
import { quoteIdentifier, renderSelect } from './select-statement.js'
import { fragment } from './sql-fragment.js'

describe('renderSelect', () => {
  it('quotes identifiers per dialect and keeps every value bound, in order', () => {
    const statement = {
      table: 'deal',
      columns: ['id', 'amount'],
      where: [
        fragment('?? = ?', ['deal.stage', 'won']),
        fragment('?? in (select ?? from ?? as ?? where ?? > ?)', [
          'deal.account',
          'oos_f1.id',
          'account',
          'oos_f1',
          'oos_f1.size',
          10,
        ]),
      ],
      orderBy: fragment('?? desc, ?? asc', ['deal.amount', 'deal.id']),
      limit: 51,
      offset: 100,
    }
    expect(renderSelect('postgres', statement)).toEqual({
      sql:
        'select "id", "amount" from "deal" where ("deal"."stage" = ?) and ' +
        '("deal"."account" in (select "oos_f1"."id" from "account" as "oos_f1" where "oos_f1"."size" > ?)) ' +
        'order by "deal"."amount" desc, "deal"."id" asc limit ? offset ?',
      bindings: ['won', 10, 51, 100],
    })
    expect(renderSelect('sqlite', statement).sql).toContain(
      'from `deal` where (`deal`.`stage` = ?)',
    )
  })

  it('leaves out what the statement does not have', () => {
    expect(renderSelect('sqlite', { table: 't', columns: ['id'], where: [], offset: 0 })).toEqual({
      sql: 'select `id` from `t`',
      bindings: [],
    })
  })

  it('never lets a value become SQL, and doubles quote characters inside identifiers', () => {
    const rendered = renderSelect('postgres', {
      table: 't',
      columns: ['id'],
      where: [fragment('?? = ?', ['t.name', "x' or '1'='1 ??"])],
    })
    expect(rendered.sql).toBe('select "id" from "t" where ("t"."name" = ?)')
    expect(rendered.bindings).toEqual(["x' or '1'='1 ??"])
    expect(quoteIdentifier('postgres', 'we"ird')).toBe('"we""ird"')
    expect(quoteIdentifier('sqlite', 'we`ird')).toBe('`we``ird`')
  })

  it('keeps an escaped question mark and refuses a fragment whose bindings do not match', () => {
    const kept = renderSelect('sqlite', {
      table: 't',
      columns: ['id'],
      where: [fragment("?? like ? escape '\\?'", ['t.name', 'a'])],
    })
    expect(kept.sql).toContain("like ? escape '\\?'")
    expect(() =>
      renderSelect('sqlite', { table: 't', columns: ['id'], where: [fragment('?? = ?', ['t.a'])] }),
    ).toThrow(/expects 2 bindings, got 1/)
  })
})
