/**
 * The query model: one filter compiler and one read path that REST, GraphQL, flows and the UI
 * share (docs/reference/query.md).
 */
export type * from './query-types.js'
export { defaultLimit, maxLimit } from './query-types.js'
export type { QueryExecutor } from './query-executor.js'
export { applyFilter, compileFilter, type FilterContext } from './compile-filter.js'
export type { SqlFragment } from './sql-fragment.js'
export { applySearch, searchableFields } from './search-filter.js'
export { filterOperators, type FilterOperator } from './filter-operators.js'
export { findRecords } from './find-records.js'
export { getRecord, type GetRecordOptions } from './get-record.js'
export { aggregateRecords } from './aggregate-records.js'
