import { describe, expect, it } from 'vitest'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { captureIo, tempFolder, writeTree } from '../../test/capture-io.js'
import { runCli } from '../run-cli.js'
import { createSchemasCommand } from './schemas-command.js'

const generated = [
  { file: 'object.schema.json', content: '{ "title": "Object" }\n' },
  { file: 'view.schema.json', content: '{ "title": "View" }\n' },
  { file: 'catalog.json', content: '{ "schemas": [] }\n' },
]

async function setup(files: Readonly<Record<string, string>> = {}) {
  const root = await tempFolder()
  const folder = join(root, 'schemas')
  await writeTree(folder, { 'package.json': '{}\n', ...files })
  const command = createSchemasCommand({
    generate: async () => generated,
    schemasFolder: () => folder,
  })
  const run = async (...argv: string[]) => {
    const cli = captureIo({ cwd: root })
    const code = await runCli(['schemas', ...argv], cli, [command])
    return { code, out: cli.out(), err: cli.err() }
  }
  return { folder, run }
}

describe('objectos schemas', () => {
  it('writes every generated file, then reports the folder up to date', async () => {
    const { folder, run } = await setup()
    const first = await run()
    expect(first.code).toBe(0)
    expect(first.out).toContain('schemas/object.schema.json  created')
    expect(first.out).toContain('✔ 3 files written')
    expect(await readFile(join(folder, 'view.schema.json'), 'utf8')).toBe(generated[1]?.content)
    const again = await run()
    expect(again.out).toBe('✔ schemas is up to date\n')
    expect((await run('--check')).code).toBe(0)
  })

  it('with --check lists files that would change, exits 1 and writes nothing', async () => {
    const { folder, run } = await setup({
      'object.schema.json': '{ "title": "Old" }\n',
      'view.schema.json': generated[1]?.content ?? '',
      'catalog.json': generated[2]?.content ?? '',
      'ticket.schema.json': '{}\n',
    })
    const result = await run('--check')
    expect(result.code).toBe(1)
    expect(result.out.split('\n')).toEqual([
      'schemas/object.schema.json  would update',
      'schemas/ticket.schema.json  would remove',
      '✖ 2 files out of date; run "npm run schemas" to regenerate',
      '',
    ])
    expect(await readFile(join(folder, 'object.schema.json'), 'utf8')).toBe('{ "title": "Old" }\n')
    expect((await readdir(folder)).sort()).toContain('ticket.schema.json')
  })

  it('removes schemas of kinds that no longer exist, and nothing else', async () => {
    const { folder, run } = await setup({ 'ticket.schema.json': '{}\n', 'notes.json': '{}\n' })
    expect((await run()).code).toBe(0)
    expect((await readdir(folder)).sort()).toEqual([
      'catalog.json',
      'notes.json',
      'object.schema.json',
      'package.json',
      'view.schema.json',
    ])
  })

  it('leaves unchanged files untouched', async () => {
    const { folder, run } = await setup()
    await run()
    await writeFile(join(folder, 'catalog.json'), 'edited\n')
    const result = await run()
    expect(result.out).toBe('schemas/catalog.json  updated\n✔ 1 file written\n')
  })
})
