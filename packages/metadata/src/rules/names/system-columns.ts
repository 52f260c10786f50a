/**
 * The columns the engine adds to every object's table. A field may not take one of these names,
 * and every reference may name them as if they were declared fields (sort by `created_at`, read
 * `record.id` in an expression). This is the one list: the identifier rule, the symbol table and
 * the CEL record types all read it.
 */

/** A system column and the field type it behaves as. */
export interface SystemColumn {
  readonly name: string
  /** The spec field type the column reads as, for references and CEL typing. */
  readonly type: string
}

export const systemColumns: readonly SystemColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'created_at', type: 'datetime' },
  { name: 'updated_at', type: 'datetime' },
  { name: 'created_by', type: 'user' },
  { name: 'updated_by', type: 'user' },
  { name: 'owner_id', type: 'user' },
  { name: 'version', type: 'integer' },
]

export const systemColumnNames: readonly string[] = systemColumns.map((c) => c.name)
