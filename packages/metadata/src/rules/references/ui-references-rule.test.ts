import { describe, expect, it } from 'vitest'
import { checkRules } from '../check-rules.js'
import { lines, parsedApp, positions } from '../testing/parsed-app.js'

const app = {
  'objects/account.object.yaml': lines(
    'name: account',
    'fields:',
    '  name: { type: text }',
    '  stage: { type: text }',
    '  amount: { type: currency }',
    '  parent: { type: lookup, reference: account }',
  ),
  'dashboards/sales.dashboard.yaml': lines('name: sales', 'label: Sales', 'widgets: []'),
  'pages/home.page.yaml': lines('name: home', 'type: home'),
}

function check(file: string, text: string) {
  const docs = parsedApp({ ...app, [file]: text })
  return checkRules(docs, docs)
}

describe('views', () => {
  it('accepts columns, sorts, layouts and forms over real fields, through lookups too', () => {
    const view = lines(
      'name: account',
      'object: account',
      'list:',
      '  type: kanban',
      '  columns: [name, parent.name, { field: amount }]',
      '  sort: [{ field: amount, order: desc }]',
      '  kanban: { groupByField: stage, columns: [name] }',
      'form:',
      '  sections:',
      '    - { name: main, fields: [name, { field: stage }] }',
    )
    expect(check('views/account.view.yaml', view)).toEqual([])
  })

  it('reports an unknown view object', () => {
    const view = lines('name: account', 'object: acount', 'list: { columns: [name] }')
    expect(positions(check('views/account.view.yaml', view))).toEqual([
      'views/account.view.yaml:2:9 OOS_REF_UNKNOWN_OBJECT',
    ])
  })

  it('reports unknown fields in lists, layouts, named list views and forms', () => {
    const view = lines(
      'name: account',
      'object: account',
      'list:',
      '  columns: [name, parent.nam]', // 4
      '  filter: [{ field: stag, operator: equals, value: x }]', // 5
      '  calendar: { startDateField: create_at }', // 6
      'listViews:',
      '  big: { columns: [amont] }', // 8
      'form:',
      '  sections:',
      '    - name: main',
      '      fields: [name, { field: amout }]', // 12
    )
    const found = check('views/account.view.yaml', view)
    expect(positions(found)).toEqual([
      'views/account.view.yaml:4:19 OOS_REF_UNKNOWN_FIELD',
      'views/account.view.yaml:5:21 OOS_REF_UNKNOWN_FIELD',
      'views/account.view.yaml:6:31 OOS_REF_UNKNOWN_FIELD',
      'views/account.view.yaml:8:20 OOS_REF_UNKNOWN_FIELD',
      'views/account.view.yaml:12:31 OOS_REF_UNKNOWN_FIELD',
    ])
    expect(found[0]?.message).toBe('"nam" is not a field of object "account"')
    expect(found[2]?.hint).toBe('did you mean "created_at"?')
  })

  it('checks a list that reads another object through its own data source', () => {
    const view = lines(
      'name: account',
      'object: account',
      'list:',
      '  data: { provider: object, object: contact }', // 4
      '  columns: [whatever]',
      'listViews:',
      '  remote: { data: { provider: api, read: { url: /x } }, columns: [anything] }',
    )
    expect(positions(check('views/account.view.yaml', view))).toEqual([
      'views/account.view.yaml:4:37 OOS_REF_UNKNOWN_OBJECT',
    ])
  })
})

describe('apps, pages and dashboards', () => {
  it('checks navigation targets, through children and areas', () => {
    const text = lines(
      'name: crm',
      'label: CRM',
      'navigation:',
      '  - { id: accounts, label: A, type: object, objectName: account, filters: { stag: x } }', // 4
      '  - id: more',
      '    label: More',
      '    type: group',
      '    children:',
      '      - { id: d, label: D, type: dashboard, dashboardName: sale }', // 9
      '      - { id: p, label: P, type: page, pageName: home }',
      'areas:',
      '  - id: ops',
      '    label: Ops',
      '    navigation:',
      '      - { id: x, label: X, type: object, objectName: acount }', // 15
    )
    const found = check('apps/crm.app.yaml', text)
    expect(positions(found)).toEqual([
      'apps/crm.app.yaml:4:77 OOS_REF_UNKNOWN_FIELD',
      'apps/crm.app.yaml:9:60 OOS_REF_UNKNOWN_TARGET',
      'apps/crm.app.yaml:15:54 OOS_REF_UNKNOWN_OBJECT',
    ])
    expect(found[1]).toMatchObject({
      message: 'dashboard "sale" is not declared in this app',
      hint: 'did you mean "sales"?',
    })
  })

  it("checks a page's object and its interface columns", () => {
    const text = lines(
      'name: accounts',
      'type: list',
      'object: acount', // 3
      'interfaceConfig:',
      '  source: account',
      '  columns: [name, amout]', // 6
    )
    expect(positions(check('pages/accounts.page.yaml', text))).toEqual([
      'pages/accounts.page.yaml:3:9 OOS_REF_UNKNOWN_OBJECT',
      'pages/accounts.page.yaml:6:19 OOS_REF_UNKNOWN_FIELD',
    ])
  })

  it("checks a dashboard's global filter objects and fields", () => {
    const text = lines(
      'name: pipeline',
      'label: Pipeline',
      'widgets: []',
      'globalFilters:',
      '  - { name: s, field: stge, object: account }', // 5
      '  - { name: t, field: x, object: deal }', // 6
    )
    expect(positions(check('dashboards/pipeline.dashboard.yaml', text))).toEqual([
      'dashboards/pipeline.dashboard.yaml:5:23 OOS_REF_UNKNOWN_FIELD',
      'dashboards/pipeline.dashboard.yaml:6:34 OOS_REF_UNKNOWN_OBJECT',
    ])
  })
})
