import { describe, expect, it } from 'vitest'
import { compileFiles } from '../load/load-app.js'
import { createHookBus } from '../runtime/hook-bus.js'
import { createRegistryHolder } from './registry-holder.js'

const manifest = { path: 'objectos.yaml', content: 'name: demo\n' }
const object = (fields: string) => ({
  path: 'objects/task.object.yaml',
  content: `name: task\nfields:\n${fields}`,
})

function compiled(fields: string) {
  const result = compileFiles([manifest, object(fields)])
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'))
  return result.registry
}

describe('the registry holder', () => {
  it('swaps in a new registry atomically and tells the hooks', async () => {
    const hooks = createHookBus()
    const seen: string[] = []
    hooks.on('registryReloaded', ({ previous, registry }) => {
      seen.push(`${previous.object('task').fields.size} → ${registry.object('task').fields.size}`)
    })
    const holder = createRegistryHolder(compiled('  title: { type: text }\n'), hooks)
    const before = holder.current()
    const outcome = await holder.reload(() =>
      compileFiles([manifest, object('  title: { type: text }\n  done: { type: boolean }\n')]),
    )
    expect(outcome.ok).toBe(true)
    expect(holder.current()).not.toBe(before)
    expect(holder.current().object('task').fields.has('done')).toBe(true)
    expect(before.object('task').fields.has('done')).toBe(false)
    expect(seen).toEqual(['8 → 9'])
  })

  it('keeps the old registry and reports diagnostics when the reload does not compile', async () => {
    const holder = createRegistryHolder(compiled('  title: { type: text }\n'), createHookBus())
    const before = holder.current()
    const outcome = await holder.reload(() =>
      compileFiles([manifest, object('  title: { type: txt }\n')]),
    )
    expect(outcome.ok).toBe(false)
    expect(outcome.diagnostics.length).toBeGreaterThan(0)
    expect(holder.current()).toBe(before)
  })

  it('keeps the old registry when preparing the database for the new one fails', async () => {
    const holder = createRegistryHolder(compiled('  title: { type: text }\n'), createHookBus())
    const before = holder.current()
    const reload = holder.reload(
      () =>
        compileFiles([manifest, object('  title: { type: text }\n  points: { type: number }\n')]),
      () => Promise.reject(new Error('destructive')),
    )
    await expect(reload).rejects.toThrow('destructive')
    expect(holder.current()).toBe(before)
  })
})
