/**
 * `objectos user create|assign [dir]`: provisions users without the UI. `create` makes a user
 * with a password (hashed exactly as sign-up hashes it), optionally an administrator and with
 * permission sets and positions; `assign` gives an existing user permission sets and positions. The app is opened as
 * `serve` opens it (DATABASE_URL, non-destructive migrations applied, a destructive plan
 * refused). Exit 0 done, 1 failed (user exists, no such user, metadata or database errors),
 * 2 usage error (unknown permission set, missing or bad option).
 */
import { ExitCode, UsageError, type CliIo, type Command, type CommandInput } from '@objectos/cli'
import { ObjectOSError } from '@objectos/errors'
import { minPasswordLength } from '../../identity/auth-options.js'
import { isEmailAddress } from '../../identity/create-identity.js'
import { permissionSetNames, positionNames } from '../../identity/user-provisioning.js'
import { compileUserApp, startUserApp } from './user-app.js'
import { runUserAssign, runUserCreate } from './user-actions.js'

export const userCommand: Command = {
  name: 'user',
  summary: 'Create users and give them permission sets (user create, user assign)',
  description: [
    'objectos user create --email E --password P [--name N] [--admin] [--permission-set NAME]',
    '                     [--position NAME]',
    '  Creates a user who can sign in with that email and password (at least',
    `  ${minPasswordLength} characters; OBJECTOS_USER_PASSWORD is read when --password is not`,
    '  given). --admin makes them an administrator; --permission-set gives them a set defined',
    '  by a *.permission.yaml file of the app, --position a position defined by a *.position.yaml',
    '  file (several of either: comma-separated).',
    '',
    'objectos user assign --email E [--permission-set NAME] [--position NAME]',
    '  Gives an existing user permission sets and positions; giving one again changes nothing.',
    '',
    'The database is DATABASE_URL, or the SQLite file .objectos/data.sqlite in the app folder;',
    'its tables are brought up to date first, as objectos serve does.',
    '',
    'Exit codes: 0 done, 1 failed (the user exists, no such user, metadata or database errors),',
    '2 usage error (an unknown permission set or position, a missing or bad option).',
  ].join('\n'),
  arguments: [
    { name: 'action', description: 'create or assign', optional: false },
    { name: 'dir', description: 'The app folder (default: .)', optional: true },
  ],
  options: {
    email: { type: 'string', valueName: 'EMAIL', description: 'The email the user signs in with' },
    password: {
      type: 'string',
      valueName: 'PASSWORD',
      description: `The password (at least ${minPasswordLength} characters); create only`,
    },
    name: { type: 'string', valueName: 'NAME', description: 'The display name; create only' },
    admin: { type: 'boolean', description: 'Make the user an administrator; create only' },
    'permission-set': {
      type: 'string',
      valueName: 'NAME[,NAME…]',
      description: 'A permission set of the app to give the user',
    },
    position: {
      type: 'string',
      valueName: 'NAME[,NAME…]',
      description: 'A position of the app for the user to hold',
    },
  },
  examples: [
    'objectos user create examples/crm --email ann@example.com --password "$PASSWORD" --admin',
    'objectos user create --email bob@example.com --permission-set sales_rep',
    'objectos user assign examples/crm --email bob@example.com --permission-set sales_manager',
    'objectos user assign --email bob@example.com --position sales_rep',
  ],
  run: runUser,
}

async function runUser(input: CommandInput, io: CliIo): Promise<number> {
  const [action] = input.positionals
  if (action !== 'create' && action !== 'assign') {
    throw new UsageError(`the action must be "create" or "assign", not "${action ?? ''}"`)
  }
  const email = stringOption(input, 'email')
  if (email === undefined) throw new UsageError('--email is required')
  if (!isEmailAddress(email)) throw new UsageError(`"${email}" is not an email address`)
  const sets = listOption(input, 'permission-set')
  const positions = listOption(input, 'position')
  let password: string | undefined
  if (action === 'create') {
    password = stringOption(input, 'password') ?? io.env.OBJECTOS_USER_PASSWORD
    if (password === undefined || password === '') throw new UsageError('--password is required')
    if (password.length < minPasswordLength) {
      throw new UsageError(`the password must have at least ${minPasswordLength} characters`)
    }
  } else {
    if (sets.length + positions.length === 0) {
      throw new UsageError('name a --permission-set or a --position to assign')
    }
    for (const flag of ['password', 'name', 'admin'] as const) {
      if (input.options[flag] !== undefined) throw new UsageError(`--${flag} is for user create`)
    }
  }

  const compiled = await compileUserApp(input.positionals[1] ?? '.', io, action)
  if (!compiled.ok) return compiled.exitCode
  // Checked before the database is touched: a typo changes nothing.
  const defined = permissionSetNames(compiled.registry)
  const unknown = sets.filter((name) => !defined.has(name))
  if (unknown.length > 0) {
    const known = [...defined].sort().join(', ') || 'none'
    const names = unknown.map((n) => `"${n}"`).join(', ')
    throw new UsageError(`unknown permission set ${names} (the app defines: ${known})`)
  }
  const definedPositions = positionNames(compiled.registry)
  const unknownPositions = positions.filter((name) => !definedPositions.has(name))
  if (unknownPositions.length > 0) {
    const known = [...definedPositions].sort().join(', ') || 'none'
    const names = unknownPositions.map((n) => `"${n}"`).join(', ')
    throw new UsageError(`unknown position ${names} (the app defines: ${known})`)
  }
  const app = await startUserApp(compiled, io, action)
  if (app === undefined) return ExitCode.failure
  try {
    return action === 'create'
      ? await runUserCreate(app, io, {
          email,
          password: password ?? '',
          name: stringOption(input, 'name'),
          admin: input.options.admin === true,
          sets,
          positions,
        })
      : await runUserAssign(app, io, { email, sets, positions })
  } catch (error) {
    if (!(error instanceof ObjectOSError)) throw error
    io.stderr.write(`objectos user ${action}: ${error.message}\n`)
    return ExitCode.failure
  } finally {
    await app.close()
  }
}

/** A comma-separated list option, trimmed, without empty names. */
function listOption(input: CommandInput, name: string): string[] {
  return (stringOption(input, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

function stringOption(input: CommandInput, name: string): string | undefined {
  const value = input.options[name]
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}
