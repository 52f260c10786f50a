/**
 * A row condition: a CEL predicate over one object's rows (a sharing rule's `condition`, a
 * row-level security policy's `using`) lowered into a form the engine turns into SQL. Fields are
 * compared with literals or with values read from the user; the user-only parts stay CEL text,
 * evaluated once for the principal before the query is built (see row-condition-filter.ts).
 *
 * @example
 *   // record.amount >= 100.0 && record.owner_id == current_user.id
 *   const condition: RowCondition = {
 *     kind: 'and',
 *     items: [
 *       { kind: 'compare', field: 'amount', op: 'gte', value: { kind: 'literal', value: 100 } },
 *       { kind: 'compare', field: 'owner_id', op: 'eq', value: { kind: 'user', source: 'current_user.id' } },
 *     ],
 *   }
 */

export type RowCompareOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'nin'

export type RowLiteral = string | number | boolean | null

export type RowOperand =
  | { readonly kind: 'literal'; readonly value: RowLiteral | readonly RowLiteral[] }
  /** CEL text that reads only the user (e.g. `current_user.id`), evaluated once per principal. */
  | { readonly kind: 'user'; readonly source: string }

export type RowCondition =
  | { readonly kind: 'constant'; readonly value: boolean }
  | { readonly kind: 'and' | 'or'; readonly items: readonly RowCondition[] }
  | { readonly kind: 'not'; readonly item: RowCondition }
  | {
      readonly kind: 'compare'
      readonly field: string
      readonly op: RowCompareOp
      readonly value: RowOperand
    }
  /**
   * A map read from the user, indexed by a field and tested:
   * `current_user.organizationRoles[organization_id] in ['owner', 'admin']`. It holds on the rows
   * whose field is a key of the map (`map`, CEL text reading only the user) whose value passes
   * `op value`; on a row whose field is not a key, CEL raises an error, which admits no row.
   */
  | {
      readonly kind: 'keyed'
      readonly field: string
      readonly map: string
      readonly op: RowCompareOp
      readonly value: RowOperand
    }
  /** A boolean CEL subexpression that reads only the user (`'sales' in current_user.positions`). */
  | { readonly kind: 'user'; readonly source: string }
