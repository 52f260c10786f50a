/**
 * The table an object needs: its columns (system columns first), their SQL types and the
 * indexes. `plan` diffs this against the live database; nothing else creates tables.
 */
import type { ObjectNode } from '../../ir/object-node.js'
import type { Dialect } from '../connection/database.js'
import { columnTypeOf, sqlTypeName, type ColumnType } from './column-type.js'

export interface ColumnSpec {
  readonly name: string
  readonly type: ColumnType
  /** The type as `sqlTypeName` spells it for this dialect. */
  readonly sqlType: string
  readonly primaryKey: boolean
  readonly notNull: boolean
  /** Renamed from this column (declared in metadata), if the rename is still pending. */
  readonly renamedFrom: string | undefined
}

export interface IndexSpec {
  readonly name: string
  readonly columns: readonly string[]
  readonly unique: boolean
}

export interface TableSpec {
  readonly name: string
  readonly renamedFrom: string | undefined
  readonly columns: readonly ColumnSpec[]
  readonly indexes: readonly IndexSpec[]
}

export function tableSpecOf(object: ObjectNode, dialect: Dialect): TableSpec {
  const columns: ColumnSpec[] = []
  for (const field of object.fields.values()) {
    const type = columnTypeOf(field)
    columns.push({
      name: field.column,
      type,
      sqlType: sqlTypeName(type, dialect),
      primaryKey: field.name === 'id',
      notNull: field.name === 'id' || field.name === 'version',
      renamedFrom: object.fieldRenames.get(field.name),
    })
  }
  return { name: object.table, renamedFrom: object.renamedFrom, columns, indexes: object.indexes }
}
