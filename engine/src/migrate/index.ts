/**
 * Migrations: compare the metadata with the live database (`planMigration`), print the plan
 * (`renderPlan`), apply it in one transaction (`applyPlan`), or all at once (`migrate`,
 * `migrateOnStart` for the server). See docs/guides/migrations.md.
 *
 * @example
 *   const plan = await planMigration(db, registry)
 *   console.log(renderPlan(plan))
 *   await applyPlan(db, plan, { allowDestructive: false })
 */
export { applyPlan, migrate, migrateOnStart, type ApplyOptions } from './apply-plan.js'
export {
  introspect,
  type LiveColumn,
  type LiveIndex,
  type LiveSchema,
  type LiveTable,
} from './live-schema.js'
export {
  historyTable,
  managedTable,
  readHistory,
  readManaged,
  type AppliedMigration,
  type ManagedObjects,
} from './migration-history.js'
export { MigrationStep, stepOrder, type StepKind } from './migration-step.js'
export { destructiveSteps, planMigration, type MigrationPlan } from './plan-migration.js'
export { renderPlan, renderStep } from './render-plan.js'
