/**
 * Opens the app's database from configuration: PostgreSQL when a `postgres://` URL is given,
 * otherwise the embedded SQLite file (zero config: `.objectos/data.sqlite` under the app folder).
 * Values come back as the engine's JavaScript shapes on both dialects: numerics as numbers,
 * dates as `YYYY-MM-DD` strings, timestamps as ISO strings.
 *
 * @example
 *   const db = await openDatabase({ url: process.env.DATABASE_URL, appDir: 'examples/crm' })
 */
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { DatabaseUnavailable } from '@objectos/errors'
import knexFactory from 'knex'
import pg from 'pg'
import type { Database } from './database.js'
import { cacheStatements } from './statement-cache.js'

export interface DatabaseOptions {
  /** `postgres://…`, `sqlite:path`, a file path, or undefined for the app folder's default file. */
  readonly url?: string | undefined
  /** The app folder (the default SQLite file lives under it). */
  readonly appDir?: string
  /** PostgreSQL schema to use instead of `public` (tests isolate themselves with it). */
  readonly schema?: string
  /** Pool size for PostgreSQL (default 10). */
  readonly poolSize?: number
}

export const defaultSqliteFile = '.objectos/data.sqlite'

let pgTypesSet = false

/**
 * knex's logger: a failed connection attempt is reported by the engine as DatabaseUnavailable,
 * so knex's own copy (with a stack trace) is dropped; other warnings stay visible.
 */
const knexLog = {
  warn(message: string) {
    if (!String(message).startsWith('Acquire connection error')) process.emitWarning(message)
  },
  error(message: string) {
    process.emitWarning(message)
  },
  deprecate(method: string, alternative: string) {
    process.emitWarning(`knex: ${method} is deprecated, use ${alternative}`)
  },
  debug() {},
}

/** pg returns numeric/int8 as strings and dates as Date objects; the engine wants plain values. */
function configurePgTypes(): void {
  if (pgTypesSet) return
  pgTypesSet = true
  const { types } = pg
  types.setTypeParser(types.builtins.NUMERIC, (v) => Number.parseFloat(v))
  types.setTypeParser(types.builtins.INT8, (v) => Number.parseInt(v, 10))
  types.setTypeParser(types.builtins.DATE, (v) => v)
  types.setTypeParser(types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString())
  types.setTypeParser(types.builtins.TIMESTAMP, (v) => new Date(`${v}Z`).toISOString())
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const url = options.url ?? ''
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options)
  const file =
    url === ''
      ? resolve(options.appDir ?? '.', defaultSqliteFile)
      : url === ':memory:' || url === 'sqlite::memory:'
        ? ':memory:'
        : resolve(options.appDir ?? '.', url.replace(/^sqlite:(\/\/)?/, ''))
  return openSqlite(file)
}

async function openSqlite(file: string): Promise<Database> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    log: knexLog,
    useNullAsDefault: true,
    // One connection: SQLite serialises writers anyway, and one connection makes every
    // transaction see the previous one's writes without busy retries.
    pool: {
      min: 1,
      max: 1,
      afterCreate(
        conn: { pragma(sql: string): unknown; prepare(sql: string): unknown },
        done: (err: Error | null, conn: unknown) => void,
      ) {
        cacheStatements(conn)
        conn.pragma('journal_mode = WAL')
        conn.pragma('synchronous = NORMAL')
        conn.pragma('busy_timeout = 5000')
        done(null, conn)
      },
    },
  })
  try {
    await knex.raw('select 1')
  } catch (error) {
    await knex.destroy()
    throw DatabaseUnavailable.create(file, (error as Error).message)
  }
  return { knex, dialect: 'sqlite', target: file, close: () => knex.destroy() }
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  configurePgTypes()
  const parsed = new URL(url)
  const target = `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`
  const knex = knexFactory({
    client: 'pg',
    connection: url,
    log: knexLog,
    searchPath: options.schema === undefined ? undefined : [options.schema],
    pool: { min: 0, max: options.poolSize ?? 10 },
  })
  try {
    if (options.schema !== undefined) {
      await knex.raw('create schema if not exists ??', [options.schema])
    }
    await knex.raw('select 1')
  } catch (error) {
    await knex.destroy()
    throw DatabaseUnavailable.create(target, (error as Error).message)
  }
  return { knex, dialect: 'postgres', target, close: () => knex.destroy() }
}
