import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { httpPlugin } from '../plugins/http/http-plugin.js'
import { openApp } from './open-app.js'
import { watchApp } from './watch-app.js'
import { identifyAsAdmin } from '../http/identify-as-admin.js'

describe('hot reload', () => {
  it('applies a valid change to the running app and keeps it running over an invalid one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'objectos-watch-'))
    cpSync('examples/crm', dir, { recursive: true })
    const app = await openApp({
      dir,
      databaseUrl: ':memory:',
      plugins: [httpPlugin({ identify: identifyAsAdmin })],
    })
    const server = app.kernel.services.get<FastifyInstance>('http')
    const reloads: boolean[] = []
    let next: (ok: boolean) => void = () => undefined
    const reloaded = () => new Promise<boolean>((done) => (next = done))
    const log: string[] = []
    const stop = watchApp(app, dir, (line) => log.push(line), {
      onReload: (ok) => {
        reloads.push(ok)
        next(ok)
      },
    })
    try {
      const file = join(dir, 'objects/account.object.yaml')
      const original = readFileSync(file, 'utf8')
      let done = reloaded()
      writeFileSync(
        file,
        original.replace('fields:\n', 'fields:\n  tier:\n    type: text\n    label: Tier\n'),
      )
      expect(await done).toBe(true)
      const created = await server.inject({
        method: 'POST',
        url: '/api/v1/data/account',
        payload: { name: 'Hot', tier: 'gold' },
      })
      expect(created.statusCode).toBe(201)
      expect(created.json<{ data: { tier: string } }>().data.tier).toBe('gold')

      done = reloaded()
      writeFileSync(file, original.replace('fields:\n', 'fields:\n  tier:\n    type: txet\n'))
      expect(await done).toBe(false)
      expect(log.join('\n')).toContain('OOS_SCHEMA')
      const diagnostics = await server.inject({ method: 'GET', url: '/api/v1/meta/diagnostics' })
      expect(diagnostics.json<{ meta: { errors: number } }>().meta.errors).toBeGreaterThan(0)
      const stillThere = await server.inject({
        method: 'GET',
        url: '/api/v1/data/account?fields=name,tier',
      })
      expect(stillThere.json<{ data: unknown[] }>().data).toEqual([
        { id: expect.any(String), name: 'Hot', tier: 'gold' },
      ])
    } finally {
      stop()
      await app.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
