/**
 * better-auth's database adapter over the engine's own knex connection: the same pool, the same
 * SQLite file or `:memory:` database, the same PostgreSQL schema as the app. Values are stored as
 * the engine stores them — ISO text for datetimes on SQLite and timestamptz on PostgreSQL (read
 * back as ISO strings on both), booleans as 0/1 on SQLite — and ids are the engine's UUID v7.
 *
 * The user model is the `sys_user` object's table, so its rows also get what the engine gives
 * every record: the metadata's defaults for the columns better-auth does not write (`is_admin`,
 * `active`), `version` 1 on insert and +1 on every update, and the user as its own owner.
 *
 * @example
 *   betterAuth({ database: knexAdapter(db, { userTable: 'sys_user', userDefaults }), … })
 */
import {
  createAdapterFactory,
  type AdapterFactory,
  type CleanedWhere,
  type CustomAdapter,
} from 'better-auth/adapters'
import type { BetterAuthOptions } from 'better-auth'
import type { Knex } from 'knex'
import type { Database, Dialect } from '../../data/connection/database.js'
import { newRecordId } from '../../data/write/new-record-id.js'
import { userRows, type UserWriteListener } from './user-rows.js'
import { applyWhere } from './where-clause.js'

export interface KnexAdapterOptions {
  /** The table of better-auth's user model (an app object, with the engine's system columns). */
  readonly userTable: string
  /** Where user fields the table has no column for are kept. */
  readonly userStateTable: string
  /** The columns the user table has now (the object's fields; it changes on reload). */
  readonly userTableColumns: () => ReadonlySet<string>
  /** Column values for a new user row that better-auth does not give (the object's defaults). */
  readonly userDefaults: () => Readonly<Record<string, unknown>>
  /** Hears every user row better-auth writes, in the write's transaction. */
  readonly onUserWrite?: UserWriteListener | undefined
}

type Row = Record<string, unknown>

export function knexAdapter(db: Database, options: KnexAdapterOptions) {
  let lazyOptions: BetterAuthOptions | undefined
  const config = {
    adapterId: 'objectos-knex',
    adapterName: 'ObjectOS knex adapter',
    supportsNumericIds: false,
    supportsUUIDs: false,
    supportsJSON: false,
    // Datetimes travel as ISO strings both ways (pg's parser is set to give ISO strings back).
    supportsDates: false,
    supportsBooleans: db.dialect === 'postgres',
    supportsArrays: false,
    customIdGenerator: () => newRecordId(),
  }
  const factory = (knex: Knex, inTransaction: boolean): AdapterFactory<BetterAuthOptions> =>
    createAdapterFactory({
      config: {
        ...config,
        transaction: inTransaction
          ? false
          : (callback) =>
              db.knex.transaction((trx) => {
                if (lazyOptions === undefined) throw new Error('the adapter is not initialised')
                return callback(factory(trx, true)(lazyOptions))
              }),
      },
      adapter: ({ getFieldName, schema }) => {
        const userModel = Object.values(schema).find((t) => t.modelName === options.userTable)
        const userColumns = Object.entries(userModel?.fields ?? {}).map(
          ([name, field]) => field.fieldName ?? name,
        )
        const users = userRows(knex, db.dialect, {
          table: options.userTable,
          stateTable: options.userStateTable,
          defaults: options.userDefaults,
          onWrite: options.onUserWrite,
          extraColumns: () => {
            const present = options.userTableColumns()
            return userColumns.filter((column) => !present.has(column))
          },
        })
        return customAdapter(knex, db.dialect, options.userTable, users, (model, field) =>
          getFieldName({ model, field }),
        )
      },
    })
  const root = factory(db.knex, false)
  return (authOptions: BetterAuthOptions) => {
    lazyOptions = authOptions
    return root(authOptions)
  }
}

/** The column of a better-auth field (`expiresAt` → `expires_at`), by model key. */
type ColumnOf = (model: string, field: string) => string

type UserRows = ReturnType<typeof userRows>

const byId = (id: string): CleanedWhere => ({
  field: 'id',
  operator: 'eq',
  value: id,
  connector: 'AND',
  mode: 'sensitive',
})

