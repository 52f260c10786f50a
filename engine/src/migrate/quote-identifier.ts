/**
 * Quotes a table, column or index name for raw SQL. Double quotes are the standard identifier
 * quotes and both SQLite and PostgreSQL accept them. Used where knex's `??` bindings cannot go,
 * e.g. inside the conversion expression of an `ALTER COLUMN … USING`.
 *
 * @example
 *   quoteIdentifier('close_date') // '"close_date"'
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
