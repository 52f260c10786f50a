/**
 * The import boundaries of DESIGN.md §2 are enforced by eslint.config.js; these cases prove the
 * rules fire (and stay quiet on allowed imports), so a config edit cannot silently drop them.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: import.meta.dirname })

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe('import boundaries', () => {
  it.each([
    ['packages/metadata/src/x.ts', "import { readFileSync } from 'node:fs'\nreadFileSync('a')\n"],
    ['packages/metadata/src/x.ts', "import { run } from '@objectos/cli'\nrun()\n"],
    ['packages/cli/src/x.ts', "import { boot } from '@objectos/engine'\nboot()\n"],
    ['schemas/src/x.ts', "import { boot } from '../../engine/src/boot.js'\nboot()\n"],
    ['studio/src/x.ts', "import { boot } from '@objectos/engine'\nboot()\n"],
    ['renderer/src/x.ts', "import { boot } from '@objectos/engine/data'\nboot()\n"],
  ])('refuses the import in %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1)
  })

  it.each([
    ['packages/metadata/src/x.ts', "import { parse } from 'yaml'\nparse('a')\n"],
    [
      'packages/metadata/src/x.test.ts',
      "import { readFileSync } from 'node:fs'\nreadFileSync('a')\n",
    ],
    ['packages/cli/src/x.ts', "import { readFileSync } from 'node:fs'\nreadFileSync('a')\n"],
  ])('allows the import in %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([])
  })
})
