/**
 * The body of an `objectos` executable: runs the command line on the real process and turns a
 * crash into a one-line message and exit code 1 rather than a stack trace (set OBJECTOS_DEBUG=1
 * to see it). The installed binary (in @objectos/engine, which adds the commands that need a
 * database) calls it with its command table.
 *
 * @example
 *   await runBin([...commandTable, planCommand])
 */
import { processIo } from './cli-io.js'
import type { Command } from './command.js'
import { commandTable } from './command-table.js'
import { ExitCode } from './exit-code.js'
import { runCli } from './run-cli.js'

export async function runBin(commands: readonly Command[] = commandTable): Promise<void> {
  // `objectos validate | head` closes the pipe early; that is not a failure worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok)
    throw error
  })
  try {
    process.exitCode = await runCli(process.argv.slice(2), processIo(), commands)
  } catch (error) {
    const detail = process.env.OBJECTOS_DEBUG && error instanceof Error ? error.stack : undefined
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`objectos: ${detail ?? message}\n`)
    process.exitCode = ExitCode.failure
  }
}
