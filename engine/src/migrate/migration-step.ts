/**
 * One change a migration makes to the database, with a `kind` discriminant. Steps are plain
 * frozen data (they are stored as JSON in the history table), each carrying the names a reader
 * needs, whether it loses data (`destructive`) and a one-line description for the printed plan.
 *
 * @example
 *   const step = MigrationStep.dropColumn({ table: 'lead', object: 'lead', column: 'fax', values: 3 })
 *   step.description // 'drop column lead.fax (3 values)'
 */
import type { ColumnSpec, IndexSpec } from '../data/schema/table-spec.js'

interface StepBase {
  /** The table the step changes, by the name it has once the step has run. */
  readonly table: string
  /** True when the step loses data: `apply` refuses it without `--allow-destructive`. */
  readonly destructive: boolean
  readonly description: string
}

export interface CreateTableStep extends StepBase {
  readonly kind: 'create_table'
  readonly object: string
  readonly columns: readonly ColumnSpec[]
  readonly indexes: readonly IndexSpec[]
}

export interface RenameTableStep extends StepBase {
  readonly kind: 'rename_table'
  readonly object: string
  readonly from: string
}

export interface DropTableStep extends StepBase {
  readonly kind: 'drop_table'
  /** Rows the table holds when the plan was made. */
  readonly rows: number
}

export interface AddColumnStep extends StepBase {
  readonly kind: 'add_column'
  readonly object: string
  readonly field: string
  readonly column: ColumnSpec
}

export interface RenameColumnStep extends StepBase {
  readonly kind: 'rename_column'
  readonly object: string
  readonly field: string
  readonly column: string
  readonly from: string
}

export interface AlterColumnTypeStep extends StepBase {
  readonly kind: 'alter_column_type'
  readonly object: string
  readonly field: string
  readonly column: ColumnSpec
  /** The column's current SQL type, as the database reports it. */
  readonly fromType: string
  /** Rows whose value cannot be converted (they would become NULL). */
  readonly unconvertible: number
}

export interface DropColumnStep extends StepBase {
  readonly kind: 'drop_column'
  readonly object: string
  readonly column: string
  /** Non-null values the column holds when the plan was made. */
  readonly values: number
}

export interface AddIndexStep extends StepBase {
  readonly kind: 'add_index'
  readonly object: string
  readonly index: IndexSpec
}

export interface DropIndexStep extends StepBase {
  readonly kind: 'drop_index'
  readonly object: string
  readonly index: string
}

export interface RecomputeFieldStep extends StepBase {
  readonly kind: 'recompute_field'
  readonly object: string
  readonly field: string
  /** Why: the computed field is new on a table with rows, or its definition changed. */
  readonly reason: 'added' | 'changed'
}

export type MigrationStep =
  | RecomputeFieldStep
  | CreateTableStep
  | RenameTableStep
  | DropTableStep
  | AddColumnStep
  | RenameColumnStep
  | AlterColumnTypeStep
  | DropColumnStep
  | AddIndexStep
  | DropIndexStep

export type StepKind = MigrationStep['kind']

/**
 * The order steps run in. Renames first, so every later step uses the new names; drops of tables
 * and indexes before creations, so a name freed by one can be reused by another; columns are
 * added and converted before old ones are dropped; indexes last, over the final columns.
 */
export const stepOrder: readonly StepKind[] = [
  'rename_table',
  'drop_table',
  'drop_index',
  'create_table',
  'rename_column',
  'add_column',
  'alter_column_type',
  'drop_column',
  'add_index',
  'recompute_field',
]

type Props<S extends MigrationStep> = Omit<S, 'kind' | 'destructive' | 'description'>

const plural = (count: number, noun: string): string =>
  `${count} ${noun}${count === 1 ? '' : noun.endsWith('x') ? 'es' : 's'}`

const freeze = <S extends MigrationStep>(step: S): S => Object.freeze(step)

/** Builds steps with their description and destructive flag, so both are always consistent. */
export const MigrationStep = {
  createTable(p: Props<CreateTableStep>): CreateTableStep {
    const indexes = p.indexes.length > 0 ? `, ${plural(p.indexes.length, 'index')}` : ''
    const description = `create table ${p.table} (${plural(p.columns.length, 'column')}${indexes})`
    return freeze({ kind: 'create_table', ...p, destructive: false, description })
  },
  renameTable(p: Props<RenameTableStep>): RenameTableStep {
    const description = `rename table ${p.from} → ${p.table}`
    return freeze({ kind: 'rename_table', ...p, destructive: false, description })
  },
  dropTable(p: Props<DropTableStep>): DropTableStep {
    const description = `drop table ${p.table} (${plural(p.rows, 'row')})`
    return freeze({ kind: 'drop_table', ...p, destructive: true, description })
  },
  addColumn(p: Props<AddColumnStep>): AddColumnStep {
    const description = `add column ${p.table}.${p.column.name} ${p.column.sqlType}`
    return freeze({ kind: 'add_column', ...p, destructive: false, description })
  },
  renameColumn(p: Props<RenameColumnStep>): RenameColumnStep {
    const description = `rename column ${p.table}.${p.from} → ${p.table}.${p.column}`
    return freeze({ kind: 'rename_column', ...p, destructive: false, description })
  },
  alterColumnType(p: Props<AlterColumnTypeStep>): AlterColumnTypeStep {
    const lost =
      p.unconvertible > 0
        ? ` (${plural(p.unconvertible, 'row')} would not convert and would become NULL)`
        : ''
    const description = `change ${p.table}.${p.column.name} ${p.fromType} → ${p.column.sqlType}${lost}`
    return freeze({
      kind: 'alter_column_type',
      ...p,
      destructive: p.unconvertible > 0,
      description,
    })
  },
  dropColumn(p: Props<DropColumnStep>): DropColumnStep {
    const description = `drop column ${p.table}.${p.column} (${plural(p.values, 'value')})`
    return freeze({ kind: 'drop_column', ...p, destructive: true, description })
  },
  addIndex(p: Props<AddIndexStep>): AddIndexStep {
    const unique = p.index.unique ? 'unique ' : ''
    const columns = p.index.columns.join(', ')
    const description = `add ${unique}index ${p.index.name} on ${p.table} (${columns})`
    return freeze({ kind: 'add_index', ...p, destructive: false, description })
  },
  recomputeField(p: Props<RecomputeFieldStep>): RecomputeFieldStep {
    const description = `recompute ${p.table}.${p.field} (definition ${p.reason})`
    return freeze({ kind: 'recompute_field', ...p, destructive: false, description })
  },
  dropIndex(p: Props<DropIndexStep>): DropIndexStep {
    const description = `drop index ${p.index} on ${p.table}`
    return freeze({ kind: 'drop_index', ...p, destructive: false, description })
  },
}

/** The name a step sorts by after its kind and table: the column or index it touches. */
function detail(step: MigrationStep): string {
  switch (step.kind) {
    case 'add_column':
    case 'alter_column_type':
      return step.column.name
    case 'rename_column':
    case 'drop_column':
      return step.column
    case 'add_index':
      return step.index.name
    case 'drop_index':
      return step.index
    case 'recompute_field':
      return step.field
    default:
      return ''
  }
}

/** Sorts steps into execution order: by kind (stepOrder), then table, then column or index. */
export function sortSteps(steps: readonly MigrationStep[]): MigrationStep[] {
  const rank = (step: MigrationStep): number => stepOrder.indexOf(step.kind)
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  return [...steps].sort(
    (a, b) => rank(a) - rank(b) || compare(a.table, b.table) || compare(detail(a), detail(b)),
  )
}
