/**
 * The example CRM's permission sets through REST, with real sign-in, on every dialect: for each
 * caller — Rita, Ron and Otto (sales_rep; Rita and Ron report to Mia), Mia (sales_manager),
 * Rita's API key, the administrator and nobody — the exact rows of every object, the fields
 * they carry, counts and aggregates, relations, and which writes go through. Expected rows are
 * written out in testing/crm-visibility.ts; every refused write is checked to change nothing.
 */
import { describe, expect, it } from 'vitest'
import { dialects } from '../../src/testing/test-database.js'
import { crmObjects, type CrmObject } from './testing/crm-sales-team.js'
import { pipelineOf, visibleTo, type Caller } from './testing/crm-visibility.js'
import { useCrmWithUsers, type Method, type Row } from './testing/served-crm-with-users.js'

interface Problem {
  readonly title: string
  readonly status: number
  readonly code: string
  readonly errors?: readonly { field: string; code: string }[]
}

/** A well-formed record id that no record has. */
const missingId = '01900000-0000-7000-8000-000000000000'
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value))
const objects = Object.keys(crmObjects) as CrmObject[]

type Write = readonly [Method, string, Row | undefined]
/** The status and code a refused write answers, and the field its title names. */
type Refusal = readonly [number, string, string?]
const notFound: Refusal = [404, 'OOS_DATA_NOT_FOUND']
const recordDenied: Refusal = [403, 'OOS_ACCESS_RECORD_DENIED']
const objectDenied: Refusal = [403, 'OOS_ACCESS_OBJECT_DENIED']
const ownerDenied: Refusal = [403, 'OOS_ACCESS_OWNER_DENIED']
const fieldDenied = (field: string): Refusal => [403, 'OOS_ACCESS_FIELD_DENIED', field]
const somebody = Object.keys(visibleTo) as Exclude<Caller, 'anonymous'>[]

