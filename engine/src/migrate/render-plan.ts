/**
 * The plan as people read it: one line per step, a sign for what it does (`+` adds, `~` changes,
 * `>` renames, `-` removes) and `[destructive]` on the steps that lose data.
 *
 *   + create table account (18 columns, 2 indexes)
 *   > rename column lead.fax → lead.fax_number
 *   ~ change opportunity.amount text → numeric(18,2) (3 rows would not convert and would become NULL)  [destructive]
 *   - drop column lead.twitter (12 values)  [destructive]
 *
 * @example
 *   process.stdout.write(renderPlan(plan)) // 'No changes.\n' when there is nothing to do
 */
import type { MigrationStep, StepKind } from './migration-step.js'
import type { MigrationPlan } from './plan-migration.js'

const signs: Readonly<Record<StepKind, string>> = {
  create_table: '+',
  add_column: '+',
  add_index: '+',
  rename_table: '>',
  rename_column: '>',
  alter_column_type: '~',
  drop_table: '-',
  drop_column: '-',
  drop_index: '-',
  recompute_field: '=',
}

export function renderStep(step: MigrationStep): string {
  const mark = step.destructive ? '  [destructive]' : ''
  return `${signs[step.kind]} ${step.description}${mark}`
}

export function renderPlan(plan: MigrationPlan): string {
  if (plan.steps.length === 0) return 'No changes.\n'
  return `${plan.steps.map(renderStep).join('\n')}\n`
}
