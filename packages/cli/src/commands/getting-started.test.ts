// The getting-started guide shows what `objectos validate` prints for two typical mistakes in the
// example CRM. This test makes those mistakes in a copy of the CRM and checks that the guide shows
// the output the command really prints, so the guide cannot drift from the tool.
import { describe, expect, it } from 'vitest'
import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { captureIo, tempFolder } from '../../test/capture-io.js'
import { runCli } from '../run-cli.js'

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

async function edit(path: string, from: string, to: string): Promise<void> {
  const text = await readFile(path, 'utf8')
  expect(text).toContain(from)
  await writeFile(path, text.replace(from, to))
}

describe('docs/getting-started.md', () => {
  it('shows the summary the unchanged CRM really gets', async () => {
    const cli = captureIo({ cwd: repoRoot })
    expect(await runCli(['validate', 'examples/crm'], cli)).toBe(0)
    const guide = await readFile(join(repoRoot, 'docs', 'getting-started.md'), 'utf8')
    expect(guide).toContain(`\n${cli.out()}`)
  })

  it('shows the exact output of validating the CRM with a misspelt key and field', async () => {
    const root = await tempFolder()
    const crm = join(root, 'examples', 'crm')
    await cp(join(repoRoot, 'examples', 'crm'), crm, { recursive: true })
    await edit(
      join(crm, 'objects/contact.object.yaml'),
      '    reference: account\n',
      '    refrence: account\n',
    )
    await edit(join(crm, 'views/contact.view.yaml'), 'title, email, phone]', 'title, emial, phone]')

    const cli = captureIo({ cwd: root })
    expect(await runCli(['validate', 'examples/crm'], cli)).toBe(1)
    const guide = await readFile(join(repoRoot, 'docs', 'getting-started.md'), 'utf8')
    const output = cli.out().trimEnd().split('\n')
    expect(output).toHaveLength(3)
    for (const line of output) expect(guide).toContain(`\n${line}\n`)
  })
})