describe.each(dialects)('CRM permissions through REST on %s', (dialect) => {
  const crm = useCrmWithUsers(dialect)
  const id = (name: string): string => {
    const found = crm().ids[name]
    if (found === undefined) throw new Error(`no seed record "${name}"`)
    return found
  }
  const send = (as: Caller, method: Method, path: string, body?: unknown) =>
    crm().rest(as, method, `data/${path}`, body)
  /** The names of the rows `as` lists, sorted by name; also checks the count. */
  const names = async (as: Caller, object: CrmObject, query = '') => {
    const nameField = crmObjects[object]
    const res = await send(as, 'GET', `${object}?sort=${nameField}&count=true${query}`)
    expect(res.statusCode, `${as} ${object}: ${res.body}`).toBe(200)
    const { data, meta } = res.json<{ data: Row[]; meta: { total: number } }>()
    expect(meta.total, `${as} ${object} total`).toBe(data.length)
    return data.map((row) => row[nameField])
  }
  const problem = (res: { statusCode: number; json: <T>() => T }) => [
    res.statusCode,
    res.json<Problem>().code,
  ]
  const shapeOf = (body: string, ...ids: string[]) =>
    ids.reduce((text, one) => text.replaceAll(one, '<id>'), body)

  it('shows each caller exactly the rows of each object their permission sets reach', async () => {
    for (const caller of somebody) {
      for (const object of objects) {
        expect(await names(caller, object), `${caller} ${object}`).toEqual(
          visibleTo[caller][object],
        )
      }
    }
  })

  it('refuses a caller without credentials before reading anything (401)', async () => {
    const attempts: [Method, string, unknown?][] = [
      ...objects.map((object): [Method, string] => ['GET', `data/${object}`]),
      ['GET', `data/opportunity/${id('Rita deal 1')}`],
      ['POST', 'data/opportunity/query', { filter: { name: 'Rita deal 1' } }],
      ['POST', 'data/opportunity/aggregate', { aggregates: { n: { fn: 'count' } } }],
      ['PATCH', `data/opportunity/${id('Rita deal 1')}`, { next_step: 'Anonymous' }],
      ['DELETE', `data/lead/${id('Nobody lead')}`],
      ['GET', 'meta/objects/opportunity'],
    ]
    const before = await crm().stored()
    for (const [method, path, body] of attempts) {
      const res = await crm().rest('anonymous', method, path, body)
      expect(problem(res), `${method} ${path}`).toEqual([401, 'OOS_ACCESS_UNAUTHENTICATED'])
      expect(res.body).not.toMatch(/Corp|deal|lead|item|call|Contact/)
    }
    expect(await crm().stored()).toEqual(before)
  })

  it('answers a get of a record outside the read scope exactly like a missing one', async () => {
    const hidden: [Caller, CrmObject, string][] = [
      ['rita', 'opportunity', 'Ron deal'],
      ['rita_key', 'opportunity', 'Mia deal'],
      ['rita', 'lead', 'Nobody lead'],
      ['ron', 'activity', 'Rita call'],
      ['otto', 'opportunity_line_item', 'Rita item 1'],
      ['mia', 'opportunity_line_item', 'Otto item'],
      ['mia', 'opportunity_line_item', 'Nobody item'],
    ]
    for (const [caller, object, name] of hidden) {
      const res = await send(caller, 'GET', `${object}/${id(name)}`)
      const missing = await send(caller, 'GET', `${object}/${missingId}`)
      expect(problem(res), `${caller} ${name}`).toEqual([404, 'OOS_DATA_NOT_FOUND'])
      expect(shapeOf(res.body, id(name))).toBe(shapeOf(missing.body, missingId))
    }
    // Accounts and contacts are org-wide for reps: another team's are there to read.
    for (const [object, name] of [
      ['account', 'Otto Corp'],
      ['contact', 'Nobody Contact'],
    ] as const) {
      const res = await send('rita', 'GET', `${object}/${id(name)}`)
      expect([res.statusCode, res.json<{ data: Row }>().data[crmObjects[object]]]).toEqual([
        200,
        name,
      ])
    }
  })

  it('gives reps every field, the read-only ones with their values, and says which they may edit', async () => {
    const registry = crm().app.registry()
    // Each object's read-only field for reps, its seeded value, and a field reps may edit.
    const reads: [CrmObject, string, string, unknown, string][] = [
      ['opportunity', 'Rita deal 1', 'probability', 10, 'next_step'],
      ['opportunity_line_item', 'Rita item 1', 'discount', 5, 'quantity'],
      ['account', 'Rita Corp', 'annual_revenue', 1000, 'phone'],
    ]
    for (const caller of ['rita', 'rita_key', 'mia', 'admin'] as const) {
      for (const [object, name, field, value] of reads) {
        const every = [...registry.object(object).fields.keys()].sort()
        const got = await send(caller, 'GET', `${object}/${id(name)}`)
        const row = got.json<{ data: Row }>().data
        expect(Object.keys(row).sort(), `${caller} ${object}`).toEqual(every)
        expect(row[field], `${caller} ${object}.${field}`).toBe(value)
        const listed = await send(caller, 'GET', `${object}?filter=${q({ id: id(name) })}`)
        expect(listed.json<{ data: Row[] }>().data).toEqual([row])
      }
    }
    // What /meta tells the UI: the same fields, read-only ones marked, and no delete for reps.
    const metaOf = async (caller: Caller, object: CrmObject) => {
      const res = await crm().rest(caller, 'GET', `meta/objects/${object}`)
      const { access, fields } = res.json<{
        data: { access: Row; fields: { name: string; editable: boolean }[] }
      }>().data
      return { access, editable: new Map(fields.map((f) => [f.name, f.editable])) }
    }
    for (const [object, , field, , editable] of reads) {
      const rep = await metaOf('rita', object)
      const manager = await metaOf('mia', object)
      expect([...rep.editable.keys()].sort()).toEqual(
        [...registry.object(object).fields.keys()].sort(),
      )
      expect([rep.editable.get(field), manager.editable.get(field)], field).toEqual([false, true])
      expect(rep.editable.get(editable), editable).toBe(true)
    }
    expect((await metaOf('rita', 'opportunity')).access).toEqual({
      read: true,
      create: true,
      edit: true,
      delete: false,
    })
    expect((await metaOf('mia', 'opportunity')).access).toEqual({
      read: true,
      create: true,
      edit: true,
      delete: true,
    })
  })

  it('counts, aggregates and searches only the rows the caller may read', async () => {
    for (const caller of somebody) {
      const deals = visibleTo[caller].opportunity
      const totals = await send(caller, 'POST', 'opportunity/aggregate', {
        aggregates: { n: { fn: 'count' }, pipeline: { fn: 'sum', field: 'amount' } },
      })
      expect(totals.json<{ data: Row[] }>().data, caller).toEqual([
        { n: deals.length, pipeline: pipelineOf[caller] },
      ])
      const items = await send(caller, 'POST', 'opportunity_line_item/aggregate', {
        aggregates: { n: { fn: 'count' } },
      })
      expect(items.json<{ data: Row[] }>().data, caller).toEqual([
        { n: visibleTo[caller].opportunity_line_item.length },
      ])
      expect(await names(caller, 'opportunity', '&search=deal'), caller).toEqual(deals)
    }
    const byOwner = await send('rita_key', 'POST', 'opportunity/aggregate', {
      groupBy: ['owner_id'],
      aggregates: { n: { fn: 'count' } },
    })
    expect(byOwner.json<{ data: Row[] }>().data).toEqual([{ owner_id: crm().userIds.rita, n: 2 }])
    // Grouping through a lookup cannot reach a hidden parent: Ron's deal stays out.
    const byDeal = await send('rita', 'POST', 'opportunity_line_item/aggregate', {
      groupBy: ['opportunity.name'],
      aggregates: { n: { fn: 'count' } },
      sort: ['opportunity.name'],
    })
    expect(byDeal.json<{ data: Row[] }>().data).toEqual([
      { 'opportunity.name': 'Rita deal 1', n: 1 },
      { 'opportunity.name': 'Rita deal 2', n: 1 },
    ])
  })

  it('lets relations reach only what the caller may read', async () => {
    // Rita Corp has Rita's two deals and Ron's: each sees their own in its child list.
    const children: [Caller, string[]][] = [
      ['rita', ['Rita deal 1', 'Rita deal 2']],
      ['rita_key', ['Rita deal 1', 'Rita deal 2']],
      ['ron', ['Ron deal']],
      ['otto', []],
      ['mia', ['Rita deal 1', 'Rita deal 2', 'Ron deal']],
    ]
    for (const [caller, deals] of children) {
      const res = await send(caller, 'GET', `account/${id('Rita Corp')}?expand=opportunity`)
      const { opportunity } = res.json<{ data: { opportunity: Row[] } }>().data
      expect(opportunity.map((o) => o.name).sort(), caller).toEqual(deals)
    }
    // A filter through a lookup cannot probe a hidden deal.
    const probe = `&filter=${q({ 'opportunity.name': 'Ron deal' })}`
    expect(await names('rita', 'activity', probe)).toEqual([])
    expect(await names('ron', 'activity', probe)).toEqual(['Ron call'])
    // Expanding a lookup to an org-wide account works across teams.
    const items = await send('otto', 'GET', `opportunity?expand=account`)
    const [deal] = items.json<{ data: { name: string; account: Row | null }[] }>().data
    expect([deal?.name, deal?.account?.name]).toEqual(['Otto deal', 'Otto Corp'])
  })

  it('refuses every write beyond the grants with the documented status, changing nothing', async () => {
    const { rita, ron } = crm().userIds
    const at = (object: string, name: string) => `${object}/${id(name)}`
    const patch = (path: string, body: Row): Write => ['PATCH', path, body]
    const post = (path: string, body: Row): Write => ['POST', path, body]
    const del = (path: string): Write => ['DELETE', path, undefined]
    const ritaDeal = at('opportunity', 'Rita deal 1')
    const ronDeal = at('opportunity', 'Ron deal')
    const ritaItem = at('opportunity_line_item', 'Rita item 1')
    const ritaCorp = at('account', 'Rita Corp')
    const assignment = { assignee: rita, permission_set: 'sales_manager' }
    const denied: [Caller, Write, Refusal][] = [
      ['rita', patch(ronDeal, { next_step: 'Mine' }), notFound],
      ['rita', del(at('lead', 'Ron lead')), notFound],
      ['rita', patch(at('account', 'Otto Corp'), { industry: 'retail' }), recordDenied],
      ['rita', patch(at('account', 'Nobody Corp'), { phone: '1' }), recordDenied],
      ['rita', patch(ritaDeal, { probability: 90 }), fieldDenied('probability')],
      ['rita', post('opportunity', { name: 'Sure', probability: 99 }), fieldDenied('probability')],
      ['rita', patch(ritaItem, { discount: 50 }), fieldDenied('discount')],
      ['rita', patch(ritaCorp, { annual_revenue: 1 }), fieldDenied('annual_revenue')],
      ['rita', del(ritaDeal), objectDenied],
      ['rita', del(ritaCorp), objectDenied],
      ['rita', patch(ritaDeal, { owner_id: ron }), ownerDenied],
      ['rita', post('sys_permission_assignment', assignment), objectDenied],
      ['rita_key', patch(ronDeal, { next_step: 'Mine' }), notFound],
      ['rita_key', patch(ritaDeal, { probability: 90 }), fieldDenied('probability')],
      ['rita_key', del(ritaDeal), objectDenied],
      ['rita_key', patch(`sys_user/${rita}`, { is_admin: true }), notFound],
      ['ron', post('opportunity', { name: 'Planted', owner_id: rita }), ownerDenied],
      ['ron', patch(at('activity', 'Rita call'), { subject: 'Mine' }), notFound],
      ['otto', patch(at('contact', 'Rita Contact'), { title: 'CEO' }), recordDenied],
      ['otto', del(at('contact', 'Rita Contact')), recordDenied],
      ['mia', patch(at('opportunity_line_item', 'Otto item'), { quantity: 2 }), notFound],
      ['mia', del(`sys_user/${rita}`), notFound],
    ]
    const before = await crm().stored()
    for (const [caller, [method, path, body], [status, code, field]] of denied) {
      const res = await send(caller, method, path, body)
      expect(problem(res), `${caller} ${method} ${path} ${JSON.stringify(body)}`).toEqual([
        status,
        code,
      ])
      if (field !== undefined) expect(res.json<Problem>().title).toContain(`"${field}"`)
    }
    // A reference to a deal Ron cannot see is refused like one to a deal that does not exist.
    const planted = await send('ron', 'POST', 'opportunity_line_item', {
      product_name: 'Planted',
      opportunity: id('Rita deal 1'),
      unit_price: 1,
    })
    expect(planted.statusCode).toBe(422)
    expect(planted.json<Problem>().errors).toEqual([
      expect.objectContaining({ field: 'opportunity', code: 'reference' }),
    ])
    expect(await crm().stored()).toEqual(before)
  })

  it('lets Rita, by session or API key, change her own records', async () => {
    const { rita } = crm().userIds
    const own = await send('rita', 'PATCH', `opportunity/${id('Rita deal 1')}`, {
      next_step: 'Send the proposal',
    })
    expect(own.statusCode, own.body).toBe(200)
    expect(own.json<{ data: Row }>().data).toMatchObject({
      next_step: 'Send the proposal',
      probability: 10,
      updated_by: rita,
    })
    const byKey = await send('rita_key', 'PATCH', `account/${id('Rita Corp')}`, {
      billing_city: 'Berlin',
    })
    expect(byKey.statusCode, byKey.body).toBe(200)
    expect(byKey.json<{ data: Row }>().data).toMatchObject({
      billing_city: 'Berlin',
      updated_by: rita,
    })
  })

  it('lets Mia edit any deal and account, set probability and discount, reassign and delete', async () => {
    const { ron, otto } = crm().userIds
    const before = await crm().stored()
    const ok = async (caller: Caller, method: Method, path: string, body?: Row) => {
      const res = await send(caller, method, path, body)
      expect(res.statusCode, `${caller} ${method} ${path}: ${res.body}`).toBeLessThan(300)
      return method === 'DELETE' ? {} : res.json<{ data: Row }>().data
    }
    // Otto opens an account; Rita puts a deal with one line on it.
    const spinoff = await ok('otto', 'POST', 'account', { name: 'Otto Spinoff' })
    expect(spinoff.owner_id).toBe(otto)
    const deal = await ok('rita', 'POST', 'opportunity', {
      name: 'Handover deal',
      account: spinoff.id,
    })
    const line = await ok('rita', 'POST', 'opportunity_line_item', {
      product_name: 'Handover item',
      opportunity: deal.id,
      unit_price: 100,
    })
    expect(await names('rita', 'opportunity')).toContain('Handover deal')

    await ok('mia', 'PATCH', `account/${String(spinoff.id)}`, { annual_revenue: 5000 })
    await ok('mia', 'PATCH', `opportunity/${id('Ron deal')}`, { next_step: 'Escalate' })
    expect(
      await ok('mia', 'PATCH', `opportunity/${String(deal.id)}`, { probability: 70 }),
    ).toMatchObject({ probability: 70 })
    // Rita reports to Mia: Mia's private default reaches Rita's line items.
    expect(
      await ok('mia', 'PATCH', `opportunity_line_item/${String(line.id)}`, { discount: 15 }),
    ).toMatchObject({ discount: 15, total_price: 85 })
    expect(
      await ok('mia', 'PATCH', `opportunity/${String(deal.id)}`, { owner_id: ron }),
    ).toMatchObject({
      owner_id: ron,
    })
    // Reassigned: gone for Rita — in a get, a list and a count — and there for Ron.
    expect(problem(await send('rita', 'GET', `opportunity/${String(deal.id)}`))).toEqual([
      404,
      'OOS_DATA_NOT_FOUND',
    ])
    expect(await names('rita', 'opportunity')).toEqual(visibleTo.rita.opportunity)
    expect(await names('ron', 'opportunity')).toEqual(['Handover deal', 'Ron deal'])

    await ok('mia', 'DELETE', `opportunity/${String(deal.id)}`)
    expect(problem(await send('ron', 'GET', `opportunity/${String(deal.id)}`))).toEqual([
      404,
      'OOS_DATA_NOT_FOUND',
    ])
    await ok('mia', 'DELETE', `account/${String(spinoff.id)}`)
    // Only Mia's edit of Ron's deal remains; everything made here is gone, line item included.
    const after = await crm().stored()
    const ronDeal = (rows: readonly Row[] | undefined) => rows?.find((r) => r.name === 'Ron deal')
    expect(ronDeal(after.opportunity)).toMatchObject({ next_step: 'Escalate' })
    const without = (rows: readonly Row[] | undefined) => rows?.filter((r) => r.name !== 'Ron deal')
    expect(without(after.opportunity)).toEqual(without(before.opportunity))
    expect({ ...after, opportunity: [] }).toEqual({ ...before, opportunity: [] })
  })
})
