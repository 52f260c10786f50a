/**
 * A plugin: a name, the plugins it depends on, and up to three phases. `init` registers hooks
 * and provides services; `start` opens what needs opening (connections, listeners) once every
 * plugin is initialised; `stop` releases it, in reverse order. Core features are plugins too.
 *
 * @example
 *   export const auditPlugin = definePlugin({
 *     name: 'audit',
 *     dependencies: ['data'],
 *     init(ctx) {
 *       ctx.hooks.on('afterUpdate', async ({ object, record, trx }) => { … })
 *     },
 *   })
 */
import type { HookBus } from './hook-bus.js'
import type { ServiceRegistry } from './service-registry.js'
import type { RegistryHolder } from '../registry/registry-holder.js'

export interface PluginContext {
  readonly hooks: HookBus
  readonly services: ServiceRegistry
  /** The current app; read `registry.current()` at use time, it changes on reload. */
  readonly registry: RegistryHolder
}

export interface Plugin {
  readonly name: string
  readonly dependencies: readonly string[]
  init?(ctx: PluginContext): void | Promise<void>
  start?(ctx: PluginContext): void | Promise<void>
  stop?(ctx: PluginContext): void | Promise<void>
}

export function definePlugin(
  plugin: Omit<Plugin, 'dependencies'> & { dependencies?: readonly string[] },
): Plugin {
  return Object.freeze({ dependencies: [], ...plugin })
}
