/**
 * Databases for the one-suite-per-dialect tests: a fresh in-memory SQLite database, or a fresh
 * PostgreSQL schema (dropped on close) so test files run in parallel without seeing each other.
 *
 * PostgreSQL comes from OBJECTOS_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 * When it is unreachable the PostgreSQL suites are skipped with a message — unless
 * OBJECTOS_REQUIRE_SERVICES=1 (set by .ci/run), where they fail instead.
 *
 * @example
 *   describe.each(dialects)('filters on %s', (dialect) => {
 *     const db = useTestDatabase(dialect)
 *     it('…', async () => { await db().knex('account').select() })
 *   })
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll } from 'vitest'
import type { Database, Dialect } from '../data/connection/database.js'
import { openDatabase } from '../data/connection/open-database.js'

export const postgresTestUrl =
  process.env.OBJECTOS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

const servicesRequired = process.env.OBJECTOS_REQUIRE_SERVICES === '1'

async function postgresReachable(): Promise<boolean> {
  try {
    const db = await openDatabase({ url: postgresTestUrl, poolSize: 1 })
    await db.close()
    return true
  } catch (error) {
    if (servicesRequired) throw error
    return false
  }
}

const reachable = await postgresReachable()
if (!reachable) {
  process.stderr.write(
    `PostgreSQL is not reachable at ${postgresTestUrl}: skipping the PostgreSQL suites ` +
      '(set OBJECTOS_REQUIRE_SERVICES=1 to fail instead)\n',
  )
}

/** The dialects to run a suite against: SQLite always, PostgreSQL when it is reachable. */
export const dialects: readonly Dialect[] = reachable ? ['sqlite', 'postgres'] : ['sqlite']

/** Opens a fresh, empty database of the dialect. Close it to drop the PostgreSQL schema. */
export async function openTestDatabase(dialect: Dialect): Promise<Database> {
  if (dialect === 'sqlite') return openDatabase({ url: ':memory:' })
  const schema = `t_${randomBytes(6).toString('hex')}`
  const db = await openDatabase({ url: postgresTestUrl, schema, poolSize: 4 })
  return {
    ...db,
    close: async () => {
      await db.knex.raw('drop schema if exists ?? cascade', [schema])
      await db.close()
    },
  }
}

/** A fresh database for the enclosing describe block, closed after it. */
export function useTestDatabase(dialect: Dialect): () => Database {
  let db: Database | undefined
  beforeAll(async () => {
    db = await openTestDatabase(dialect)
  })
  afterAll(async () => {
    await db?.close()
  })
  return () => {
    if (db === undefined) throw new Error('the test database is not open yet')
    return db
  }
}
