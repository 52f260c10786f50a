/**
 * The parent's handle on the load generator: forks load-worker.js once and sends it one
 * measurement at a time. A measurement that saw errors, timeouts or non-2xx answers is refused
 * (a server that fails fast would otherwise look fast).
 */
import { fork } from 'node:child_process'

/**
 * Starts the child process; `measure` runs one load of `seconds` seconds over `requests` (GET
 * paths, or `{ method, path, headers, body }`) against `origin` with `connections` keep-alive
 * connections.
 *
 * @example
 *   const load = startLoadGenerator()
 *   const r = await load.measure({ origin: 'http://127.0.0.1:3000', requests: paths,
 *     connections: 10, seconds: 5 })
 *   r.reqPerSec // → 2841.2
 *   load.close()
 */
export function startLoadGenerator() {
  const child = fork(new URL('./load-worker.js', import.meta.url), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const pending = new Map()
  let nextId = 0
  child.on('message', ({ id, result, error }) => {
    const waiter = pending.get(id)
    pending.delete(id)
    if (error !== undefined) waiter?.reject(new Error(`load generator: ${error}`))
    else waiter?.resolve(result)
  })
  child.on('exit', (code) => {
    for (const waiter of pending.values()) {
      waiter.reject(new Error(`load generator exited with code ${code}`))
    }
    pending.clear()
  })
  return {
    async measure(job) {
      const id = nextId++
      const result = await new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        child.send({ id, ...job })
      })
      if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
        throw new Error(
          `load on ${job.origin}: ${result.errors} errors, ${result.timeouts} timeouts, ` +
            `${result.non2xx} non-2xx answers in ${result.requests} requests`,
        )
      }
      return result
    },
    close() {
      child.kill()
    },
  }
}
