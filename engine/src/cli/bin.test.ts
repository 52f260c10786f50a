import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// The installed command, as npm links it. Only testable after a build (`npm ci` builds).
const bin = fileURLToPath(new URL('../../bin/objectos.js', import.meta.url))
const built = existsSync(fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url)))
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

function objectos(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })
}

describe.skipIf(!built)('the built objectos binary', () => {
  it('validates the example CRM with exit code 0', () => {
    const result = objectos('validate', 'examples/crm')
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^✔ \d+ files valid\n$/)
    expect(result.status).toBe(0)
  })

  it('exits 2 on a usage error', () => {
    const result = objectos('validate', '--nope')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('unknown option "--nope"')
  })
})
