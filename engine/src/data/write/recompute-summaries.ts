/**
 * Keeps roll-up summary fields right: after a child record is created, changed or deleted, the
 * summaries it feeds are recomputed from the children with one aggregate query per summary field
 * and written to the affected parents, inside the same transaction.
 */
import type { Registry } from '../../registry/registry.js'
import type { Executor } from './data-context.js'

export async function recomputeSummaries(
  trx: Executor,
  registry: Registry,
  childObject: string,
  rows: readonly (Readonly<Record<string, unknown>> | undefined)[],
  now: string,
): Promise<void> {
  for (const dependency of registry.summariesFedBy(childObject)) {
    const parentIds = new Set<string>()
    for (const row of rows) {
      const id = row?.[dependency.field]
      if (typeof id === 'string') parentIds.add(id)
    }
    if (parentIds.size === 0) continue
    const parent = registry.object(dependency.parent)
    const summaryField = parent.fields.get(dependency.summaryField)
    const summary = summaryField?.summary
    if (summaryField === undefined || summary === undefined) continue
    const child = registry.object(childObject)
    const relationColumn =
      child.fields.get(summary.relationshipField)?.column ?? summary.relationshipField
    const valueColumn =
      summary.childField === undefined
        ? undefined
        : (child.fields.get(summary.childField)?.column ?? summary.childField)
    if (trx.dialect === 'postgres') {
      // Lock the parents first, then aggregate in a new statement: under READ COMMITTED that
      // statement sees every child committed by a concurrent writer that held the lock, so two
      // children added at once both count. (SQLite has one writer at a time.)
      await trx
        .knex(parent.table)
        .select('id')
        .whereIn('id', [...parentIds])
        .orderBy('id')
        .forUpdate()
    }
    const aggregate =
      summary.fn === 'count' || valueColumn === undefined
        ? trx.knex.raw('count(*)')
        : trx.knex.raw(`${summary.fn}(??)`, [valueColumn])
    const results = (await trx
      .knex(child.table)
      .select({ parent_id: relationColumn })
      .select({ value: aggregate })
      .whereIn(relationColumn, [...parentIds])
      .groupBy(relationColumn)) as { parent_id: string; value: unknown }[]
    const byParent = new Map(results.map((r) => [r.parent_id, r.value]))
    for (const id of parentIds) {
      const raw = byParent.get(id)
      const value =
        raw === undefined || raw === null
          ? summary.fn === 'count' || summary.fn === 'sum'
            ? 0
            : null
          : Number(raw)
      await trx
        .knex(parent.table)
        .where('id', id)
        .update({
          [summaryField.column]: value === null ? null : roundTo(value, summaryField.scale),
          updated_at: now,
          version: trx.knex.raw('?? + 1', ['version']),
        })
    }
  }
}

function roundTo(value: number, scale: number | undefined): number {
  if (scale === undefined) return value
  const factor = 10 ** scale
  return Math.round(value * factor) / factor
}
