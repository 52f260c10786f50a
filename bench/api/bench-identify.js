/**
 * Who a restricted-user benchmark request acts for: the user id in the `x-bench-user` header,
 * whose Principal is loaded from the app's `sys_user` and `sys_permission_assignment` tables on
 * every request with the engine's `loadPrincipal`, as a signed-in request's would be once the
 * session is known. The admin and the rep go through the very same function, so the only
 * difference between their requests is what their Principals let them read. Benchmark only:
 * it takes the caller at their word.
 */

/** The header naming the user a benchmark request acts for. */
export const benchUserHeader = 'x-bench-user'

/**
 * An `identify` function for `httpPlugin`. `db` is a getter: the function is handed to the
 * plugin before `openApp` has returned the database it reads. No header, or an unknown or
 * inactive user: nobody (401).
 *
 * @example
 *   let db
 *   const app = await engine.openApp({ …, plugins: [engine.httpPlugin({
 *     identify: identifyByBenchHeader(engine.loadPrincipal, () => db) })] })
 *   db = app.db
 */
export function identifyByBenchHeader(loadPrincipal, db) {
  return async (request) => {
    const userId = request.headers[benchUserHeader]
    if (typeof userId !== 'string' || userId === '') return undefined
    return loadPrincipal(db(), userId)
  }
}

/**
 * The same GET paths, sent as `userId`: the request objects the load generator takes.
 *
 * @example
 *   asUser(['/api/v1/data/deal?…'], repId)
 *   // → [{ method: 'GET', path: '/api/v1/data/deal?…', headers: { 'x-bench-user': repId } }]
 */
export function asUser(paths, userId) {
  return paths.map((path) => ({ method: 'GET', path, headers: { [benchUserHeader]: userId } }))
}
