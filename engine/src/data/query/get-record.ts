/**
 * One record by id, through the same path as lists (field selection, expansion, decoding), or
 * undefined when there is none. Callers decide whether absence is a 404.
 */
import { InvalidQuery } from '@objectos/errors'
import type { Registry } from '../../registry/registry.js'
import type { DataRecord } from '../values/row-codec.js'
import { findRecords } from './find-records.js'
import type { QueryExecutor } from './query-executor.js'

export interface GetRecordOptions {
  readonly fields?: readonly string[] | undefined
  readonly expand?: readonly string[] | undefined
}

/**
 * @example
 *   const account = await getRecord(db, registry, 'account', id, { expand: ['opportunity'] })
 *   if (account === undefined) throw RecordNotFound.create('account', id)
 */
export async function getRecord(
  executor: QueryExecutor,
  registry: Registry,
  objectName: string,
  id: string,
  options: GetRecordOptions = {},
): Promise<DataRecord | undefined> {
  if (typeof id !== 'string' || id === '') throw InvalidQuery.create('id', 'expects a record id')
  const { records } = await findRecords(executor, registry, objectName, {
    filter: { id },
    limit: 1,
    fields: options.fields,
    expand: options.expand,
  })
  return records[0]
}
