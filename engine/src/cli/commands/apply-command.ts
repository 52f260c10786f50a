/**
 * `objectos apply [dir] [--allow-destructive]`: plans like `objectos plan`, prints the plan, and
 * runs it in one transaction, recorded in the database's migration history. Destructive steps
 * (dropping a table or column, type changes that would set values to NULL) are refused unless
 * `--allow-destructive` is given; then nothing at all is changed. Applying again finds nothing to
 * do. Exit 0 applied (or nothing to do), 1 refused or failed (the database is left unchanged),
 * 2 usage error.
 */
import { ExitCode, type CliIo, type Command, type CommandInput } from '@objectos/cli'
import { ObjectOSError } from '@objectos/errors'
import { applyPlan } from '../../migrate/apply-plan.js'
import { destructiveSteps, planMigration } from '../../migrate/plan-migration.js'
import { renderPlan } from '../../migrate/render-plan.js'
import { databaseLine, openAppDatabase, suggestCommand } from './open-app-database.js'
import { count } from './plan-command.js'

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Change the database to match the metadata (the plan, in one transaction)',
  description: [
    'Computes the same plan as "objectos plan", prints it and runs it in one transaction: when',
    'a step fails, nothing is changed. The applied plan is recorded in the objectos_migrations',
    'table; running apply again finds nothing to do.',
    '',
    'Destructive steps (drop table, drop column, a type change that would set values to NULL)',
    'are refused unless --allow-destructive is given. Only tables ObjectOS created are ever',
    'dropped.',
    '',
    'Exit codes: 0 applied or nothing to do, 1 refused, failed or metadata errors, 2 usage error.',
  ].join('\n'),
  arguments: [{ name: 'dir', description: 'The app folder (default: .)', optional: true }],
  options: {
    'allow-destructive': {
      type: 'boolean',
      description: 'Also run steps that delete data (drops, type changes losing values)',
    },
  },
  examples: ['objectos apply examples/crm', 'objectos apply examples/crm --allow-destructive'],
  run: runApply,
}

async function runApply(input: CommandInput, io: CliIo): Promise<number> {
  const allowDestructive = input.options['allow-destructive'] === true
  const app = await openAppDatabase('apply', input, io)
  if (!app.ok) return app.exitCode
  try {
    const plan = await planMigration(app.db, app.registry)
    io.stdout.write(databaseLine(app.db, io.cwd))
    io.stdout.write(renderPlan(plan))
    if (plan.steps.length === 0) return ExitCode.ok
    const destructive = destructiveSteps(plan).length
    if (destructive > 0 && !allowDestructive) {
      const retry = suggestCommand('apply', app.dirArgument, '--allow-destructive')
      io.stderr.write(
        `objectos apply: refused: ${count(destructive, 'step')} above would delete data ` +
          `(marked [destructive]); nothing was changed. Review the plan, then run "${retry}".\n`,
      )
      return ExitCode.failure
    }
    await applyPlan(app.db, plan, { allowDestructive })
    io.stdout.write(`✔ Applied ${count(plan.steps.length, 'change')}.\n`)
    return ExitCode.ok
  } catch (error) {
    if (!(error instanceof ObjectOSError)) throw error
    // Planning changes nothing and applying is one transaction: a failure leaves no trace.
    io.stderr.write(`objectos apply: ${error.message}\nNothing was changed.\n`)
    return ExitCode.failure
  } finally {
    await app.db.close()
  }
}
