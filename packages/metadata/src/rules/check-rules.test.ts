import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkRules } from './check-rules.js'
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
    '  - { name: own, object: deal, operation: select, using: "owner_id == current_user.id" }',
  ),
  'sharing/won.sharing.yaml': lines(
    'name: won',
    'object: deal',
    'type: criteria',
    'accessLevel: read',
    "condition: record.stage == 'won'",
    'sharedWith: { type: field, value: owner_id }',
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
    expect(checkRules(docs, docs)).toEqual([])
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
