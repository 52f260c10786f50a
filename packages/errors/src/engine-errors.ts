/**
 * Errors of the kernel, the registry, migrations and the settings read at start.
 */
import { defineError } from './define-error.js'

export const PluginFailed = defineError(
  'OOS_KERNEL_PLUGIN_FAILED',
  (plugin: string, phase: string, reason: string) =>
    `plugin "${plugin}" failed to ${phase}: ${reason}`,
  500,
)

export const PluginDependencyMissing = defineError(
  'OOS_KERNEL_PLUGIN_DEPENDENCY',
  (plugin: string, dependency: string) =>
    `plugin "${plugin}" depends on "${dependency}", which is not registered`,
  500,
)

export const PluginCycle = defineError(
  'OOS_KERNEL_PLUGIN_CYCLE',
  (cycle: string) => `plugins depend on each other in a cycle: ${cycle}`,
  500,
)

export const UnknownService = defineError(
  'OOS_KERNEL_UNKNOWN_SERVICE',
  (service: string) => `no plugin provides the service "${service}"`,
  500,
)

export const InvalidMetadata = defineError(
  'OOS_METADATA_INVALID',
  (count: number) =>
    `the metadata has ${count} error${count === 1 ? '' : 's'}; run "objectos validate" to see them`,
  500,
)

export const DestructivePlan = defineError(
  'OOS_MIGRATE_DESTRUCTIVE',
  (steps: number) =>
    `the database needs ${steps} destructive change${steps === 1 ? '' : 's'}; review them with "objectos plan" and run "objectos apply --allow-destructive"`,
  500,
)

export const MigrationFailed = defineError(
  'OOS_MIGRATE_FAILED',
  (step: string, reason: string) => `migration step "${step}" failed: ${reason}`,
  500,
)

export const DatabaseUnavailable = defineError(
  'OOS_DATABASE_UNAVAILABLE',
  (target: string, reason: string) => `cannot open the database ${target}: ${reason}`,
  503,
)

export const PlanOutdated = defineError(
  'OOS_MIGRATE_PLAN_OUTDATED',
  () =>
    'the database changed since this plan was made; run "objectos plan" again and review the new plan',
  409,
)

export const UnconvertibleValues = defineError(
  'OOS_MIGRATE_UNCONVERTIBLE',
  (column: string, type: string, rows: number) =>
    `${rows} row${rows === 1 ? '' : 's'} of ${column} cannot be converted to ${type}; correct or clear them, or run "objectos apply --allow-destructive" to set them to NULL`,
  409,
)

/** A setting read from the environment at start is missing or malformed; names the variable. */
export const InvalidSetting = defineError(
  'OOS_CONFIG_INVALID',
  (variable: string, problem: string) => `check the setting ${variable}: ${problem}`,
  500,
)
