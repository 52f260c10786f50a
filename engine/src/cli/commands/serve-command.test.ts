/**
 * `objectos serve` as a user runs it: the built binary on a copy of the example CRM, listening on
 * a real port, answering requests, and stopping cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../../', import.meta.url))
const bin = join(root, 'engine/bin/objectos.js')
const built = existsSync(join(root, 'engine/dist/cli/bin.js'))

describe.skipIf(!built)('objectos serve', () => {
  it('migrates, serves the REST API on a real port and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'objectos-serve-'))
    cpSync(join(root, 'examples/crm'), dir, { recursive: true })
    const child = spawn(process.execPath, [bin, 'serve', dir], {
      env: { ...process.env, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      let stderr = ''
      const url = await new Promise<string>((found, failed) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString()
          const match = /on (http:\/\/[^ ]+) \(database: sqlite/.exec(stderr)
          if (match?.[1] !== undefined) found(match[1])
        })
        child.on('exit', (code) => failed(new Error(`exited ${code}: ${stderr}`)))
      })
      expect((await fetch(`${url}/health`)).status).toBe(200)
      expect(await (await fetch(`${url}/ready`)).json()).toEqual({
        status: 'ready',
        database: 'sqlite',
      })
      const created = await fetch(`${url}/api/v1/data/account`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Served' }),
      })
      expect(created.status).toBe(201)
      const list = await (await fetch(`${url}/api/v1/data/account?fields=name`)).json()
      expect(list).toMatchObject({ data: [{ name: 'Served' }] })
      const exited = new Promise<number | null>((done) => child.on('exit', done))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    } finally {
      child.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
