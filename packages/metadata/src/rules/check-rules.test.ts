import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkRules } from './check-rules.js'
import { withoutSupportFindings } from './support/testing/without-support-findings.js'
import { lines, parsedApp, parsedDocument, positions } from './testing/parsed-app.js'

/** A small app touching every kind, with every cross-file reference resolving. */
const validApp = {
  'objects/account.object.yaml': lines(
    'name: account',
    'nameField: name',
    'fields:',
    '  name: { type: text, required: true }',
    '  email: { type: email }',
    '  revenue: { type: currency }',
    '  open_amount:',
    '    type: summary',
    '    summaryOperations: { object: deal, field: amount, function: sum, relationshipField: account }',
  ),
  'objects/deal.object.yaml': lines(
    'name: deal',
    'stageField: stage',
    'fields:',
    '  title: { type: text }',
    '  account: { type: master_detail, reference: account, displayField: name }',
    '  stage: { type: select, options: [{ label: Open, value: open }, { label: Won, value: won }] }',
    '  amount: { type: currency }',
    '  weighted: { type: formula, returnType: number, expression: "record.amount * 0.5" }',
    'validations:',
    '  - name: positive',
    '    type: script',
    '    message: Amount must be positive',
    '    condition: record.amount < 0.0',
    '  - name: won_needs_amount',
    '    type: cross_field',
    '    message: A won deal needs an amount',
    '    fields: [amount]',
    "    condition: record.stage == 'won' && (record.amount == null || parent.revenue < 0.0)",
  ),
  'permissions/sales.permission.yaml': lines(
    'name: sales',
    'objects:',
    '  account: { allowRead: true }',
    '  deal: { allowRead: true, allowEdit: true }',
    'fields:',
    '  deal.amount: { readable: true, editable: false }',
    'rowLevelSecurity:',
    '  - name: own',
    '    object: deal',
    '    operation: select',
    '    using: "owner_id == current_user.id"',
    '    positions: [sales_rep, everyone]',
  ),
  'positions/sales_rep.position.yaml': lines(
    'name: sales_rep',
    'label: Sales rep',
    'permissionSets: [sales, sys_record_sharing]',
  ),
  'sharing/won.sharing.yaml': lines(
    'name: won',
    'object: deal',
    'type: criteria',
    'accessLevel: read',
    "condition: record.stage == 'won'",
    'sharedWith: { type: field, value: owner_id }',
  ),
  'sharing/open_deals.sharing.yaml': lines(
    'name: open_deals',
    'object: deal',
    'type: criteria',
    'accessLevel: edit',
    "condition: record.stage == 'open' && record.amount > 1000.0",
    'sharedWith: { type: position, value: sales_rep }',
  ),
  'triggers/stamp.trigger.yaml': lines(
    'name: stamp',
    'object: deal',
    'events: [beforeUpdate]',
    'condition: previous.stage != record.stage',
  ),
  'flows/welcome.flow.yaml': lines(
    'name: welcome',
    'label: Welcome',
    'type: record_change',
    'nodes:',
    '  - { id: start, type: start, label: Start, config: { objectName: account, triggerType: record-after-create } }',
    '  - { id: read, type: get_record, label: Read, config: { objectName: deal, filter: { account: x }, fields: [title] } }',
    'edges:',
    '  - { id: e1, source: start, target: read, condition: "record.name != \'\'" }',
  ),
  'notifications/won.notification.yaml': lines(
    'name: won',
    'object: deal',
    'events: [update]',
    "condition: record.stage == 'won'",
    'channels: [email]',
    'recipients: { fields: [owner_id], permissionSets: [sales] }',
    'subject: "Won: {{title}}"',
    'body: "{{account.name}} bought for {{ amount }}"',
  ),
  'views/deal.view.yaml': lines(
    'name: deal',
    'object: deal',
    'list:',
    '  type: kanban',
    '  columns: [title, account.name, amount]',
    '  kanban: { groupByField: stage, columns: [title, amount] }',
    'form: { sections: [{ name: main, fields: [title, stage, amount] }] }',
  ),
  'pages/deals.page.yaml': lines(
    'name: deals',
    'label: Deals',
    'type: list',
    'interfaceConfig: { source: deal, columns: [title] }',
  ),
  'dashboards/pipeline.dashboard.yaml': lines(
    'name: pipeline',
    'label: Pipeline',
    'widgets: []',
    'globalFilters: [{ name: stage, field: stage, object: deal }]',
  ),
  'apps/crm.app.yaml': lines(
    'name: crm',
    'label: CRM',
    'navigation:',
    '  - { id: deals, label: Deals, type: object, objectName: deal }',
    '  - { id: board, label: Board, type: dashboard, dashboardName: pipeline }',
    '  - { id: list, label: List, type: page, pageName: deals }',
  ),
}

