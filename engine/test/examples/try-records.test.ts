/**
 * The runnable example of docs/guides/records.md works as the guide shows. It runs the built
 * engine (`npm ci` builds it), as a user would.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const built = existsSync(`${root}engine/dist/index.js`)

describe.skipIf(!built)('examples/crm/try-records.mjs', () => {
  it('prints what docs/guides/records.md says it prints', () => {
    const run = spawnSync(process.execPath, ['examples/crm/try-records.mjs'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const year = new Date().getUTCFullYear()
    const guide = readFileSync(`${root}docs/guides/records.md`, 'utf8')
    const shown = /```console\n\$ node examples\/crm\/try-records\.mjs\n([\s\S]*?)```/.exec(guide)
    expect(shown?.[1]?.replace('OPP-2026', `OPP-${year}`)).toBe(run.stdout)
  })
})
