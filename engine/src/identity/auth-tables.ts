/**
 * The identity layer's own tables — sessions, accounts (password hashes), verification tokens,
 * API keys, rate-limit counters, sign-in failures — created from better-auth's schema for the
 * options in use, named `objectos_auth_<model>`. They hold secrets, so they are engine tables
 * (never objects: no REST, GraphQL or plan touches `objectos_*`). The user model is `sys_user`,
 * an object the app's migrations create; it is skipped here. Creating is idempotent on both
 * dialects: a missing table is created, a missing column added, nothing is ever dropped.
 *
 * @example
 *   await ensureAuthTables(db, getAuthTables(options), new Set(['sys_user']))
 */
import type { BetterAuthDBSchema, DBFieldAttribute } from 'better-auth/db'
import type { Knex } from 'knex'
import type { Executor } from '../data/write/data-context.js'

export const authTablePrefix = 'objectos_auth_'

/** `objectos_auth_session` for better-auth's `session` model; `rateLimit` → `rate_limit`. */
export function authTableName(model: string): string {
  return `${authTablePrefix}${snakeCase(model)}`
}

/** `expiresAt` → `expires_at`: the engine names columns in snake case. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}

/** `{ expiresAt: 'expires_at', … }` for the named fields: better-auth's field-to-column map. */
export function columnsOf(fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, snakeCase(field)]))
}

export async function ensureAuthTables(
  db: Executor,
  schema: BetterAuthDBSchema,
  skip: ReadonlySet<string>,
): Promise<void> {
  for (const table of Object.values(schema)) {
    if (skip.has(table.modelName) || table.disableMigrations === true) continue
    const columns = Object.entries(table.fields).map(([name, field]) => ({
      name: field.fieldName ?? name,
      field,
    }))
    await ensureTable(db, table.modelName, 'id', columns)
  }
}

/**
 * The side table of the user model: one row per user (`user_id`), with the columns of the
 * fields better-auth plugins add to users that the user table does not have.
 */
export async function ensureUserStateTable(
  db: Executor,
  name: string,
  userModel: BetterAuthDBSchema[string] | undefined,
  present: ReadonlySet<string>,
): Promise<void> {
  const columns = Object.entries(userModel?.fields ?? {})
    .map(([field, attribute]) => ({ name: attribute.fieldName ?? field, field: attribute }))
    .filter((column) => !present.has(column.name))
  // Optional columns: a user without a row here has none of them set.
  const optional = columns.map((c) => ({ ...c, field: { ...c.field, required: false } }))
  if (optional.length > 0) await ensureTable(db, name, 'user_id', optional)
}

async function ensureTable(db: Executor, name: string, key: string, columns: readonly Column[]) {
  if (!(await db.knex.schema.hasTable(name))) {
    await createTable(db, name, key, columns)
    return
  }
  for (const { name: column, field } of columns) {
    if (await db.knex.schema.hasColumn(name, column)) continue
    // Added to a table with rows: nullable, whatever the schema says.
    await db.knex.schema.alterTable(name, (t) => {
      addColumn(t, db, column, field, false)
    })
  }
}

interface Column {
  readonly name: string
  readonly field: DBFieldAttribute
}

async function createTable(db: Executor, name: string, key: string, columns: readonly Column[]) {
  try {
    await db.knex.schema.createTable(name, (t) => {
      t.text(key).primary()
      for (const { name: column, field } of columns) {
        addColumn(t, db, column, field, field.required === true)
        if (field.unique === true) t.unique([column], { indexName: `${name}_${column}_unique` })
        else if (field.index === true) t.index([column], `${name}_${column}_idx`)
      }
    })
  } catch (error) {
    // Another process created it between the check and the create.
    if (!(await db.knex.schema.hasTable(name))) throw error
  }
}

function addColumn(
  t: Knex.CreateTableBuilder,
  db: Executor,
  name: string,
  field: DBFieldAttribute,
  required: boolean,
): void {
  const column = columnOf(t, db, name, field)
  if (required) column.notNullable()
}

function columnOf(t: Knex.CreateTableBuilder, db: Executor, name: string, field: DBFieldAttribute) {
  switch (field.type) {
    case 'number':
      return field.bigint === true ? t.bigInteger(name) : t.integer(name)
    case 'boolean':
      return t.boolean(name)
    case 'date':
      // As the engine stores datetimes: ISO text on SQLite, timestamptz on PostgreSQL.
      return t.specificType(name, db.dialect === 'postgres' ? 'timestamptz' : 'text')
    default:
      return t.text(name)
  }
}
