/**
 * The first administrator of a container, from the environment: when `OBJECTOS_ADMIN_EMAIL` and
 * `OBJECTOS_ADMIN_PASSWORD` are set and the app has no administrator, one is created at start
 * (name from `OBJECTOS_ADMIN_NAME`, else the email's local part). Once any administrator exists
 * the variables change nothing, and an existing non-admin account with that email is never
 * promoted (someone else may have registered it). The password is never logged.
 *
 * @example
 *   await bootstrapAdmin(identity, records, { env: process.env, log: console.error })
 */
import { AuthUnprocessable } from '@objectos/errors'
import type { RecordService } from '../data/record-service.js'
import type { Identity } from './create-identity.js'
import { userObject } from './user-defaults.js'
import { makeAdmin } from './user-provisioning.js'

export interface BootstrapOptions {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly log: (line: string) => void
}

export async function bootstrapAdmin(
  identity: Identity,
  records: RecordService,
  { env, log }: BootstrapOptions,
): Promise<void> {
  const email = env.OBJECTOS_ADMIN_EMAIL?.trim() ?? ''
  const password = env.OBJECTOS_ADMIN_PASSWORD ?? ''
  if (email === '' && password === '') return
  if (email === '' || password === '') {
    log('OBJECTOS_ADMIN_EMAIL and OBJECTOS_ADMIN_PASSWORD must be set together; no admin created')
    return
  }
  const admins = await records.find(userObject, { filter: { is_admin: true }, limit: 1 })
  if (admins.records.length > 0) return
  const existing = await identity.findUserByEmail(email)
  if (existing !== undefined) {
    log(`a user ${existing.email} exists but is not an administrator; OBJECTOS_ADMIN_EMAIL ignored`)
    return
  }
  try {
    const user = await identity.createUser({
      email,
      password,
      name: env.OBJECTOS_ADMIN_NAME?.trim() || undefined,
    })
    await makeAdmin(records, user.id, { door: 'system' })
    log(`created the administrator ${user.email} (from OBJECTOS_ADMIN_EMAIL)`)
  } catch (error) {
    // Another process on the same database made it first.
    if (AuthUnprocessable.is(error)) return
    throw error
  }
}
