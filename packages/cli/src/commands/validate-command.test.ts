import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { captureIo, tempFolder, writeTree } from '../../test/capture-io.js'
import { loadAppFolder } from '../load-app-folder.js'
import { runCli } from '../run-cli.js'

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

/** An app with one good object, one misspelt key (line 4) and one file that is not YAML. */
const brokenApp = {
  'objectos.yaml': 'name: broken\n',
  'objects/project.object.yaml': 'name: project\nfields:\n  title:\n    type: text\n',
  'objects/task.object.yaml': [
    'name: task',
    'fields:',
    '  title:',
    '    lable: Title',
    '    type: text',
    '',
  ].join('\n'),
  'objects/note.object.yaml': 'name: note\nfields: [unclosed\n',
}

async function brokenFolder(): Promise<string> {
  const root = await tempFolder()
  await writeTree(join(root, 'app'), brokenApp)
  return root
}

describe('objectos validate', () => {
  it('passes the example CRM with exit 0 and a one-line summary', async () => {
    const cli = captureIo({ cwd: repoRoot })
    const files = await loadAppFolder(join(repoRoot, 'examples/crm'))
    expect(files.length).toBeGreaterThan(10)
    expect(await runCli(['validate', 'examples/crm'], cli)).toBe(0)
    expect(cli.out()).toBe(`✔ ${files.length} files valid\n`)
    expect(cli.err()).toBe('')
  })

  it('defaults to the current directory', async () => {
    const cli = captureIo({ cwd: join(repoRoot, 'examples/crm') })
    expect(await runCli(['validate'], cli)).toBe(0)
    expect(cli.out()).toMatch(/^✔ \d+ files valid\n$/)
  })

  it('prints file:line:col  error  CODE  message per problem, paths relative to the cwd', async () => {
    const root = await brokenFolder()
    const cli = captureIo({ cwd: root })
    expect(await runCli(['validate', 'app'], cli)).toBe(1)
    const lines = cli.out().trimEnd().split('\n')
    const diagnostics = lines.slice(0, -1)
    for (const line of diagnostics) {
      expect(line).toMatch(
        /^app\/objects\/(task|note)\.object\.yaml:\d+:\d+ {2}error {2}OOS_[A-Z_]+ {2}\S/,
      )
    }
    expect(diagnostics.some((l) => l.startsWith('app/objects/task.object.yaml:4:'))).toBe(true)
    expect(diagnostics.some((l) => l.startsWith('app/objects/note.object.yaml:'))).toBe(true)
    expect(lines.at(-1)).toMatch(/^✖ \d+ errors? in 2 files$/)
    expect(cli.err()).toBe('')
  })

  it('shows a path that opens from where the command ran, even from inside the app', async () => {
    const root = await brokenFolder()
    const cli = captureIo({ cwd: join(root, 'app', 'objects') })
    expect(await runCli(['validate', '..'], cli)).toBe(1)
    expect(cli.out()).toMatch(/^task\.object\.yaml:4:\d+ {2}error {2}/m)
  })

  it('prints only a JSON document with --format json', async () => {
    const root = await brokenFolder()
    const cli = captureIo({ cwd: root })
    expect(await runCli(['validate', 'app', '--format', 'json'], cli)).toBe(1)
    const report = JSON.parse(cli.out())
    expect(report.summary).toMatchObject({ files: 4, filesWithDiagnostics: 2, valid: false })
    expect(report.summary.errors).toBe(report.diagnostics.length)
    const first = report.diagnostics.find(
      (d: { file: string }) => d.file === 'app/objects/task.object.yaml',
    )
    expect(first).toMatchObject({ line: 4, severity: 'error' })
    expect(first.code).toMatch(/^OOS_/)
    expect(Array.isArray(first.path)).toBe(true)
    expect(cli.err()).toBe('')
  })

  it('reports a clean app in JSON with an empty diagnostics list', async () => {
    const cli = captureIo({ cwd: repoRoot })
    expect(await runCli(['validate', 'examples/crm', '--format=json'], cli)).toBe(0)
    const report = JSON.parse(cli.out())
    expect(report.diagnostics).toEqual([])
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0, valid: true })
  })

  it('turns invalid UTF-8 into a diagnostic, not a crash', async () => {
    const root = await tempFolder()
    await writeTree(root, {
      'objectos.yaml': 'name: bytes\n',
      'objects/bad.object.yaml': new Uint8Array([
        0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a,
      ]),
    })
    const cli = captureIo({ cwd: root })
    expect(await runCli(['validate'], cli)).toBe(1)
    expect(cli.out()).toMatch(/^objects\/bad\.object\.yaml:\d+:\d+ {2}error {2}OOS_/m)
  })

  it('exits 2 when the folder does not exist or is a file', async () => {
    const missing = captureIo({ cwd: repoRoot })
    expect(await runCli(['validate', 'examples/nope'], missing)).toBe(2)
    expect(missing.err()).toContain('objectos validate: folder "examples/nope" does not exist')
    const file = captureIo({ cwd: repoRoot })
    expect(await runCli(['validate', 'package.json'], file)).toBe(2)
    expect(file.err()).toContain('"package.json" is not a folder')
    expect(missing.out() + file.out()).toBe('')
  })

  it('colours output only on a terminal without NO_COLOR', async () => {
    const root = await brokenFolder()
    const run = async (isTTY: boolean, env: Record<string, string>) => {
      const cli = captureIo({ cwd: root, isTTY, env })
      await runCli(['validate', 'app'], cli)
      return cli.out()
    }
    expect(await run(true, {})).toContain('\u001b[31merror\u001b[39m')
    expect(await run(true, { NO_COLOR: '1' })).not.toContain('\u001b[')
    expect(await run(false, {})).not.toContain('\u001b[')
  })
})
