import { describe, expect, it } from 'vitest'
import { checkRules } from '../check-rules.js'
import { withoutSupportFindings } from '../support/testing/without-support-findings.js'
import { lines, parsedApp, positions } from '../testing/parsed-app.js'

function check(object: string) {
  const docs = parsedApp({ 'objects/deal.object.yaml': object })
  return withoutSupportFindings(checkRules(docs, docs))
}

describe("an object's own field references", () => {
  it('accepts declared fields and system columns', () => {
    const deal = lines(
      'name: deal',
      'nameField: title',
      'stageField: stage',
      'highlightFields: [title, amount, created_at]',
      'searchableFields: [title]',
      'indexes:',
      '  - { fields: [stage, owner_id] }',
      'fields:',
      '  title: { type: text }',
      '  stage: { type: select, options: [{ label: A, value: aa }] }',
      '  amount: { type: currency }',
      'listViews:',
      '  open: { columns: [title, stage], sort: "amount desc, title", filter: [{ field: stage, operator: equals, value: aa }] }',
    )
    expect(check(deal)).toEqual([])
  })

  it('reports name, stage, highlight, search and index fields that do not exist', () => {
    const deal = lines(
      'name: deal',
      'nameField: titel', // 2
      'stageField: stag', // 3
      'highlightFields: [title, amout]', // 4
      'searchableFields: [nope]', // 5
      'indexes:',
      '  - { fields: [stage, ownr] }', // 7
      'fields:',
      '  title: { type: text }',
      '  stage: { type: text }',
      '  amount: { type: number }',
    )
    expect(positions(check(deal))).toEqual([
      'objects/deal.object.yaml:2:12 OOS_REF_UNKNOWN_FIELD',
      'objects/deal.object.yaml:3:13 OOS_REF_UNKNOWN_FIELD',
      'objects/deal.object.yaml:4:26 OOS_REF_UNKNOWN_FIELD',
      'objects/deal.object.yaml:5:20 OOS_REF_UNKNOWN_FIELD',
      'objects/deal.object.yaml:7:23 OOS_REF_UNKNOWN_FIELD',
    ])
    expect(check(deal)[0]).toMatchObject({
      message: '"titel" is not a field of object "deal"',
      hint: 'did you mean "title"?',
    })
  })

  it('checks validation rule fields, through conditional rules', () => {
    const deal = lines(
      'name: deal',
      'fields:',
      '  status: { type: text }',
      'validations:',
      '  - name: flow',
      '    type: state_machine',
      '    message: no',
      '    field: statu', // 8
      '    transitions: {}',
      '  - name: when_big',
      '    type: conditional',
      '    message: no',
      '    when: "true"',
      '    then:',
      '      name: inner',
      '      type: format',
      '      message: no',
      '      field: emial', // 18
      '      format: email',
    )
    expect(positions(check(deal))).toEqual([
      'objects/deal.object.yaml:8:12 OOS_REF_UNKNOWN_FIELD',
      'objects/deal.object.yaml:18:14 OOS_REF_UNKNOWN_FIELD',
    ])
  })

  it('checks sibling references of field settings and lifecycle filters', () => {
    const deal = lines(
      'name: deal',
      'fields:',
      '  record_id: { type: text, referenceVia: object_nme }', // 3
      '  object_name: { type: text }',
      '  city: { type: select, dependsOn: [contry], options: [{ label: Oslo, value: oslo }] }', // 5
      'lifecycle:',
      '  class: transient',
      '  ttl:',
      '    field: expires', // 9
      '    expireAfter: 1d',
      '    onlyWhen: { revoked: true }', // 11
    )
    expect(positions(check(deal))).toEqual([
      'objects/deal.object.yaml:3:42 OOS_REF_UNKNOWN_FIELD',
      'objects/deal.object.yaml:5:37 OOS_REF_UNKNOWN_FIELD',
      'objects/deal.object.yaml:9:12 OOS_REF_UNKNOWN_FIELD',
      'objects/deal.object.yaml:11:17 OOS_REF_UNKNOWN_FIELD',
    ])
  })

  it("checks the object's built-in list views, sort strings included", () => {
    const deal = lines(
      'name: deal',
      'fields:',
      '  title: { type: text }',
      'listViews:',
      '  all:',
      '    columns: [title, { field: amount }]', // 6
      '    sort: "-titel"', // 7
      '    kanban: { groupByField: stage }', // 8
    )
    expect(positions(check(deal))).toEqual([
      'objects/deal.object.yaml:6:31 OOS_REF_UNKNOWN_FIELD',
      'objects/deal.object.yaml:7:11 OOS_REF_UNKNOWN_FIELD',
      'objects/deal.object.yaml:8:29 OOS_REF_UNKNOWN_FIELD',
    ])
  })
})
