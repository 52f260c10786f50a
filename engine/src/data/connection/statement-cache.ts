/**
 * Prepared statements kept per SQLite connection, keyed by SQL text. The engine binds every
 * value, so one query shape is one SQL text, and preparing it again on every call (as knex does)
 * costs more than running it. better-sqlite3 runs a statement to completion synchronously, so a
 * cached statement is never in use twice at once; SQLite re-prepares it by itself when the
 * schema changes. The cache holds at most `limit` statements, least recently used out first.
 *
 * @example
 *   afterCreate(conn, done) { cacheStatements(conn); done(null, conn) }
 */

interface PreparingConnection {
  prepare(sql: string): unknown
}

export function cacheStatements(connection: PreparingConnection, limit = 500): void {
  const prepare = connection.prepare.bind(connection)
  const cache = new Map<string, unknown>()
  connection.prepare = (sql: string) => {
    let statement = cache.get(sql)
    if (statement !== undefined) {
      cache.delete(sql)
    } else {
      statement = prepare(sql)
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string)
    }
    cache.set(sql, statement)
    return statement
  }
}
