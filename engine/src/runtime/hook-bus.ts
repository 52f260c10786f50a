/**
 * The typed event bus over the closed hook list. Handlers run one after another in registration
 * order and are awaited, so a before-hook can reject a write by throwing and an after-hook runs
 * inside the write's transaction.
 *
 * @example
 *   const hooks = createHookBus()
 *   hooks.on('afterCreate', async ({ object, record }) => log(object.name, record.id))
 *   await hooks.emit('afterCreate', payload)
 */
import { hookNames, type HookName, type HookPayloads } from './hook-names.js'

export type HookHandler<N extends HookName> = (payload: HookPayloads[N]) => void | Promise<void>

export interface HookBus {
  /** Adds a handler; returns a function that removes it. */
  on<N extends HookName>(name: N, handler: HookHandler<N>): () => void
  emit<N extends HookName>(name: N, payload: HookPayloads[N]): Promise<void>
  /** Whether any handler listens (lets the write path skip building payloads). */
  has(name: HookName): boolean
}

const known: ReadonlySet<string> = new Set(hookNames)

export function createHookBus(): HookBus {
  const handlers = new Map<HookName, HookHandler<never>[]>()
  return {
    on(name, handler) {
      if (!known.has(name)) {
        throw new Error(`unknown hook "${String(name)}" (hooks: ${hookNames.join(', ')})`)
      }
      const list = handlers.get(name) ?? []
      list.push(handler as HookHandler<never>)
      handlers.set(name, list)
      return () => {
        const index = list.indexOf(handler as HookHandler<never>)
        if (index >= 0) list.splice(index, 1)
      }
    },
    async emit(name, payload) {
      const list = handlers.get(name)
      if (list === undefined) return
      for (const handler of [...list]) await (handler as HookHandler<typeof name>)(payload)
    },
    has: (name) => (handlers.get(name)?.length ?? 0) > 0,
  }
}
