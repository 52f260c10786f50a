/**
 * `apply`: runs a plan in one transaction (SQLite and PostgreSQL both roll DDL back), so a step
 * that fails leaves the database exactly as it was. Destructive steps are refused unless allowed;
 * a plan made from a database that has changed since is refused too (PlanOutdated). The applied
 * steps are recorded in `objectos_migrations`; an empty plan records nothing, so applying twice
 * is a no-op the second time.
 *
 * @example
 *   const plan = await planMigration(db, registry)
 *   await applyPlan(db, plan, { allowDestructive: false })
 *   // or both at once:
 *   await migrate(db, registry)
 */
import {
  DestructivePlan,
  MigrationFailed,
  ObjectOSError,
  PlanOutdated,
  type FieldError,
} from '@objectos/errors'
import type { Database } from '../data/connection/database.js'
import type { Registry } from '../registry/registry.js'
import { computedDefinitions, writeComputed } from './computed-fields.js'
import { introspect } from './live-schema.js'
import { lockMigrations, readManaged, recordMigration } from './migration-history.js'
import type { MigrationStep } from './migration-step.js'
import {
  destructiveSteps,
  fingerprint,
  planMigration,
  type MigrationPlan,
} from './plan-migration.js'
import { runStep } from './run-step.js'

export interface ApplyOptions {
  /** Run destructive steps (drops, type changes that set values to NULL). Default false. */
  readonly allowDestructive?: boolean
}

/** Applies `plan` and returns it; throws DestructivePlan, PlanOutdated or MigrationFailed. */
export async function applyPlan(
  db: Database,
  plan: MigrationPlan,
  options: ApplyOptions = {},
): Promise<MigrationPlan> {
  const allowDestructive = options.allowDestructive === true
  if (!allowDestructive) refuseDestructive(plan)
  if (plan.steps.length === 0) return plan
  await db.knex.transaction(async (trx) => {
    await lockMigrations(trx, db.dialect)
    const live = await introspect(trx, db.dialect)
    const basis = fingerprint(live, await readManaged(trx))
    if (plan.dialect !== db.dialect || basis !== plan.basis) throw PlanOutdated.create()
    for (const step of plan.steps) {
      try {
        await runStep(trx, db.dialect, step, { allowDestructive, registry: plan.registry })
      } catch (error) {
        if (error instanceof ObjectOSError) throw error
        const reason = error instanceof Error ? error.message : String(error)
        throw MigrationFailed.create(step.description, reason)
      }
    }
    await recordMigration(trx, plan.steps, await introspect(trx, db.dialect))
    if (plan.registry !== undefined) {
      await writeComputed(trx, computedDefinitions(plan.registry.objects.values()))
    }
  })
  return plan
}

/**
 * Plans and applies in one go, returning the plan applied. When another process migrates the
 * same database in between, it plans again (a few times) instead of failing.
 */
export async function migrate(
  db: Database,
  registry: Registry,
  options: ApplyOptions = {},
): Promise<MigrationPlan> {
  for (let attempt = 1; ; attempt++) {
    const plan = await planMigration(db, registry)
    try {
      return await applyPlan(db, plan, options)
    } catch (error) {
      if (!PlanOutdated.is(error) || attempt >= 3) throw error
    }
  }
}

/**
 * What `serve` does on start: applies a plan without destructive steps, and refuses one with
 * them by throwing DestructivePlan, whose message says what to run and whose `errors` name each
 * destructive step (`field`: the table or table.column, `code`: the step kind, `message`: the
 * plan line).
 *
 * @example
 *   try { await migrateOnStart(db, registry) } catch (error) {
 *     if (DestructivePlan.is(error)) for (const e of error.errors) log(`  - ${e.message}`)
 *     throw error
 *   }
 */
export function migrateOnStart(db: Database, registry: Registry): Promise<MigrationPlan> {
  return migrate(db, registry, { allowDestructive: false })
}

function refuseDestructive(plan: MigrationPlan): void {
  const steps = destructiveSteps(plan)
  if (steps.length === 0) return
  throw DestructivePlan.withFields(steps.map(stepError), steps.length)
}

function stepError(step: MigrationStep): FieldError {
  const column =
    step.kind === 'drop_column'
      ? step.column
      : step.kind === 'alter_column_type'
        ? step.column.name
        : undefined
  return {
    field: column === undefined ? step.table : `${step.table}.${column}`,
    code: step.kind,
    message: step.description,
  }
}
