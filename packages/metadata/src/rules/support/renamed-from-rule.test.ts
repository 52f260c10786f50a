import { describe, expect, it } from 'vitest'
import { rules } from '../check-rules.js'
import { runRule } from '../fields/testing/run-field-rule.js'
import { lines } from '../testing/parsed-app.js'
import { renamedFromRule } from './renamed-from-rule.js'

const check = (files: Readonly<Record<string, string>>) =>
  runRule(renamedFromRule, files).map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)

const account = lines('name: account', 'fields:', '  name: { type: text }')

describe('renamedFrom on objects', () => {
  it('is one of the rules', () => {
    expect(rules).toContain(renamedFromRule)
  })

  it('accepts a rename from a name no object has any more', () => {
    const customer = lines(
      'name: customer',
      'renamedFrom: client',
      'fields:',
      '  name: { type: text }',
    )
    expect(
      check({ 'objects/account.object.yaml': account, 'objects/customer.object.yaml': customer }),
    ).toEqual([])
  })

  it('reports a rename from an object that still exists, or from itself', () => {
    const found = runRule(renamedFromRule, {
      'objects/account.object.yaml': account,
      'objects/customer.object.yaml': lines('name: customer', 'renamedFrom: account', 'fields: {}'),
      'objects/vendor.object.yaml': lines('name: vendor', 'renamedFrom: vendor', 'fields: {}'),
    })
    expect(
      found.map((d) => [`${d.file}:${d.line}:${d.column}`, d.code, d.message, d.hint]),
    ).toEqual([
      [
        'objects/customer.object.yaml:2:14',
        'OOS_NAME_RENAMED_FROM_EXISTS',
        'object "customer" is renamed from "account", but "account" still exists',
        'remove renamedFrom, or remove or rename object "account" first',
      ],
      [
        'objects/vendor.object.yaml:2:14',
        'OOS_NAME_RENAMED_FROM_EXISTS',
        'object "vendor" is renamed from "vendor", but "vendor" still exists',
        'an object cannot be renamed from its own name; remove renamedFrom',
      ],
    ])
  })

  it('reports the second of two objects renamed from one table, naming the first file', () => {
    const found = runRule(renamedFromRule, {
      'objects/patron.object.yaml': lines('name: patron', 'renamedFrom: customer', 'fields: {}'),
      'objects/client.object.yaml': lines('name: client', 'renamedFrom: customer', 'fields: {}'),
    })
    expect(
      found.map((d) => [`${d.file}:${d.line}:${d.column}`, d.code, d.message, d.hint]),
    ).toEqual([
      [
        'objects/patron.object.yaml:2:14',
        'OOS_NAME_RENAMED_FROM_DUPLICATE',
        'object "customer" is already renamed to "client"',
        'objects/client.object.yaml already renames table "customer"; one table cannot become two',
      ],
    ])
  })
})

describe('renamedFrom on fields', () => {
  it('accepts renames from names the object no longer declares', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  title: { type: text, renamedFrom: name }',
      '  phone: { type: phone, renamedFrom: telephone }',
    )
    expect(check({ 'objects/item.object.yaml': item })).toEqual([])
  })

  it('reports a rename from a declared field, itself or a system column', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  name: { type: text }',
      '  title: { type: text, renamedFrom: name }', // 4:37
      '  code: { type: text, renamedFrom: code }', // 5:36
      '  owner: { type: text, renamedFrom: owner_id }', // 6:37
    )
    const found = runRule(renamedFromRule, { 'objects/item.object.yaml': item })
    expect(found.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      '4:37 OOS_NAME_RENAMED_FROM_EXISTS',
      '5:36 OOS_NAME_RENAMED_FROM_EXISTS',
      '6:37 OOS_NAME_RENAMED_FROM_EXISTS',
    ])
    expect(found.map((d) => d.hint)).toEqual([
      'remove renamedFrom, or remove or rename field "name" first',
      'a field cannot be renamed from its own name; remove renamedFrom',
      '"owner_id" is a system column ObjectOS adds to every table; it cannot be renamed',
    ])
  })

  it('reports the second of two fields renamed from one column', () => {
    const item = lines(
      'name: item',
      'fields:',
      '  phone_main: { type: phone, renamedFrom: phone }',
      '  phone_mobile: { type: phone, renamedFrom: phone }', // 4:45
    )
    const found = runRule(renamedFromRule, { 'objects/item.object.yaml': item })
    expect(found.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      '4:45 OOS_NAME_RENAMED_FROM_DUPLICATE field "phone" is already renamed to "phone_main"',
    ])
  })

  it('checks fields within their own object only', () => {
    const other = lines('name: other', 'fields:', '  title: { type: text, renamedFrom: name }')
    expect(
      check({ 'objects/account.object.yaml': account, 'objects/other.object.yaml': other }),
    ).toEqual([])
  })
})
