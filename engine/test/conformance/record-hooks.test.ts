/**
 * Record hooks run inside the write's transaction: a before-hook can change the record or reject
 * the write, and an after-hook's own writes commit or roll back with it.
 */
import { describe, expect, it } from 'vitest'
import { dialects } from '../../src/testing/test-database.js'
import { useTestApp } from '../../src/testing/test-app.js'

const objects = {
  task: 'fields:\n  title: { type: text }\n  state: { type: text }\n',
  log: 'fields:\n  entry: { type: text }\n',
}

describe.each(dialects)('record hooks on %s', (dialect) => {
  const app = useTestApp(dialect, objects)

  it('fires every record hook in order with the record and the previous row', async () => {
    const seen: string[] = []
    const offs = (
      [
        'beforeCreate',
        'afterCreate',
        'beforeUpdate',
        'afterUpdate',
        'beforeDelete',
        'afterDelete',
      ] as const
    ).map((name) =>
      app().hooks.on(name, ({ object, record, previous }) => {
        if (object.name === 'task')
          seen.push(`${name}:${String(record.title)}:${String(previous?.title)}`)
      }),
    )
    const t = await app().create('task', { title: 'a' })
    await app().update('task', String(t.id), { title: 'b' })
    await app().delete('task', String(t.id))
    offs.forEach((off) => off())
    expect(seen).toEqual([
      'beforeCreate:a:undefined',
      'afterCreate:a:undefined',
      'beforeUpdate:b:a',
      'afterUpdate:b:a',
      'beforeDelete:b:b',
      'afterDelete:b:b',
    ])
  })

  it('lets a before-hook change the record and an after-hook write in the same transaction', async () => {
    const offBefore = app().hooks.on('beforeCreate', ({ object, record }) => {
      if (object.name === 'task') record.state = 'stamped'
    })
    const offAfter = app().hooks.on('afterCreate', async ({ object, record, trx }) => {
      if (object.name === 'task')
        await trx
          .knex('log')
          .insert({ id: `log-${String(record.id)}`, entry: 'created', version: 1 })
    })
    const t = await app().create('task', { title: 'hooked' })
    offBefore()
    offAfter()
    expect((await app().rows('task')).find((r) => r.id === t.id)?.state).toBe('stamped')
    expect((await app().rows('log')).map((r) => r.id)).toContain(`log-${String(t.id)}`)
  })

  it('rolls back the write and the hooks’ writes when a later hook throws', async () => {
    const tasks = (await app().rows('task')).length
    const logs = (await app().rows('log')).length
    const offWrite = app().hooks.on('afterCreate', async ({ object, trx }) => {
      if (object.name === 'task')
        await trx.knex('log').insert({ id: 'doomed', entry: 'x', version: 1 })
    })
    const offFail = app().hooks.on('afterCreate', ({ object }) => {
      if (object.name === 'task') throw new Error('rejected by a plugin')
    })
    await expect(app().create('task', { title: 'doomed' })).rejects.toThrow('rejected by a plugin')
    offWrite()
    offFail()
    expect(await app().rows('task')).toHaveLength(tasks)
    expect(await app().rows('log')).toHaveLength(logs)
  })
})
