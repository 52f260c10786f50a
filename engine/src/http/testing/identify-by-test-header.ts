/**
 * Test-only: an `identify` function that takes the caller at their word — the user id in the
 * `x-test-user` header — and loads that user's Principal from the app's database, as a real
 * sign-in would once it knows who the user is. No header, an unknown or an inactive user: nobody
 * (401). It lives in a testing/ folder, so it is never built into dist and no server can be
 * started with it by accident.
 *
 * The database is passed as a getter because the identify function is handed to `httpPlugin`
 * before `openApp` has returned the app whose database it reads.
 *
 * @example
 *   const identify = identifyByTestHeader(() => fixture().app.db)
 *   const fixture = useAccessApp(dialect, [httpPlugin({ identify })])
 *   await server.inject({ url: '/api/v1/data/project', headers: { [testUserHeader]: aliceId } })
 */
import { loadPrincipal } from '../../data/access/load-principal.js'
import type { Database } from '../../data/connection/database.js'
import type { Identify } from '../request-principal.js'

/** The header naming the user a test request acts for. */
export const testUserHeader = 'x-test-user'

export function identifyByTestHeader(db: () => Database): Identify {
  return async (request) => {
    const userId = request.headers[testUserHeader]
    if (typeof userId !== 'string' || userId === '') return undefined
    return loadPrincipal(db(), userId)
  }
}