describe('checkRules', () => {
  it('finds nothing wrong in an app whose references all resolve', () => {
    const docs = parsedApp(validApp)
    expect(positions(checkRules(docs, docs))).toEqual([])
  })

  it('checks only the valid documents, but resolves names declared by every document', () => {
    const docs = parsedApp({
      // This object failed its schema (say): it is not checked, yet its name and fields count.
      'objects/account.object.yaml': lines(
        'name: account',
        'fields:',
        '  name: { type: txt }',
        'nameField: nope',
      ),
      'objects/deal.object.yaml': lines(
        'name: deal',
        'fields:',
        '  account: { type: lookup, reference: account, displayField: name }',
        '  owner: { type: lookup, reference: person }', // 4
      ),
    })
    const [, deal] = docs
    expect(positions(checkRules(docs, [deal!]))).toEqual([
      'objects/deal.object.yaml:4:37 OOS_REF_UNKNOWN_OBJECT',
    ])
  })

  it('lets files that did not parse declare their names, and checks nothing inside them', () => {
    // objects/account.object.yaml and the dashboard did not parse: every reference to them, to
    // the account's fields and to `parent` (the account) in the deal's rules must stay quiet.
    const { 'objects/account.object.yaml': _account, ...rest } = validApp
    const { 'dashboards/pipeline.dashboard.yaml': _pipeline, ...app } = rest
    const docs = parsedApp({
      ...app,
      'views/account.view.yaml': lines(
        'name: account',
        'object: account',
        'list: { type: grid, columns: [name, industry] }',
      ),
    })
    const unparsed = [
      { file: 'objects/account.object.yaml', kind: 'object', stem: 'account' },
      { file: 'dashboards/pipeline.dashboard.yaml', kind: 'dashboard', stem: 'pipeline' },
    ] as const
    expect(positions(withoutSupportFindings(checkRules(docs, docs, unparsed)))).toEqual([])
    // Without them, the same app is full of unknown names.
    expect(positions(withoutSupportFindings(checkRules(docs, docs)))).toEqual([
      'objects/deal.object.yaml:5:46 OOS_REF_UNKNOWN_OBJECT',
      'objects/deal.object.yaml:18:67 OOS_CEL_UNKNOWN_VARIABLE', // parent.revenue
      'permissions/sales.permission.yaml:3:3 OOS_REF_UNKNOWN_OBJECT',
      'flows/welcome.flow.yaml:5:67 OOS_REF_UNKNOWN_OBJECT',
      'apps/crm.app.yaml:5:64 OOS_REF_UNKNOWN_TARGET',
      'views/account.view.yaml:2:9 OOS_REF_UNKNOWN_OBJECT',
    ])
  })

  it('still reports a name that no file declares when another file did not parse', () => {
    const docs = parsedApp({
      'views/account.view.yaml': lines('name: account', 'object: acount'),
    })
    const unparsed = [
      { file: 'objects/account.object.yaml', kind: 'object', stem: 'account' },
    ] as const
    expect(positions(checkRules(docs, docs, unparsed))).toEqual([
      'views/account.view.yaml:2:9 OOS_REF_UNKNOWN_OBJECT',
    ])
  })

  it('reports each problem once, sorted by position within a file', () => {
    const docs = parsedApp({
      'objects/account.object.yaml': lines('name: account', 'fields: { name: {} }'),
      'triggers/t.trigger.yaml': lines(
        'name: t',
        'object: [account, account]',
        'events: [afterInsert]',
        'condition: record.nme != ""',
      ),
    })
    expect(positions(checkRules(docs, docs))).toEqual([
      'triggers/t.trigger.yaml:4:19 OOS_CEL_UNKNOWN_FIELD',
    ])
  })

  it('finds nothing wrong in examples/crm', () => {
    const root = fileURLToPath(new URL('../../../../examples/crm', import.meta.url))
    const files: string[] = []
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (name.endsWith('.yaml') && name !== 'objectos.yaml') files.push(path)
      }
    }
    walk(root)
    expect(files.length).toBeGreaterThan(5)
    const docs = files.map((f) => parsedDocument(relative(root, f), readFileSync(f, 'utf8')))
    expect(checkRules(docs, docs)).toEqual([])
  })
})
