import { describe, expect, it } from 'vitest'
import { rules } from '../check-rules.js'
import { lines, positions } from '../testing/parsed-app.js'
import { filterValuesRule } from './filter-values-rule.js'
import { runRule } from './testing/run-field-rule.js'

const lead = lines(
  'name: lead',
  'fields:',
  '  name: { type: text }',
  '  account: { type: lookup, reference: account }',
  '  status:',
  '    type: select',
  '    options:',
  '      - { label: New, value: new }',
  '      - { label: Working, value: working }',
  '      - { label: Closed Won, value: closed_won }',
)
const account = lines(
  'name: account',
  'fields:',
  '  tier: { type: select, options: [{ label: Gold, value: gold }] }',
)

function check(files: Readonly<Record<string, string>>) {
  return runRule(filterValuesRule, {
    'objects/lead.object.yaml': lead,
    'objects/account.object.yaml': account,
    ...files,
  })
}

describe('filter values', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(filterValuesRule)
  })

  it('accepts option values, template variables, free-text operators and other fields', () => {
    const view = lines(
      'name: lead',
      'object: lead',
      'list:',
      '  columns: [name]',
      '  filter:',
      '    - { field: status, operator: in, value: [new, working] }',
      '    - { field: status, operator: not_equals, value: closed_won }',
      '    - { field: status, operator: contains, value: wor }',
      '    - { field: status, operator: is_empty }',
      '    - { field: name, operator: equals, value: anything }',
      '    - { field: account.tier, operator: equals, value: gold }',
      '    - { field: status, operator: equals, value: "{current_status}" }',
    )
    expect(check({ 'views/lead.view.yaml': view })).toEqual([])
  })

  it('reports a filter value that is not an option of the select field it filters', () => {
    const view = lines(
      'name: lead',
      'object: lead',
      'list:',
      '  columns: [name]',
      '  filter:',
      '    - { field: status, operator: in, value: [new, wroking] }', // 6:51
    )
    const found = check({ 'views/lead.view.yaml': view })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      code: 'OOS_FIELD_UNKNOWN_OPTION',
      file: 'views/lead.view.yaml',
      line: 6,
      column: 51,
      path: ['list', 'filter', 0, 'value', 1],
      message: '"wroking" is not an option of field "status" of object "lead"',
      hint: 'did you mean "working"?',
    })
  })

  it('checks tab filters, named list views, lookup paths and the list view of an object', () => {
    const view = lines(
      'name: lead',
      'object: lead',
      'list:',
      '  columns: [name]',
      '  tabs:',
      '    - name: won',
      '      filter: [{ field: status, operator: equals, value: Closed Won }]', // 7:58
      'listViews:',
      '  gold:',
      '    columns: [name]',
      '    filter: [{ field: account.tier, operator: equals, value: gld }]', // 11:62
    )
    const object = lines(
      'name: lead_archive',
      'fields:',
      '  status: { type: radio, options: [{ label: Open, value: open }] }',
      'listViews:',
      '  open:',
      '    columns: [status]',
      '    filter: [{ field: status, operator: equals, value: opn }]', // 7:56
    )
    const found = check({
      'views/lead.view.yaml': view,
      'objects/lead_archive.object.yaml': object,
    })
    expect(positions(found)).toEqual([
      'views/lead.view.yaml:7:58 OOS_FIELD_UNKNOWN_OPTION',
      'views/lead.view.yaml:11:62 OOS_FIELD_UNKNOWN_OPTION',
      'objects/lead_archive.object.yaml:7:56 OOS_FIELD_UNKNOWN_OPTION',
    ])
    expect(found[0]?.hint).toBe(
      '"Closed Won" is the label of option "closed_won"; filters and defaults use the value',
    )
    expect(found[1]?.message).toBe('"gld" is not an option of field "tier" of object "account"')
  })

  it('checks page filters, lookup filters and navigation filters', () => {
    const page = lines(
      'name: leads',
      'label: Leads',
      'interfaceConfig:',
      '  source: lead',
      '  filterBy: [{ field: status, operator: equals, value: nwe }]', // 5:56
    )
    const deal = lines(
      'name: deal',
      'fields:',
      '  lead:',
      '    type: lookup',
      '    reference: lead',
      '    lookupFilters: [{ field: status, operator: ne, value: lost }]', // 6:59
    )
    const app = lines(
      'name: sales',
      'label: Sales',
      'navigation:',
      '  - id: open',
      '    label: Open Leads',
      '    type: object',
      '    objectName: lead',
      '    filters: { status: opne, name: x }', // 8:24
    )
    const found = check({
      'pages/leads.page.yaml': page,
      'objects/deal.object.yaml': deal,
      'apps/sales.app.yaml': app,
    })
    expect(positions(found).sort()).toEqual([
      'apps/sales.app.yaml:8:24 OOS_FIELD_UNKNOWN_OPTION',
      'objects/deal.object.yaml:6:59 OOS_FIELD_UNKNOWN_OPTION',
      'pages/leads.page.yaml:5:56 OOS_FIELD_UNKNOWN_OPTION',
    ])
  })

  it('reports a value whose shape does not fit its operator', () => {
    const view = lines(
      'name: lead',
      'object: lead',
      'list:',
      '  columns: [name]',
      '  filter:',
      '    - { field: status, operator: in, value: new }', // 6:45
      '    - { field: name, operator: between, value: [a] }', // 7:48
      '    - { field: name, operator: not_in }', // 8:7
    )
    const found = check({ 'views/lead.view.yaml': view })
    expect(positions(found)).toEqual([
      'views/lead.view.yaml:6:45 OOS_FIELD_FILTER_VALUE_SHAPE',
      'views/lead.view.yaml:7:48 OOS_FIELD_FILTER_VALUE_SHAPE',
      'views/lead.view.yaml:8:7 OOS_FIELD_FILTER_VALUE_SHAPE',
    ])
    expect(found[0]?.message).toBe(
      'operator "in" on field "status" takes a list of values, e.g. [a, b]',
    )
  })
})
