/**
 * `objectos plan [dir]`: compares the app's metadata with its database and prints what
 * `objectos apply` would change, one line per step, destructive steps marked. It changes
 * nothing. Exit 0 with a plan (even a destructive one), 1 when the metadata has errors or the
 * database cannot be read, 2 on usage errors.
 */
import { ExitCode, type CliIo, type Command, type CommandInput } from '@objectos/cli'
import { ObjectOSError } from '@objectos/errors'
import { destructiveSteps, planMigration } from '../../migrate/plan-migration.js'
import { renderPlan } from '../../migrate/render-plan.js'
import { databaseLine, openAppDatabase, suggestCommand } from './open-app-database.js'

export const planCommand: Command = {
  name: 'plan',
  summary: 'Show what apply would change in the database to match the metadata',
  description: [
    'Reads the app folder, compares its objects with the tables of its database and prints one',
    'line per change, in the order apply runs them:',
    '',
    '  + create table, add column, add index      > rename table or column (data kept)',
    '  ~ change a column type (rows that would not convert are counted)',
    '  - drop index, drop column, drop table (drops of data are marked [destructive])',
    '  = recompute a stored formula or summary field whose definition changed',
    '',
    'The database is DATABASE_URL (postgres://…), or the SQLite file .objectos/data.sqlite in',
    'the app folder. Nothing is changed.',
    '',
    'Exit codes: 0 plan printed, 1 metadata errors or database failure, 2 usage error.',
  ].join('\n'),
  arguments: [{ name: 'dir', description: 'The app folder (default: .)', optional: true }],
  options: {},
  examples: [
    'objectos plan examples/crm',
    'DATABASE_URL=postgres://postgres@localhost:5432/crm objectos plan examples/crm',
  ],
  run: runPlan,
}

async function runPlan(input: CommandInput, io: CliIo): Promise<number> {
  const app = await openAppDatabase('plan', input, io)
  if (!app.ok) return app.exitCode
  try {
    const plan = await planMigration(app.db, app.registry)
    io.stdout.write(databaseLine(app.db, io.cwd))
    io.stdout.write(renderPlan(plan))
    if (plan.steps.length > 0) {
      const destructive = destructiveSteps(plan).length
      const flags = destructive > 0 ? '--allow-destructive' : ''
      io.stdout.write(
        `${count(plan.steps.length, 'change')}, ${destructive} destructive. ` +
          `Run "${suggestCommand('apply', app.dirArgument, flags)}" to apply.\n`,
      )
    }
    return ExitCode.ok
  } catch (error) {
    if (!(error instanceof ObjectOSError)) throw error
    io.stderr.write(`objectos plan: ${error.message}\n`)
    return ExitCode.failure
  } finally {
    await app.db.close()
  }
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
