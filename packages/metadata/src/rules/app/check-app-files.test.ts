import { describe, expect, it } from 'vitest'
import { validateFiles } from '../../project/validate-files.js'
import { checkAppFiles } from './check-app-files.js'

const file = (path: string, content = 'name: app\n') => ({ path, content })
const account = file('objects/account.object.yaml', 'name: account\nfields: {}\n')

describe('app folder checks', () => {
  it('accepts a folder with its manifest at the root', () => {
    expect(checkAppFiles([file('objectos.yaml'), account])).toEqual([])
  })

  it('reports a folder without a manifest at objectos.yaml 1:1, saying how to fix it', () => {
    expect(checkAppFiles([account])).toEqual([
      {
        code: 'OOS_APP_NO_MANIFEST',
        severity: 'error',
        message: 'the app folder has no objectos.yaml manifest',
        file: 'objectos.yaml',
        line: 1,
        column: 1,
        path: [],
        hint: 'create objectos.yaml at the root of the app folder with at least "name: my_app"',
      },
    ])
  })

  it('points at a manifest one folder down, or one spelt .yml', () => {
    expect(checkAppFiles([file('crm/objectos.yaml'), account])[0]?.hint).toBe(
      'found crm/objectos.yaml: validate the app folder "crm" instead, or move the manifest to the root',
    )
    expect(checkAppFiles([file('objectos.yml'), account])[0]?.hint).toBe(
      'rename objectos.yml to objectos.yaml',
    )
  })

  it('reports an empty folder once, as empty rather than unnamed', () => {
    expect(checkAppFiles([])).toMatchObject([
      {
        code: 'OOS_APP_EMPTY',
        file: '.',
        line: 1,
        column: 1,
        message: 'no metadata files found in the app folder',
      },
    ])
  })

  it('runs as part of validateFiles', () => {
    const codes = (files: Parameters<typeof validateFiles>[0]) =>
      validateFiles(files).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)
    expect(codes([])).toEqual(['.:1:1 OOS_APP_EMPTY'])
    expect(codes([account])).toEqual(['objectos.yaml:1:1 OOS_APP_NO_MANIFEST'])
    expect(codes([file('objectos.yaml'), account])).toEqual([])
  })

  it('tells a .yml metadata file how to be read', () => {
    const { diagnostics } = validateFiles([file('objectos.yaml'), file('objects/deal.object.yml')])
    expect(diagnostics).toMatchObject([
      {
        code: 'OOS_FILE_UNKNOWN_KIND',
        file: 'objects/deal.object.yml',
        line: 1,
        column: 1,
        hint: 'rename to deal.object.yaml',
      },
    ])
    const other = validateFiles([file('objectos.yaml'), file('notes/todo.yml')])
    expect(other.diagnostics[0]?.hint).toBeUndefined()
  })
})
