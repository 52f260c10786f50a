/**
 * The data API every door uses — REST, GraphQL, flows, the CLI: find, get, aggregate, create,
 * update, delete. Each call takes one registry snapshot and keeps it to the end, so a reload
 * during a request never mixes two versions of the app.
 *
 * @example
 *   const records = createRecordService(db, kernel.registry, kernel.hooks)
 *   const deal = await records.create('opportunity', { name: 'Big deal', account: id, stage: 'proposal' })
 *   await records.update('opportunity', deal.id as string, { amount: 5000 }, { expectedVersion: 1 })
 */
import type { RegistryHolder } from '../registry/registry-holder.js'
import type { HookBus } from '../runtime/hook-bus.js'
import type { Database } from './connection/database.js'
import type {
  AggregateQuery,
  AggregateResult,
  FindOptions,
  FindQuery,
  FindResult,
} from './query/query-types.js'
import { aggregateRecords } from './query/aggregate-records.js'
import { findRecords } from './query/find-records.js'
import { getRecord } from './query/get-record.js'
import { createRecord } from './write/create-record.js'
import { systemContext, type DataContext, type Executor } from './write/data-context.js'
import { deleteRecord, type DeleteOptions } from './write/delete-record.js'
import { updateRecord, type UpdateOptions } from './write/update-record.js'
import type { WriteEnv } from './write/write-env.js'

export type DataRecord = Record<string, unknown>

export interface GetOptions {
  readonly fields?: readonly string[] | undefined
  readonly expand?: readonly string[] | undefined
}

export interface RecordService {
  readonly db: Database
  /** What this service's calls run on: the database, or the transaction it was bound to. */
  readonly executor: Executor
  /** `options` are for the engine's own callers (GraphQL's batches); no door passes a request's. */
  find(
    object: string,
    query?: FindQuery,
    context?: DataContext,
    options?: FindOptions,
  ): Promise<FindResult>
  /** The record, or undefined when it does not exist. */
  get(
    object: string,
    id: string,
    options?: GetOptions,
    context?: DataContext,
  ): Promise<DataRecord | undefined>
  aggregate(object: string, query: AggregateQuery, context?: DataContext): Promise<AggregateResult>
  create(object: string, input: unknown, context?: DataContext): Promise<DataRecord>
  update(
    object: string,
    id: string,
    patch: unknown,
    options?: UpdateOptions,
    context?: DataContext,
  ): Promise<DataRecord>
  delete(object: string, id: string, options?: DeleteOptions, context?: DataContext): Promise<void>
  /**
   * Runs `work` in one transaction: every call on the service it is given joins it, and any
   * failure undoes them all (bulk writes).
   */
  transaction<T>(work: (records: RecordService) => Promise<T>): Promise<T>
}

export function createRecordService(
  db: Database,
  registry: RegistryHolder,
  hooks: HookBus,
  trx?: Executor,
): RecordService {
  const env = (): WriteEnv => ({ db, registry: registry.current(), hooks, trx })
  const reads: Executor = trx ?? db
  return {
    db,
    executor: reads,
    // The context's principal, when there is one, limits every read to what it may see.
    find: (object, query = {}, context = systemContext, options = {}) =>
      findRecords(reads, registry.current(), object, query, {
        ...options,
        principal: context.principal,
      }),
    get: (object, id, options = {}, context = systemContext) =>
      getRecord(reads, registry.current(), object, id, {
        ...options,
        principal: context.principal,
      }),
    aggregate: (object, query, context = systemContext) =>
      aggregateRecords(reads, registry.current(), object, query, { principal: context.principal }),
    transaction: (work) =>
      trx !== undefined
        ? work(createRecordService(db, registry, hooks, trx))
        : db.knex.transaction((knex) =>
            work(createRecordService(db, registry, hooks, { knex, dialect: db.dialect })),
          ),
    create: (object, input, context = systemContext) => createRecord(env(), object, input, context),
    update: (object, id, patch, options = {}, context = systemContext) =>
      updateRecord(env(), object, id, patch, options, context),
    delete: (object, id, options = {}, context = systemContext) =>
      deleteRecord(env(), object, id, options, context),
  }
}
