/**
 * Every `objectos` command, in the order `objectos --help` lists them. A new command is one file in
 * commands/ and one line here.
 */
import type { Command } from './command.js'
import { schemasCommand } from './commands/schemas-command.js'
import { validateCommand } from './commands/validate-command.js'

export const commandTable: readonly Command[] = [validateCommand, schemasCommand]
