/**
 * What goes with a user: the auth tables have no foreign keys to `sys_user` (SQLite does not
 * enforce them here, and migrations may rebuild that table), so the identity plugin removes what a
 * deleted user had — sessions, passwords, API keys, two-factor secrets, memberships of
 * organizations — itself, in the delete's own transaction, and ends every session of a user who
 * is made inactive.
 *
 * @example
 *   hooks.on('afterDelete', ({ object, record, trx }) => forgetUser(trx, String(record.id)))
 */
import type { Executor } from '../data/write/data-context.js'
import { apiKeyModel } from './api-key-plugin.js'
import { userStateTable } from './auth-options.js'
import { authTableName } from './auth-tables.js'
import { memberTable } from './organizations.js'

export async function endSessions(trx: Executor, userId: string): Promise<void> {
  await trx.knex(authTableName('session')).where({ user_id: userId }).delete()
}

export async function forgetUser(trx: Executor, userId: string): Promise<void> {
  await endSessions(trx, userId)
  await trx.knex(authTableName('account')).where({ user_id: userId }).delete()
  await trx.knex(authTableName(apiKeyModel)).where({ user_id: userId }).delete()
  await trx.knex(authTableName('twoFactor')).where({ user_id: userId }).delete()
  await trx.knex(memberTable).where({ user_id: userId }).delete()
  if (await trx.knex.schema.hasTable(userStateTable)) {
    await trx.knex(userStateTable).where({ user_id: userId }).delete()
  }
}
