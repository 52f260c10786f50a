/**
 * The kernel: orders plugins by dependency, runs every `init`, then every `start`, and stops the
 * started ones in reverse order. A plugin that throws stops the boot with PluginFailed naming it
 * (plugins already started are stopped again), so a half-booted app never serves.
 *
 * @example
 *   const kernel = createKernel(registry, [dataPlugin(options), restPlugin()])
 *   await kernel.start()
 *   const records = kernel.services.get<RecordService>('data')
 */
import { ObjectOSError, PluginFailed } from '@objectos/errors'
import type { Registry } from '../registry/registry.js'
import { createRegistryHolder, type RegistryHolder } from '../registry/registry-holder.js'
import type { Plugin, PluginContext } from './define-plugin.js'
import { createHookBus, type HookBus } from './hook-bus.js'
import { pluginOrder } from './plugin-order.js'
import { createServiceRegistry, type ServiceRegistry } from './service-registry.js'

export interface Kernel {
  readonly hooks: HookBus
  readonly services: ServiceRegistry
  readonly registry: RegistryHolder
  /** Plugin names in the order they start. */
  readonly plugins: readonly string[]
  start(): Promise<void>
  stop(): Promise<void>
}

export function createKernel(registry: Registry, plugins: readonly Plugin[]): Kernel {
  const ordered = pluginOrder(plugins)
  const hooks = createHookBus()
  const services = createServiceRegistry()
  const holder = createRegistryHolder(registry, hooks)
  const ctx: PluginContext = { hooks, services, registry: holder }
  const started: Plugin[] = []
  let state: 'new' | 'started' | 'stopped' = 'new'

  const stopStarted = async (): Promise<void> => {
    const failures: string[] = []
    for (const plugin of started.reverse()) {
      try {
        await plugin.stop?.(ctx)
      } catch (error) {
        failures.push(`${plugin.name}: ${(error as Error).message}`)
      }
    }
    started.length = 0
    if (failures.length > 0) throw new Error(`plugins failed to stop: ${failures.join('; ')}`)
  }

  const run = async (plugin: Plugin, phase: 'init' | 'start'): Promise<void> => {
    try {
      await plugin[phase]?.(ctx)
    } catch (error) {
      await stopStarted().catch(() => undefined)
      const reason = error instanceof Error ? error.message : String(error)
      const failure = PluginFailed.create(plugin.name, phase, reason)
      if (error instanceof ObjectOSError) Object.assign(failure, { cause: error })
      throw failure
    }
  }

  return {
    hooks,
    services,
    registry: holder,
    plugins: ordered.map((p) => p.name),
    async start() {
      if (state !== 'new') throw new Error('the kernel was already started')
      state = 'started'
      for (const plugin of ordered) await run(plugin, 'init')
      for (const plugin of ordered) {
        await run(plugin, 'start')
        started.push(plugin)
      }
      await hooks.emit('appStarted', { registry: holder.current() })
    },
    async stop() {
      if (state !== 'started') return
      state = 'stopped'
      await hooks.emit('appStopping', {})
      await stopStarted()
    },
  }
}
