import { describe, expect, it } from 'vitest'
import { declaredByPath, fileStem } from './file-stem.js'

describe('fileStem', () => {
  it('drops the folder and the double extension', () => {
    expect(fileStem('objects/account.object.yaml', 'object')).toBe('account')
    expect(fileStem('apps/crm/flows/welcome_mail.flow.yaml', 'flow')).toBe('welcome_mail')
    expect(fileStem('account.view.yaml', 'view')).toBe('account')
  })

  it('keeps dots that belong to the name', () => {
    expect(fileStem('objects/my.account.object.yaml', 'object')).toBe('my.account')
  })

  it('names the manifest "objectos"', () => {
    expect(fileStem('objectos.yaml', 'manifest')).toBe('objectos')
    expect(fileStem('apps/crm/objectos.yaml', 'manifest')).toBe('objectos')
  })
})

describe('declaredByPath', () => {
  it('names the kind and entity of a metadata path', () => {
    expect(declaredByPath('objects/account.object.yaml')).toEqual({
      kind: 'object',
      stem: 'account',
    })
    expect(declaredByPath('objectos.yaml')).toEqual({ kind: 'manifest', stem: 'objectos' })
  })

  it('still declares the entity of a file refused for its .yml extension', () => {
    expect(declaredByPath('objects/lead.object.yml')).toEqual({ kind: 'object', stem: 'lead' })
  })

  it('declares nothing for a path without a known kind', () => {
    expect(declaredByPath('objects/account.yaml')).toBeUndefined()
  })
})
