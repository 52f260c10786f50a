/**
 * A compiled app on a fresh test database, for the conformance suites: compile YAML given inline
 * (or an app folder), create its tables, and expose the write path, the hook bus and raw rows.
 *
 * @example
 *   describe.each(dialects)('defaults on %s', (dialect) => {
 *     const app = useTestApp(dialect, { task: 'fields:\n  title: { type: text }\n' })
 *     it('…', async () => { await app().create('task', { title: 'x' }) })
 *   })
 */
import { afterAll, beforeAll } from 'vitest'
import type { Database, Dialect } from '../data/connection/database.js'
import { ensureSystemTables } from '../data/schema/system-tables.js'
import { decodeRow } from '../data/values/row-codec.js'
import { createRecord } from '../data/write/create-record.js'
import type { DataContext } from '../data/write/data-context.js'
import { deleteRecord, type DeleteOptions } from '../data/write/delete-record.js'
import { updateRecord, type UpdateOptions } from '../data/write/update-record.js'
import type { WriteEnv } from '../data/write/write-env.js'
import { compileExactly, compileFiles, loadApp } from '../load/load-app.js'
import { migrate } from '../migrate/index.js'
import type { Registry } from '../registry/registry.js'
import { createHookBus, type HookBus } from '../runtime/hook-bus.js'
import { openTestDatabase } from './test-database.js'

/** Object name → the YAML after `name:` (fields, validations…), or an app folder path. */
export type TestAppSource = Readonly<Record<string, string>> | string

export interface TestApp {
  readonly db: Database
  readonly registry: Registry
  readonly hooks: HookBus
  create(object: string, input: unknown, context?: DataContext): Promise<Record<string, unknown>>
  update(
    object: string,
    id: string,
    patch: unknown,
    options?: UpdateOptions,
  ): Promise<Record<string, unknown>>
  delete(object: string, id: string, options?: DeleteOptions): Promise<void>
  /** Every row of the object's table, decoded, ordered by creation. */
  rows(object: string): Promise<Record<string, unknown>[]>
  /** Empties every table of the app. */
  clear(): Promise<void>
}

/**
 * The app of a test: a folder, or objects given inline (the body after `name:`). Every app has
 * the platform's objects (`sys_user`, …); `platform: false` leaves them out, for suites about
 * the planner that count tables and steps.
 */
export async function compileTestApp(
  source: TestAppSource,
  options: { readonly platform?: boolean } = {},
): Promise<Registry> {
  const compile = options.platform === false ? compileExactly : compileFiles
  const result =
    typeof source === 'string'
      ? await loadApp(source)
      : compile([
          { path: 'objectos.yaml', content: 'name: test_app\n' },
          ...Object.entries(source).map(([name, body]) => ({
            path: `objects/${name}.object.yaml`,
            content: `name: ${name}\n${body}`,
          })),
        ])
  if (!result.ok) {
    const problems = result.diagnostics.filter((d) => d.severity === 'error')
    throw new Error(problems.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n'))
  }
  return result.registry
}

/** Creates the app's tables the way `objectos apply` does. */
export async function createTables(db: Database, registry: Registry): Promise<void> {
  await ensureSystemTables(db)
  await migrate(db, registry, { allowDestructive: false })
}

export async function openTestApp(dialect: Dialect, source: TestAppSource): Promise<TestApp> {
  const registry = await compileTestApp(source)
  const db = await openTestDatabase(dialect)
  await createTables(db, registry)
  const hooks = createHookBus()
  const env: WriteEnv = { db, registry, hooks }
  return {
    db,
    registry,
    hooks,
    create: (object, input, context = { door: 'test' }) =>
      createRecord(env, object, input, context),
    update: (object, id, patch, options = {}) =>
      updateRecord(env, object, id, patch, options, { door: 'test' }),
    delete: (object, id, options = {}) => deleteRecord(env, object, id, options, { door: 'test' }),
    async rows(object) {
      const node = registry.object(object)
      const rows = (await db.knex(node.table).select('*').orderBy('id')) as Record<
        string,
        unknown
      >[]
      return rows.map((row) => decodeRow(node, row, db.dialect))
    },
    async clear() {
      for (const object of registry.objects.values()) await db.knex(object.table).delete()
    },
  }
}

/** A test app for the enclosing describe block, closed after it. */
export function useTestApp(dialect: Dialect, source: TestAppSource): () => TestApp {
  let app: TestApp | undefined
  beforeAll(async () => {
    app = await openTestApp(dialect, source)
  })
  afterAll(async () => {
    await app?.db.close()
  })
  return () => {
    if (app === undefined) throw new Error('the test app is not open yet')
    return app
  }
}
