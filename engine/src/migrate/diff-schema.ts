/**
 * Compares the tables the metadata needs with the live database and lists the changes, in
 * execution order. Pure: what needs counting in the data (rows of a dropped table, values of a
 * dropped column, values that would not convert) comes back as a `Measured` change that
 * plan-migration.ts completes.
 *
 * Rules:
 * - a table or column is renamed when the metadata declares `renamedFrom`, the old name exists
 *   and the new one does not; when the new one exists the rename is done and nothing happens;
 * - a table is dropped only when ObjectOS created it (it is in `objectos_managed_objects`), and
 *   an index only when ObjectOS created it or its name is claimed by the metadata;
 * - a live column no declared field maps to is dropped (destructive, refused unless allowed).
 *
 * @example
 *   const changes = diffSchema(registry.objects.values(), 'sqlite', live, managed)
 */
import type { Dialect } from '../data/connection/database.js'
import { tableSpecOf, type ColumnSpec, type TableSpec } from '../data/schema/table-spec.js'
import type { ObjectNode } from '../ir/object-node.js'
import type { LiveIndex, LiveSchema, LiveTable } from './live-schema.js'
import type { ManagedObjects } from './migration-history.js'
import { MigrationStep } from './migration-step.js'

/** Something to count in the live data before the step can be described. */
export type Measurement =
  | { readonly kind: 'rows'; readonly table: string }
  | { readonly kind: 'values'; readonly table: string; readonly column: string }
  | {
      readonly kind: 'unconvertible'
      readonly table: string
      readonly column: string
      readonly fromType: string
      readonly to: ColumnSpec
    }

export interface Measured {
  /** Counted on the live table and column, under their names before any step runs. */
  readonly measure: Measurement
  build(count: number): MigrationStep
}

export type SchemaChange = MigrationStep | Measured

export const isMeasured = (change: SchemaChange): change is Measured => 'measure' in change

export function diffSchema(
  objects: Iterable<ObjectNode>,
  dialect: Dialect,
  live: LiveSchema,
  managed: ManagedObjects,
): SchemaChange[] {
  const desired = [...objects].map((object) => ({ object, spec: tableSpecOf(object, dialect) }))
  const desiredNames = new Set(desired.map((d) => d.spec.name))
  const liveIndexTable = new Map<string, string>()
  for (const table of live.tables.values()) {
    for (const index of table.indexes) liveIndexTable.set(index.name, table.name)
  }
  const changes: SchemaChange[] = []
  const accounted = new Set<string>()
  for (const { object, spec } of desired) {
    let current = live.tables.get(spec.name)
    const from = spec.renamedFrom
    if (current === undefined && from !== undefined && !desiredNames.has(from)) {
      current = live.tables.get(from)
      if (current !== undefined) {
        changes.push(MigrationStep.renameTable({ table: spec.name, object: object.name, from }))
      }
    }
    if (current === undefined) {
      const { columns, indexes } = spec
      changes.push(
        MigrationStep.createTable({ table: spec.name, object: object.name, columns, indexes }),
      )
      continue
    }
    accounted.add(current.name)
    changes.push(...diffColumns(object, spec, current))
    changes.push(...diffIndexes(object, spec, current, managed, liveIndexTable))
  }
  for (const table of live.tables.values()) {
    if (accounted.has(table.name) || desiredNames.has(table.name)) continue
    if (!managed.tables.has(table.name)) continue
    changes.push({
      measure: { kind: 'rows', table: table.name },
      build: (rows) => MigrationStep.dropTable({ table: table.name, rows }),
    })
  }
  return changes
}

function diffColumns(object: ObjectNode, spec: TableSpec, current: LiveTable): SchemaChange[] {
  const changes: SchemaChange[] = []
  const liveColumns = new Map(current.columns.map((c) => [c.name, c]))
  const wanted = new Set(spec.columns.map((c) => c.name))
  const used = new Set<string>()
  const fieldOf = (column: string): string =>
    [...object.fields.values()].find((f) => f.column === column)?.name ?? column
  for (const column of spec.columns) {
    const base = { table: spec.name, object: object.name, field: fieldOf(column.name) }
    let liveColumn = liveColumns.get(column.name)
    const from = column.renamedFrom
    if (liveColumn === undefined && from !== undefined && !wanted.has(from)) {
      liveColumn = liveColumns.get(from)
      if (liveColumn !== undefined) {
        changes.push(MigrationStep.renameColumn({ ...base, column: column.name, from }))
      }
    }
    if (liveColumn === undefined) {
      changes.push(MigrationStep.addColumn({ ...base, column }))
      continue
    }
    used.add(liveColumn.name)
    if (liveColumn.sqlType !== column.sqlType) {
      const fromType = liveColumn.sqlType
      changes.push({
        measure: {
          kind: 'unconvertible',
          table: current.name,
          column: liveColumn.name,
          fromType,
          to: column,
        },
        build: (unconvertible) =>
          MigrationStep.alterColumnType({ ...base, column, fromType, unconvertible }),
      })
    }
  }
  for (const liveColumn of current.columns) {
    if (used.has(liveColumn.name)) continue
    const step = { table: spec.name, object: object.name, column: liveColumn.name }
    changes.push({
      measure: { kind: 'values', table: current.name, column: liveColumn.name },
      build: (values) => MigrationStep.dropColumn({ ...step, values }),
    })
  }
  return changes
}

const sameIndex = (a: LiveIndex, b: { columns: readonly string[]; unique: boolean }): boolean =>
  a.unique === b.unique && a.columns.join('\u0000') === b.columns.join('\u0000')

function diffIndexes(
  object: ObjectNode,
  spec: TableSpec,
  current: LiveTable,
  managed: ManagedObjects,
  liveIndexTable: ReadonlyMap<string, string>,
): SchemaChange[] {
  const changes: SchemaChange[] = []
  const base = { table: spec.name, object: object.name }
  const liveIndexes = new Map(current.indexes.map((i) => [i.name, i]))
  const wanted = new Set(spec.indexes.map((i) => i.name))
  for (const index of spec.indexes) {
    const liveIndex = liveIndexes.get(index.name)
    if (liveIndex !== undefined && sameIndex(liveIndex, index)) continue
    const elsewhere = liveIndexTable.get(index.name)
    // The metadata claims this name: an index of that name with other columns (here, or on a
    // table ObjectOS created) is replaced. On a table ObjectOS does not manage the create fails
    // with the database's own message, rather than touching that table.
    if (liveIndex !== undefined) {
      changes.push(MigrationStep.dropIndex({ ...base, index: index.name }))
    } else if (elsewhere !== undefined && managed.indexes.has(index.name)) {
      changes.push(
        MigrationStep.dropIndex({ table: elsewhere, object: object.name, index: index.name }),
      )
    }
    changes.push(MigrationStep.addIndex({ ...base, index }))
  }
  for (const liveIndex of current.indexes) {
    if (wanted.has(liveIndex.name) || !managed.indexes.has(liveIndex.name)) continue
    changes.push(MigrationStep.dropIndex({ ...base, index: liveIndex.name }))
  }
  return changes
}
