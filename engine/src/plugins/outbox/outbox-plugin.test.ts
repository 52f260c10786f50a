import { describe, expect, it } from 'vitest'
import type { RecordService } from '../../data/record-service.js'
import { createKernel } from '../../runtime/kernel.js'
import { compileTestApp, createTables } from '../../testing/test-app.js'
import { dialects, openTestDatabase } from '../../testing/test-database.js'
import { dataPlugin } from '../data/data-plugin.js'
import type { Outbox } from './outbox-plugin.js'
import { outboxPlugin } from './outbox-plugin.js'

const objects = {
  task: `
fields:
  title: { type: text }
validations:
  - { name: no_fail, type: script, condition: "record.title == 'fail'", message: No. }
`,
}

describe.each(dialects)('the outbox on %s', (dialect) => {
  async function boot() {
    const registry = await compileTestApp(objects)
    const db = await openTestDatabase(dialect)
    const kernel = createKernel(registry, [
      outboxPlugin(),
      dataPlugin({ db, prepare: (d, r) => createTables(d, r) }),
    ])
    await kernel.start()
    return kernel
  }

  it('records every committed change once, in order, and none that rolled back', async () => {
    const kernel = await boot()
    try {
      const data = kernel.services.get<RecordService>('data')
      const outbox = kernel.services.get<Outbox>('outbox')
      const task = await data.create('task', { title: 'a' })
      await data.update('task', String(task.id), { title: 'b' })
      await expect(data.create('task', { title: 'fail' })).rejects.toThrow()
      kernel.hooks.on('afterCreate', () => {
        throw new Error('a later plugin refuses')
      })
      await expect(data.create('task', { title: 'c' })).rejects.toThrow('a later plugin refuses')
      await data.delete('task', String(task.id))

      const claimed = await outbox.claim('worker-1', 10)
      expect(claimed.map((e) => `${e.event}:${e.object}`)).toEqual([
        'created:task',
        'updated:task',
        'deleted:task',
      ])
      expect(claimed[1]?.payload).toMatchObject({
        record: { title: 'b' },
        previous: { title: 'a' },
      })
      expect(await outbox.claim('worker-2', 10)).toEqual([])
    } finally {
      await kernel.stop()
    }
  })

  it('never hands the same event to two concurrent consumers', async () => {
    const kernel = await boot()
    try {
      const data = kernel.services.get<RecordService>('data')
      const outbox = kernel.services.get<Outbox>('outbox')
      for (let i = 0; i < 30; i++) await data.create('task', { title: `t${i}` })
      const batches = await Promise.all(
        ['w1', 'w2', 'w3'].map((w) => outbox.claim(w, 7).then((events) => events.map((e) => e.id))),
      )
      const ids = batches.flat()
      expect(ids).toHaveLength(21)
      expect(new Set(ids).size).toBe(21)
    } finally {
      await kernel.stop()
    }
  })
})
