import { describe, expect, it } from 'vitest'
import { tempFolder, writeTree } from '../test/capture-io.js'
import { loadAppFolder } from './load-app-folder.js'

describe('loadAppFolder', () => {
  it('reads every YAML file below the folder, sorted, with / paths', async () => {
    const root = await writeTree(await tempFolder(), {
      'objectos.yaml': 'name: app\n',
      'objects/b.object.yaml': 'name: b\n',
      'objects/a.object.yml': 'name: a\n',
      'views/deep/x.view.YAML': 'name: x\n',
      'notes.txt': 'not metadata',
      'objects/readme.md': '# not metadata',
    })
    const files = await loadAppFolder(root)
    expect(files.map((f) => f.path)).toEqual([
      'objectos.yaml',
      'objects/a.object.yml',
      'objects/b.object.yaml',
      'views/deep/x.view.YAML',
    ])
  })

  it('skips node_modules, dist and hidden files and folders', async () => {
    const root = await writeTree(await tempFolder(), {
      'objectos.yaml': 'name: app\n',
      'node_modules/pkg/x.object.yaml': 'name: x\n',
      'objects/dist/y.object.yaml': 'name: y\n',
      '.github/workflows/ci.yml': 'on: push\n',
      '.yamllint.yml': 'rules: {}\n',
    })
    expect((await loadAppFolder(root)).map((f) => f.path)).toEqual(['objectos.yaml'])
  })

  it('hands over the raw bytes, so invalid UTF-8 is not replaced before validation', async () => {
    const bytes = new Uint8Array([0x6e, 0x3a, 0x20, 0xff, 0x0a])
    const root = await writeTree(await tempFolder(), { 'a.object.yaml': bytes })
    const [file] = await loadAppFolder(root)
    expect(file?.content).toBeInstanceOf(Uint8Array)
    expect([...(file?.content as Uint8Array)]).toEqual([...bytes])
  })
})
