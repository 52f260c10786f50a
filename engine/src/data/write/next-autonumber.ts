/**
 * Autonumbers: `OPP-{YYYY}-{0000}` renders the date tokens and `{field}` values first; that
 * rendered prefix is the counter's scope, so the counter starts again when it changes (every
 * year here). The counter is incremented with one upsert … RETURNING inside the write's
 * transaction: PostgreSQL locks the counter row until commit and SQLite has one writer, so two
 * concurrent writes never get the same number.
 */
import type { FieldNode } from '../../ir/field-node.js'
import { sequencesTable } from '../schema/system-tables.js'
import type { Executor } from './data-context.js'

const counterPattern = /\{(0+)\}/

export async function nextAutonumber(
  trx: Executor,
  object: string,
  field: FieldNode,
  record: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<string> {
  const format = field.autonumberFormat ?? '{0000}'
  const pad = (n: number, width: number) => String(n).padStart(width, '0')
  const rendered = format.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (token, name: string) => {
    switch (name) {
      case 'YYYY':
        return String(now.getUTCFullYear())
      case 'YY':
        return pad(now.getUTCFullYear() % 100, 2)
      case 'MM':
        return pad(now.getUTCMonth() + 1, 2)
      case 'DD':
        return pad(now.getUTCDate(), 2)
      case 'YYYYMMDD':
        return `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1, 2)}${pad(now.getUTCDate(), 2)}`
      default: {
        const value = record[name]
        return value === null || value === undefined ? '' : String(value)
      }
    }
  })
  const width = counterPattern.exec(rendered)?.[1]?.length ?? 4
  const scope = rendered.replace(counterPattern, '#')
  const rows = (await trx
    .knex(sequencesTable)
    .insert({ object, field: field.name, scope, value: 1 })
    .onConflict(['object', 'field', 'scope'])
    .merge({ value: trx.knex.raw('?? + 1', [`${sequencesTable}.value`]) })
    .returning('value')) as { value: number | string }[]
  const value = Number(rows[0]?.value ?? 1)
  return counterPattern.test(rendered)
    ? rendered.replace(counterPattern, pad(value, width))
    : `${rendered}${pad(value, width)}`
}
