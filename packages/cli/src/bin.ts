#!/usr/bin/env node
/**
 * The `objectos` executable: runs the command line on the real process and turns a crash into a
 * one-line message and exit code 1 rather than a stack trace (set OBJECTOS_DEBUG=1 to see it).
 */
import { processIo } from './cli-io.js'
import { ExitCode } from './exit-code.js'
import { runCli } from './run-cli.js'

// `objectos validate | head` closes the pipe early; that is not a failure worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok)
  throw error
})

try {
  process.exitCode = await runCli(process.argv.slice(2), processIo())
} catch (error) {
  const detail = process.env.OBJECTOS_DEBUG && error instanceof Error ? error.stack : undefined
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`objectos: ${detail ?? message}\n`)
  process.exitCode = ExitCode.failure
}
