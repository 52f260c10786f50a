/**
 * Orders plugins so each comes after its dependencies (stable: registration order otherwise).
 * A missing dependency or a cycle is an error naming the plugins involved.
 */
import { PluginCycle, PluginDependencyMissing } from '@objectos/errors'
import type { Plugin } from './define-plugin.js'

export function pluginOrder(plugins: readonly Plugin[]): Plugin[] {
  const byName = new Map<string, Plugin>()
  for (const plugin of plugins) {
    if (byName.has(plugin.name)) throw new Error(`two plugins are named "${plugin.name}"`)
    byName.set(plugin.name, plugin)
  }
  const ordered: Plugin[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (plugin: Plugin, path: readonly string[]): void => {
    const seen = state.get(plugin.name)
    if (seen === 'done') return
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(plugin.name)), plugin.name]
      throw PluginCycle.create(cycle.join(' → '))
    }
    state.set(plugin.name, 'visiting')
    for (const dependency of plugin.dependencies) {
      const target = byName.get(dependency)
      if (target === undefined) throw PluginDependencyMissing.create(plugin.name, dependency)
      visit(target, [...path, plugin.name])
    }
    state.set(plugin.name, 'done')
    ordered.push(plugin)
  }
  for (const plugin of plugins) visit(plugin, [])
  return ordered
}
