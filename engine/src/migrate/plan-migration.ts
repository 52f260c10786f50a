/**
 * `plan`: what the database needs to match the metadata. Reads the live schema and the list of
 * tables ObjectOS manages, diffs them with the registry's objects, counts what the destructive
 * steps would lose, and returns the steps in execution order. It changes nothing.
 *
 * @example
 *   const plan = await planMigration(db, registry)
 *   process.stdout.write(renderPlan(plan))
 */
import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import type { Database, Dialect } from '../data/connection/database.js'
import type { ObjectNode } from '../ir/object-node.js'
import type { Registry } from '../registry/registry.js'
import { diffSchema, isMeasured, type Measurement } from './diff-schema.js'
import { introspect, type LiveSchema } from './live-schema.js'
import { readManaged, type ManagedObjects } from './migration-history.js'
import { computedDefinitions, readComputed } from './computed-fields.js'
import { MigrationStep, sortSteps } from './migration-step.js'
import { scanUnconvertible } from './unconvertible-values.js'
import { conversionOf } from './value-conversion.js'

export interface MigrationPlan {
  readonly dialect: Dialect
  /** In execution order; empty when the database already matches the metadata. */
  readonly steps: readonly MigrationStep[]
  /**
   * A fingerprint of the live schema and managed tables the plan was made from. `applyPlan`
   * refuses a plan whose basis no longer matches the database (PlanOutdated).
   */
  readonly basis: string
  /**
   * The registry planned for (not stored in the history): recompute steps run its formulas
   * and summaries, and apply records its computed definitions.
   */
  readonly registry?: Registry
}

export async function planMigration(db: Database, registry: Registry): Promise<MigrationPlan> {
  const plan = await planWith(db.knex, db.dialect, registry.objects.values())
  return Object.freeze({ ...plan, registry })
}

/** Plans through `knex`, which may be an open transaction (apply re-plans under its lock). */
export async function planWith(
  knex: Knex,
  dialect: Dialect,
  objects: Iterable<ObjectNode>,
): Promise<MigrationPlan> {
  objects = [...objects]
  const live = await introspect(knex, dialect)
  const managed = await readManaged(knex)
  const steps: MigrationStep[] = []
  for (const change of diffSchema(objects, dialect, live, managed)) {
    steps.push(
      isMeasured(change) ? change.build(await measure(knex, dialect, change.measure)) : change,
    )
  }
  steps.push(...(await recomputeSteps(knex, [...objects], steps)))
  return Object.freeze({
    dialect,
    steps: Object.freeze(sortSteps(steps)),
    basis: fingerprint(live, managed),
  })
}

/** A recompute step per computed field whose stored values are stale (none on new tables). */
async function recomputeSteps(
  knex: Knex,
  objects: readonly ObjectNode[],
  steps: readonly MigrationStep[],
): Promise<MigrationStep[]> {
  const stored = await readComputed(knex)
  const created = new Set(steps.filter((s) => s.kind === 'create_table').map((s) => s.table))
  const out: MigrationStep[] = []
  for (const [key, definition] of computedDefinitions(objects)) {
    const before = stored.get(key)
    if (before === definition) continue
    const [objectName = '', field = ''] = key.split('.')
    const object = objects.find((o) => o.name === objectName)
    if (object === undefined || created.has(object.table)) continue
    const reason = before === undefined ? 'added' : 'changed'
    out.push(
      MigrationStep.recomputeField({ table: object.table, object: objectName, field, reason }),
    )
  }
  return out
}

/** The steps `apply` refuses without `--allow-destructive`. */
export function destructiveSteps(plan: MigrationPlan): MigrationStep[] {
  return plan.steps.filter((step) => step.destructive)
}

async function measure(knex: Knex, dialect: Dialect, what: Measurement): Promise<number> {
  switch (what.kind) {
    case 'rows':
      return count(knex(what.table).count({ n: '*' }))
    case 'values':
      return count(knex(what.table).count({ n: what.column }))
    case 'unconvertible': {
      const { check } = conversionOf(what.fromType, what.to.type, what.to.sqlType, dialect)
      if (check === undefined) return 0
      return (await scanUnconvertible(knex, dialect, what.table, what.column, check)).rows
    }
  }
}

async function count(query: Knex.QueryBuilder): Promise<number> {
  const [row] = (await query) as { n: number | string }[]
  return Number(row?.n ?? 0)
}

/** Identifies a live schema and managed list: equal inputs give equal fingerprints. */
export function fingerprint(live: LiveSchema, managed: ManagedObjects): string {
  const text = JSON.stringify({
    tables: [...live.tables.values()],
    managedTables: [...managed.tables].sort(),
    managedIndexes: [...managed.indexes].sort(),
  })
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}
