import { PluginCycle, PluginDependencyMissing, PluginFailed } from '@objectos/errors'
import { describe, expect, it } from 'vitest'
import { createRegistry } from '../registry/registry.js'
import { definePlugin } from './define-plugin.js'
import { createKernel } from './kernel.js'

const registry = createRegistry('t', new Map(), new Map())

function recorder() {
  const log: string[] = []
  const plugin = (name: string, dependencies: string[] = [], failAt?: 'init' | 'start') =>
    definePlugin({
      name,
      dependencies,
      init() {
        log.push(`init ${name}`)
        if (failAt === 'init') throw new Error('no config')
      },
      start() {
        log.push(`start ${name}`)
        if (failAt === 'start') throw new Error('port in use')
      },
      stop() {
        log.push(`stop ${name}`)
      },
    })
  return { log, plugin }
}

describe('the kernel', () => {
  it('inits and starts plugins in dependency order and stops them in reverse', async () => {
    const { log, plugin } = recorder()
    const kernel = createKernel(registry, [
      plugin('http', ['data']),
      plugin('data'),
      plugin('audit', ['data']),
    ])
    expect(kernel.plugins).toEqual(['data', 'http', 'audit'])
    await kernel.start()
    await kernel.stop()
    expect(log).toEqual([
      'init data',
      'init http',
      'init audit',
      'start data',
      'start http',
      'start audit',
      'stop audit',
      'stop http',
      'stop data',
    ])
  })

  it('stops the boot with an error naming the plugin that failed to start', async () => {
    const { log, plugin } = recorder()
    const kernel = createKernel(registry, [plugin('data'), plugin('http', ['data'], 'start')])
    const failure = await kernel.start().catch((e: unknown) => e)
    expect(PluginFailed.is(failure)).toBe(true)
    expect((failure as Error).message).toBe('plugin "http" failed to start: port in use')
    // data had started and is stopped again; http never finished starting.
    expect(log.slice(-1)).toEqual(['stop data'])
  })

  it('names a missing dependency and a cycle', () => {
    const { plugin } = recorder()
    expect(() => createKernel(registry, [plugin('http', ['data'])])).toThrow(
      PluginDependencyMissing.create('http', 'data').message,
    )
    const cycle = () => createKernel(registry, [plugin('a', ['b']), plugin('b', ['a'])])
    expect(cycle).toThrow(PluginCycle.create('a → b → a').message)
  })

  it('shares services between plugins and runs hooks in order', async () => {
    const calls: string[] = []
    const kernel = createKernel(registry, [
      definePlugin({
        name: 'clock',
        init: (ctx) => ctx.services.provide('clock', { now: () => 42 }),
      }),
      definePlugin({
        name: 'reader',
        dependencies: ['clock'],
        init(ctx) {
          ctx.hooks.on('appStarted', () => {
            calls.push(`started at ${ctx.services.get<{ now(): number }>('clock').now()}`)
          })
        },
      }),
    ])
    await kernel.start()
    expect(calls).toEqual(['started at 42'])
    expect(() => kernel.services.get('mail')).toThrow('no plugin provides the service "mail"')
  })

  it('refuses a hook name outside the closed list', () => {
    const kernel = createKernel(registry, [])
    // @ts-expect-error — not a hook name
    expect(() => kernel.hooks.on('beforeSave', () => undefined)).toThrow(
      'unknown hook "beforeSave"',
    )
  })
})
