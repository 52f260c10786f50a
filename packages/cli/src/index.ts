/**
 * @objectos/cli — the `objectos` command line as a library: run it in-process with your own
 * streams (tests, tools that embed it), or reuse the folder loader.
 *
 * @example
 *   import { runCli, processIo } from '@objectos/cli'
 *   process.exitCode = await runCli(['validate', 'examples/crm'], processIo())
 */
export { runCli } from './run-cli.js'
export { processIo, type CliIo, type OutputStream } from './cli-io.js'
export { ExitCode } from './exit-code.js'
export { UsageError } from './usage-error.js'
export type { Command, CommandInput, CommandOption, CommandArgument } from './command.js'
export { commandTable } from './command-table.js'
export { loadAppFolder } from './load-app-folder.js'
export { validateCommand } from './commands/validate-command.js'
export { schemasCommand, createSchemasCommand } from './commands/schemas-command.js'
export { runBin } from './run-bin.js'
export { displayPath } from './commands/validate-command.js'
