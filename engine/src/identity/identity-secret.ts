/**
 * The secret that signs session cookies and tokens. `OBJECTOS_SECRET` when it is set (at least
 * 32 characters); otherwise one random secret per database, made by the first process that starts
 * and kept in the engine table `objectos_settings`, so every process on the same database signs
 * and verifies alike. There is no default secret anywhere.
 *
 * @example
 *   const secret = await resolveSecret(db, process.env) // the same value in every process
 */
import { randomBytes } from 'node:crypto'
import { WeakSecret } from '@objectos/errors'
import type { Executor } from '../data/write/data-context.js'

export const settingsTable = 'objectos_settings'

/** The settings row that holds the generated secret. */
export const secretSetting = 'auth.secret'

const minimumLength = 32

export async function ensureSettingsTable(db: Executor): Promise<void> {
  if (await db.knex.schema.hasTable(settingsTable)) return
  try {
    await db.knex.schema.createTable(settingsTable, (table) => {
      table.text('key').primary()
      table.text('value').notNullable()
      table.text('created_at').notNullable()
    })
  } catch (error) {
    // Another process created it between the check and the create.
    if (!(await db.knex.schema.hasTable(settingsTable))) throw error
  }
}

export async function resolveSecret(
  db: Executor,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string> {
  const configured = env.OBJECTOS_SECRET
  if (configured !== undefined && configured !== '') {
    if (configured.length < minimumLength) throw WeakSecret.create()
    return configured
  }
  await ensureSettingsTable(db)
  const stored = await readSetting(db, secretSetting)
  if (stored !== undefined) return stored
  // Two processes may start at once: the first insert wins and both read it back.
  await db
    .knex(settingsTable)
    .insert({
      key: secretSetting,
      value: randomBytes(48).toString('base64url'),
      created_at: new Date().toISOString(),
    })
    .onConflict('key')
    .ignore()
  const secret = await readSetting(db, secretSetting)
  if (secret === undefined)
    throw new Error(`could not store the generated secret in ${settingsTable}`)
  return secret
}

async function readSetting(db: Executor, key: string): Promise<string | undefined> {
  const row = (await db.knex(settingsTable).where({ key }).first('value')) as
    { value: string } | undefined
  return row?.value
}
