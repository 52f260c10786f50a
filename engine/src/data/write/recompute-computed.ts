/**
 * Recomputes stored formula and summary columns for every existing row — after such a field is
 * added or its definition changes (the migration stage calls this), since writes only compute
 * them for the rows they touch. Formulas are re-evaluated in batches of 500 rows; a summary is one
 * correlated UPDATE per field, whatever the number of rows.
 */
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import { decodeRow, toColumn } from '../values/row-codec.js'
import { computeFormulas } from './compute-formulas.js'
import { systemContext, type Executor } from './data-context.js'

const batchSize = 500

/** Re-evaluates every formula of the object on every row; returns the number of rows changed. */
export async function recomputeFormulas(trx: Executor, object: ObjectNode): Promise<number> {
  const formulas = [...object.fields.values()].filter((f) => f.formula !== undefined)
  if (formulas.length === 0) return 0
  let changed = 0
  let after = ''
  for (;;) {
    const rows = (await trx
      .knex(object.table)
      .select('*')
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)) as Record<string, unknown>[]
    if (rows.length === 0) return changed
    for (const row of rows) {
      const record = decodeRow(object, row, trx.dialect)
      const before = formulas.map((f) => JSON.stringify(record[f.name] ?? null))
      computeFormulas(object, record, systemContext)
      if (formulas.some((f, i) => JSON.stringify(record[f.name] ?? null) !== before[i])) {
        const update: Record<string, unknown> = {}
        for (const f of formulas) update[f.column] = toColumn(f, record[f.name], trx.dialect)
        await trx
          .knex(object.table)
          .where('id', row.id as string)
          .update(update)
        changed += 1
      }
    }
    after = String(rows[rows.length - 1]?.id)
  }
}

/** Recomputes one summary field of `object` for every parent row with one UPDATE. */
export async function recomputeSummaryField(
  trx: Executor,
  registry: Registry,
  object: ObjectNode,
  fieldName: string,
): Promise<void> {
  const field = object.fields.get(fieldName)
  const summary = field?.summary
  if (field === undefined || summary === undefined) return
  const child = registry.object(summary.childObject)
  const relation = child.fields.get(summary.relationshipField)?.column ?? summary.relationshipField
  const value =
    summary.childField === undefined || summary.fn === 'count'
      ? 'count(*)'
      : `${summary.fn}(${quote(child.fields.get(summary.childField)?.column ?? summary.childField)})`
  const empty = summary.fn === 'count' || summary.fn === 'sum' ? '0' : 'null'
  const scale = field.scale
  const rounded =
    scale === undefined || summary.fn === 'count'
      ? value
      : trx.dialect === 'postgres'
        ? `round((${value})::numeric, ${scale})`
        : `round(${value}, ${scale})`
  await trx.knex.raw(
    `update ${quote(object.table)} set ${quote(field.column)} = coalesce((select ${rounded} from ${quote(child.table)} c where c.${quote(relation)} = ${quote(object.table)}.id), ${empty})`,
  )
}

/** Identifiers come from validated metadata (snake_case); quoting keeps reserved words safe. */
function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`
}
