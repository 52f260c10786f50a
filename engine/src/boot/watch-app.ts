/**
 * Hot reload: watches an app folder and, shortly after its YAML files stop changing, reloads the
 * app — compile, migrate (non-destructive only), swap. A change that does not compile, or needs
 * a destructive migration, leaves the running app as it was and is reported; the diagnostics
 * are also served on /api/v1/meta/diagnostics.
 *
 * @example
 *   const stop = watchApp(app, 'examples/crm', (line) => console.error(line))
 */
import { watch, type FSWatcher } from 'node:fs'
import type { App } from './open-app.js'

export interface WatchOptions {
  /** Quiet time after the last change before reloading (default 150 ms). */
  readonly debounceMs?: number
  /** Called after every reload attempt (tests wait on it). */
  readonly onReload?: (ok: boolean) => void
}

export function watchApp(
  app: App,
  dir: string,
  log: (line: string) => void,
  options: WatchOptions = {},
): () => void {
  let timer: NodeJS.Timeout | undefined
  const reload = async () => {
    try {
      const outcome = await app.reload()
      if (outcome.ok) {
        log(`reloaded ${app.registry().appName} (${app.registry().objects.size} objects)`)
      } else {
        const errors = outcome.diagnostics.filter((d) => d.severity === 'error')
        log(`the change was not applied: ${errors.length} metadata error(s)`)
        for (const d of errors.slice(0, 20)) {
          log(`  ${d.file}:${d.line}:${d.column}  ${d.code}  ${d.message}`)
        }
      }
      options.onReload?.(outcome.ok)
    } catch (error) {
      log(`the change was not applied: ${error instanceof Error ? error.message : String(error)}`)
      options.onReload?.(false)
    }
  }
  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, file) => {
    const name = String(file ?? '')
    if (!/\.ya?ml$/.test(name) || name.split(/[\\/]/).some((part) => part.startsWith('.'))) return
    clearTimeout(timer)
    timer = setTimeout(() => void reload(), options.debounceMs ?? 150)
  })
  return () => {
    clearTimeout(timer)
    watcher.close()
  }
}
