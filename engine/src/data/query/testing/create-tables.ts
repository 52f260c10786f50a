/**
 * Test-only: creates every object's table with the migrator, and inserts records encoded with
 * `toColumn` — enough to exercise the query layer without the write path or the migrator.
 */
import { randomUUID } from 'node:crypto'
import type { Registry } from '../../../registry/registry.js'
import type { Database } from '../../connection/database.js'
import { migrate } from '../../../migrate/index.js'
import { toColumn, type DataRecord } from '../../values/row-codec.js'

export async function createTables(db: Database, registry: Registry): Promise<void> {
  await migrate(db, registry, { allowDestructive: false })
}

/**
 * Inserts records (ids generated when missing, version 1, created_at now unless given) and
 * returns them with their ids.
 */
export async function insertRecords(
  db: Database,
  registry: Registry,
  objectName: string,
  records: readonly DataRecord[],
): Promise<DataRecord[]> {
  const object = registry.object(objectName)
  const full = records.map((record) => ({
    id: randomUUID(),
    version: 1,
    created_at: new Date().toISOString(),
    ...record,
  }))
  const rows = full.map((record) => {
    const row: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(record)) {
      const field = object.fields.get(name)
      if (field === undefined) throw new Error(`test data: ${objectName} has no field ${name}`)
      row[field.column] = toColumn(field, value, db.dialect)
    }
    return row
  })
  if (rows.length > 0) await db.knex(object.table).insert(rows)
  return full
}
