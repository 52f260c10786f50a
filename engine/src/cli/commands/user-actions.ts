/**
 * What `objectos user create` and `objectos user assign` do once the app is open: create the user
 * through the identity layer, then make them an administrator and give them permission sets
 * through the record service (validation, versions and hooks apply); or find a user by email and
 * give them sets and positions. Each prints one line per thing done.
 */
import { ExitCode, type CliIo } from '@objectos/cli'
import type { App } from '../../boot/open-app.js'
import type { Identity } from '../../identity/create-identity.js'
import { assignPermissionSet, assignPosition } from '../../identity/user-provisioning.js'

const cli = { door: 'cli' } as const

export interface CreateInput {
  readonly email: string
  readonly password: string
  readonly name: string | undefined
  readonly admin: boolean
  readonly sets: readonly string[]
  readonly positions: readonly string[]
}

export async function runUserCreate(app: App, io: CliIo, input: CreateInput): Promise<number> {
  const identity = app.kernel.services.get<Identity>('identity')
  const user = await identity.createUser(input)
  // The operator vouches for the address: sharing rules by email and provider sign-in linking
  // treat it as verified. One update, so the trail shows one change of the account.
  await app.records.update(
    'sys_user',
    user.id,
    { email_verified: true, ...(input.admin ? { is_admin: true } : {}) },
    {},
    cli,
  )
  io.stdout.write(`✔ Created user ${user.email} (${user.name}, id ${user.id})\n`)
  if (input.admin) io.stdout.write('  administrator\n')
  for (const set of input.sets) {
    await assignPermissionSet(app.records, user.id, set, cli)
    io.stdout.write(`  permission set ${set}\n`)
  }
  for (const position of input.positions) {
    await assignPosition(app.records, user.id, position, cli)
    io.stdout.write(`  position ${position}\n`)
  }
  return ExitCode.ok
}

export async function runUserAssign(
  app: App,
  io: CliIo,
  input: {
    readonly email: string
    readonly sets: readonly string[]
    readonly positions: readonly string[]
  },
): Promise<number> {
  const identity = app.kernel.services.get<Identity>('identity')
  const user = await identity.findUserByEmail(input.email)
  if (user === undefined) {
    io.stderr.write(`objectos user assign: there is no user with the email ${input.email}\n`)
    return ExitCode.failure
  }
  for (const set of input.sets) {
    const made = await assignPermissionSet(app.records, user.id, set, cli)
    io.stdout.write(
      made
        ? `✔ ${user.email} now has the permission set ${set}\n`
        : `${user.email} already has the permission set ${set}; nothing changed\n`,
    )
  }
  for (const position of input.positions) {
    const made = await assignPosition(app.records, user.id, position, cli)
    io.stdout.write(
      made
        ? `✔ ${user.email} now holds the position ${position}\n`
        : `${user.email} already holds the position ${position}; nothing changed\n`,
    )
  }
  return ExitCode.ok
}
