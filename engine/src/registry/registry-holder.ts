/**
 * Holds the current registry and swaps it atomically on reload. Readers take `current()` once per
 * request and keep that snapshot for the whole request, so a reload never mixes two versions of
 * the app in one answer. A failed reload keeps the old registry and returns the diagnostics.
 *
 * @example
 *   const outcome = await holder.reload(() => loadApp(dir))
 *   if (!outcome.ok) log(outcome.diagnostics)
 */
import type { Diagnostic } from '@objectos/metadata'
import type { CompileResult } from '../compile/compile-app.js'
import type { HookBus } from '../runtime/hook-bus.js'
import type { Registry } from './registry.js'

export type ReloadOutcome =
  | { readonly ok: true; readonly registry: Registry; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }

export interface RegistryHolder {
  current(): Registry
  /**
   * The diagnostics of the last compile: warnings of the running app, or the errors of a reload
   * that was refused (the old app keeps running).
   */
  diagnostics(): readonly Diagnostic[]
  /**
   * Compiles a new registry and, when it compiles, lets `prepare` get the database ready for it
   * (plan/apply) before swapping. If compile or prepare fails, the old registry stays.
   */
  reload(
    compile: () => CompileResult | Promise<CompileResult>,
    prepare?: (next: Registry) => Promise<void>,
  ): Promise<ReloadOutcome>
}

export function createRegistryHolder(initial: Registry, hooks: HookBus): RegistryHolder {
  let current = initial
  let lastDiagnostics: readonly Diagnostic[] = []
  let pending: Promise<unknown> = Promise.resolve()
  return {
    current: () => current,
    diagnostics: () => lastDiagnostics,
    reload(compile, prepare) {
      // Reloads run one at a time, in the order they were asked for.
      const next = pending.then(async (): Promise<ReloadOutcome> => {
        const result = await compile()
        lastDiagnostics = result.diagnostics
        if (!result.ok) return { ok: false, diagnostics: result.diagnostics }
        await prepare?.(result.registry)
        const previous = current
        current = result.registry
        await hooks.emit('registryReloaded', { previous, registry: current })
        return { ok: true, registry: current, diagnostics: result.diagnostics }
      })
      pending = next.catch(() => undefined)
      return next
    },
  }
}