function customAdapter(
  knex: Knex,
  dialect: Dialect,
  userTable: string,
  users: UserRows,
  columnOf: ColumnOf,
): CustomAdapter {
  const isUser = (model: string) => model === userTable
  /** A user update bumps the row's version, as every engine write does. */
  const stamped = (model: string, values: Row): Row =>
    isUser(model) ? { ...values, version: knex.raw('?? + 1', ['version']) } : values
  const where = (model: string, clauses: readonly CleanedWhere[] | undefined) =>
    applyWhere(knex(model), clauses, dialect)
  /** The id of one row matching `clauses`: the single-row target of consume and increment. */
  const oneId = (model: string, clauses: readonly CleanedWhere[]) =>
    where(model, clauses).select('id').limit(1)
  /** Select and sort name better-auth fields; where and values come mapped already. */
  const columns = (modelKey: string, select: readonly string[] | undefined) =>
    select !== undefined && select.length > 0 ? select.map((f) => columnOf(modelKey, f)) : '*'

  return {
    async create({ model, data }) {
      if (isUser(model)) return (await users.create(data)) as typeof data
      const [inserted] = (await knex(model).insert(data).returning('*')) as Row[]
      return (inserted ?? data) as typeof data
    },
    async findOne<T>({ model, modelKey = model, where: clauses, select }: FindArgs) {
      const query = isUser(model)
        ? users.select(clauses, columns(modelKey, select)).first()
        : where(model, clauses).first(columns(modelKey, select))
      return ((await query) as T | undefined) ?? null
    },
    async findMany<T>(args: FindManyArgs) {
      const { model, modelKey = model, where: clauses, limit, select, sortBy, offset } = args
      const query = isUser(model)
        ? users.select(clauses, columns(modelKey, select))
        : where(model, clauses).select(columns(modelKey, select))
      if (sortBy !== undefined) query.orderBy(columnOf(modelKey, sortBy.field), sortBy.direction)
      query.limit(limit)
      if (offset !== undefined && offset > 0) query.offset(offset)
      return (await query) as T[]
    },
    async count({ model, where: clauses }) {
      const row = (await where(model, clauses).count({ count: '*' }).first()) as
        { count: number | string } | undefined
      return Number(row?.count ?? 0)
    },
    async update<T>({
      model,
      where: clauses,
      update,
    }: {
      model: string
      where: CleanedWhere[]
      update: T
    }) {
      if (clauses.length === 0) return null
      if (isUser(model)) {
        const [id] = await users.update(clauses, update as Row, false)
        if (id === undefined) return null
        const row = (await users.select([byId(id)], '*').first()) as T | undefined
        return row ?? null
      }
      const rows = (await where(model, clauses)
        .update(stamped(model, update as Row))
        .returning('*')) as T[]
      return rows[0] ?? null
    },
    async updateMany({ model, where: clauses, update }) {
      if (isUser(model)) return (await users.update(clauses, update, true)).length
      return where(model, clauses).update(stamped(model, update))
    },
    async delete({ model, where: clauses }) {
      if (isUser(model)) await users.delete(clauses)
      else await where(model, clauses).delete()
    },
    async deleteMany({ model, where: clauses }) {
      return isUser(model) ? users.delete(clauses) : where(model, clauses).delete()
    },
    async consumeOne<T>({ model, where: clauses }: { model: string; where: CleanedWhere[] }) {
      // One statement: of two racers, exactly one deletes the row and gets it back.
      const query = where(model, clauses).whereIn('id', oneId(model, clauses)).delete()
      const rows = await returningAll<T>(knex, dialect, query)
      return rows[0] ?? null
    },
    async incrementOne<T>(args: {
      model: string
      where: CleanedWhere[]
      increment: Record<string, number>
      set?: Record<string, unknown> | undefined
    }) {
      const values: Row = { ...args.set }
      for (const [field, delta] of Object.entries(args.increment)) {
        values[field] = knex.raw('?? + ?', [field, delta])
      }
      if (Object.keys(values).length === 0) return null
      // The where clause is the guard: the row changes only while it still matches.
      const rows = (await where(args.model, args.where)
        .whereIn('id', oneId(args.model, args.where))
        .update(stamped(args.model, values))
        .returning('*')) as T[]
      return rows[0] ?? null
    },
  }
}

/**
 * The rows a DELETE removed. knex adds RETURNING to deletes on PostgreSQL only; SQLite (3.35+)
 * understands it too, so there it is appended to the statement knex builds.
 */
async function returningAll<T>(knex: Knex, dialect: Dialect, query: Knex.QueryBuilder) {
  if (dialect === 'postgres') return (await query.returning('*')) as T[]
  const { sql, bindings } = query.toSQL().toNative()
  return (await knex.raw(`${sql} returning *`, bindings)) as T[]
}

interface FindArgs {
  readonly model: string
  readonly modelKey?: string | undefined
  readonly where: CleanedWhere[]
  readonly select?: string[] | undefined
}

interface FindManyArgs {
  readonly model: string
  readonly modelKey?: string | undefined
  readonly where?: CleanedWhere[] | undefined
  readonly limit: number
  readonly select?: string[] | undefined
  readonly sortBy?: { field: string; direction: 'asc' | 'desc' } | undefined
  readonly offset?: number | undefined
}
