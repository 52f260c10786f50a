/**
 * The hand-written server's own connection to the database the engine uses: the same SQLite
 * file (both in WAL mode, so readers do not block each other) or the same PostgreSQL schema.
 *
 * By default it is opened with the engine's `openDatabase`, the connection settings any app
 * would copy: one SQLite connection with WAL, `synchronous = NORMAL` and prepared statements
 * kept by SQL text; a PostgreSQL pool of 10 with numerics parsed as numbers. The ratio then
 * measures what the engine's request path adds, not a driver setting. `--plain-knex` opens a
 * bare knex instance instead (WAL on, no statement cache), as a quick hand-written server would.
 */
import knexFactory from 'knex'

/**
 * Opens the baseline's connection to the database of `appDb`.
 *
 * @example
 *   const db = await openBaselineDatabase(engine, app.db, target, false)
 *   await db.knex('deal').count() ; await db.close()
 */
export async function openBaselineDatabase(engine, appDb, target, plain) {
  if (!plain) {
    return engine.openDatabase({
      url: appDb.dialect === 'sqlite' ? appDb.target : target.databaseUrl,
      ...(target.schema === undefined ? {} : { schema: target.schema }),
    })
  }
  const knex =
    appDb.dialect === 'sqlite'
      ? knexFactory({
          client: 'better-sqlite3',
          connection: { filename: appDb.target },
          useNullAsDefault: true,
          pool: {
            min: 1,
            max: 1,
            afterCreate(conn, done) {
              conn.pragma('journal_mode = WAL')
              done(null, conn)
            },
          },
        })
      : knexFactory({
          client: 'pg',
          connection: target.databaseUrl,
          searchPath: [target.schema],
          pool: { min: 0, max: 10 },
        })
  return { knex, dialect: appDb.dialect, close: () => knex.destroy() }
}
