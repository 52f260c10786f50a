/**
 * An `identify` function that treats every request as one administrator: for tests and
 * benchmarks of the routes themselves, where who is asking is not the point. Never for serving
 * real traffic — `serve` identifies callers by session and API key.
 *
 * @example
 *   openApp({ dir, plugins: [httpPlugin({ identify: identifyAsAdmin })] })
 */
import type { Principal } from '../data/access/principal.js'
import type { Identify } from './request-principal.js'

export const testAdmin: Principal = Object.freeze({
  userId: '00000000-0000-7000-8000-0000000000ad',
  admin: true,
  permissionSets: Object.freeze([]),
  reports: Object.freeze([]),
})

export const identifyAsAdmin: Identify = () => Promise.resolve(testAdmin)
