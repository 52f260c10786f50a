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
  it('migrates, creates the first admin, serves the REST API to signed-in callers and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'objectos-serve-'))
    cpSync(join(root, 'examples/crm'), dir, { recursive: true })
    const child = spawn(process.execPath, [bin, 'serve', dir], {
      env: {
        ...process.env,
        PORT: '0',
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
        OBJECTOS_ADMIN_EMAIL: 'admin@example.com',
        OBJECTOS_ADMIN_PASSWORD: 'a long admin passphrase',
      },
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
      // Nobody signed in: the data is closed.
      expect((await fetch(`${url}/api/v1/data/account`)).status).toBe(401)
      const signIn = await fetch(`${url}/api/v1/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url },
        body: JSON.stringify({ email: 'admin@example.com', password: 'a long admin passphrase' }),
      })
      expect(signIn.status).toBe(200)
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ')
      const created = await fetch(`${url}/api/v1/data/account`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: url },
        body: JSON.stringify({ name: 'Served' }),
      })
      expect(created.status).toBe(201)
      const list = await (
        await fetch(`${url}/api/v1/data/account?fields=name`, { headers: { cookie } })
      ).json()
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
