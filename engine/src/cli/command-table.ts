/**
 * Every `objectos` command, in the order `objectos --help` lists them: the metadata commands of
 * @objectos/cli, then those that run the engine. A new command is one file in commands/ and one
 * line here.
 */
import { commandTable, type Command } from '@objectos/cli'
import { applyCommand } from './commands/apply-command.js'
import { planCommand } from './commands/plan-command.js'
import { devCommand, serveCommand } from './commands/serve-command.js'
import { userCommand } from './commands/user-command.js'

export const engineCommandTable: readonly Command[] = [
  ...commandTable,
  planCommand,
  applyCommand,
  serveCommand,
  devCommand,
  userCommand,
]
