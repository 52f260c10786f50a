/**
 * Rows of better-auth's user model. The model is the `sys_user` object's table, so a new row
 * gets the engine's system columns and the object's defaults, and every update bumps `version`.
 * Fields a better-auth plugin adds to the user that the object has no column for (two-factor's
 * `twoFactorEnabled`) live in a side table keyed by the user id (`objectos_auth_user_state`):
 * reads join it in, writes split the values between the two tables, in one transaction. Each
 * row written is reported to `onWrite` in that transaction (the audit trail records it).
 *
 * @example
 *   const users = userRows(knex, 'sqlite', { table: 'sys_user', stateTable, defaults, extras })
 *   await users.create({ name: 'Ann', email: 'ann@example.com', two_factor_enabled: 0 })
 */
import type { CleanedWhere } from 'better-auth/adapters'
import type { Knex } from 'knex'
import type { Dialect } from '../../data/connection/database.js'
import { newRecordId } from '../../data/write/new-record-id.js'
import { applyWhere } from './where-clause.js'

type Row = Record<string, unknown>

export interface UserTables {
  readonly table: string
  readonly stateTable: string
  /** Column values for a new row that better-auth does not give (the object's defaults). */
  readonly defaults: () => Readonly<Row>
  /** The user model's columns the table lacks, kept in the state table. */
  readonly extraColumns: () => readonly string[]
  /** Hears every row written, in the write's transaction (the audit trail). */
  readonly onWrite?: UserWriteListener | undefined
}

/** One `sys_user` row the identity layer wrote: before (update, delete) and after (create, update). */
export interface UserWrite {
  readonly id: string
  readonly before: Readonly<Row> | undefined
  readonly after: Readonly<Row> | undefined
}

export type UserWriteListener = (trx: Knex, write: UserWrite) => Promise<void>

export function userRows(knex: Knex, dialect: Dialect, tables: UserTables) {
  const { table, stateTable } = tables
  const split = (values: Row) => {
    const extras = new Set(tables.extraColumns())
    const main: Row = {}
    const extra: Row = {}
    for (const [key, value] of Object.entries(values)) (extras.has(key) ? extra : main)[key] = value
    return { main, extra }
  }
  /** Runs `work` in the enclosing transaction, or in a new one. */
  const atomically = <T>(work: (trx: Knex) => Promise<T>): Promise<T> =>
    (knex as Knex & { isTransaction?: boolean }).isTransaction === true
      ? work(knex)
      : knex.transaction(work)
  const matchingIds = (trx: Knex, clauses: readonly CleanedWhere[]) =>
    applyWhere(trx(table), clauses, dialect).pluck('id') as Promise<string[]>
  const saveExtras = async (trx: Knex, ids: readonly string[], extra: Row) => {
    if (Object.keys(extra).length === 0) return
    for (const id of ids) {
      await trx(stateTable)
        .insert({ user_id: id, ...extra })
        .onConflict('user_id')
        .merge(extra)
    }
  }

  /** The stored rows of `ids`, when someone listens for writes. */
  const stored = async (trx: Knex, ids: readonly string[]): Promise<Map<string, Row>> => {
    if (tables.onWrite === undefined) return new Map()
    const found = (await trx(table).whereIn('id', ids)) as Row[]
    return new Map(found.map((row) => [String(row.id), row]))
  }
  const reportChanges = async (trx: Knex, before: Map<string, Row>, after: Map<string, Row>) => {
    if (tables.onWrite === undefined) return
    for (const [id, row] of before) {
      await tables.onWrite(trx, { id, before: row, after: after.get(id) })
    }
  }

  const rows = {
    /** A query for users with their extra columns; select names columns or '*'. */
    select(clauses: readonly CleanedWhere[] | undefined, select: readonly string[] | '*') {
      const extras = tables.extraColumns()
      const query = knex(table)
      if (extras.length > 0) query.leftJoin(stateTable, `${stateTable}.user_id`, `${table}.id`)
      const qualify = (column: string) =>
        extras.includes(column) ? `${stateTable}.${column}` : `${table}.${column}`
      query.select(
        select === '*'
          ? [`${table}.*`, ...extras.map((c) => `${stateTable}.${c}`)]
          : select.map(qualify),
      )
      return applyWhere(query, clauses, dialect)
    },

    async create(data: Row): Promise<Row> {
      const { main, extra } = split(data)
      const id = typeof main.id === 'string' ? main.id : newRecordId()
      const row = { ...tables.defaults(), ...main, id, version: 1, owner_id: id }
      return atomically(async (trx) => {
        const [inserted] = (await trx(table).insert(row).returning('*')) as Row[]
        await saveExtras(trx, [id], extra)
        await tables.onWrite?.(trx, { id, before: undefined, after: inserted ?? row })
        return { ...(inserted ?? row), ...extra }
      })
    },

    /** Updates the matching users (the first one only unless `many`); the ids it changed. */
    async update(clauses: readonly CleanedWhere[], values: Row, many: boolean): Promise<string[]> {
      const { main, extra } = split(values)
      return atomically(async (trx) => {
        const ids = (await matchingIds(trx, clauses)).slice(0, many ? undefined : 1)
        if (ids.length === 0) return []
        if (Object.keys(main).length > 0) {
          const before = await stored(trx, ids)
          // Every write of a record bumps its version, as the engine's own writes do.
          await trx(table)
            .whereIn('id', ids)
            .update({ ...main, version: trx.raw('?? + 1', ['version']) })
          await reportChanges(trx, before, await stored(trx, ids))
        }
        await saveExtras(trx, ids, extra)
        return ids
      })
    },

    async delete(clauses: readonly CleanedWhere[]): Promise<number> {
      return atomically(async (trx) => {
        const ids = await matchingIds(trx, clauses)
        if (ids.length === 0) return 0
        const before = await stored(trx, ids)
        if (tables.extraColumns().length > 0) {
          await trx(stateTable).whereIn('user_id', ids).delete()
        }
        const count = await trx(table).whereIn('id', ids).delete()
        await reportChanges(trx, before, new Map())
        return count
      })
    },
  }
  return rows
}
