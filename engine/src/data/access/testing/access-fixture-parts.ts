/**
 * Test-only: what every access fixture needs around its own users and records — a database of
 * the dialect (a fresh PostgreSQL schema each), the app closed and the schema dropped at the
 * end, and the Principal and DataContext of a named user as a door would build them.
 *
 * @example
 *   const where = testDatabase(dialect, 'sharing')
 *   const app = await openApp({ files, ...where.options, plugins })
 *   const { principal, as } = principalsOf(app, userIds)
 *   afterAll(() => closeTestApp(app, where))
 */
import { randomBytes } from 'node:crypto'
import type { App } from '../../../boot/open-app.js'
import { postgresTestUrl } from '../../../testing/test-database.js'
import type { Dialect } from '../../connection/database.js'
import type { DataContext } from '../../write/data-context.js'
import { loadPrincipal } from '../load-principal.js'
import type { Principal } from '../principal.js'

export interface TestDatabase {
  readonly dialect: Dialect
  /** The openApp options choosing the database: SQLite in memory, or a fresh schema. */
  readonly options: { readonly databaseUrl: string; readonly schema?: string }
}

export function testDatabase(dialect: Dialect, prefix: string): TestDatabase {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`
  return {
    dialect,
    options:
      dialect === 'sqlite' ? { databaseUrl: ':memory:' } : { databaseUrl: postgresTestUrl, schema },
  }
}

export async function closeTestApp(app: App, where: TestDatabase): Promise<void> {
  if (where.options.schema !== undefined) {
    await app.db.knex.raw('drop schema if exists ?? cascade', [where.options.schema])
  }
  await app.close()
}

export interface Principals<U extends string> {
  principal(name: U): Promise<Principal>
  /** The DataContext a door would build for this user. */
  as(name: U): Promise<DataContext>
}

export function principalsOf<U extends string>(
  app: App,
  userIds: Readonly<Record<U, string>>,
): Principals<U> {
  const principal = async (name: U): Promise<Principal> => {
    const found = await loadPrincipal(app.db, userIds[name])
    if (found === undefined) throw new Error(`${name} is not an active user`)
    return found
  }
  return {
    principal,
    as: async (name) => {
      const found = await principal(name)
      return { door: 'test', userId: found.userId, principal: found }
    },
  }
}
