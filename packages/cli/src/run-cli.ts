/**
 * The root of the `objectos` command line: picks the command named by the first argument, parses
 * the rest against that command's options, runs it and returns its exit code. Root flags
 * (`--help`, `--version`) and `objectos help <command>` are handled here; every usage mistake ends
 * as one stderr message and exit code 2.
 */
import type { CliIo } from './cli-io.js'
import { cliVersion } from './cli-version.js'
import type { Command } from './command.js'
import { commandTable } from './command-table.js'
import { ExitCode } from './exit-code.js'
import { renderCommandHelp, renderRootHelp } from './help-text.js'
import { parseCommandArgs } from './parse-command-args.js'
import { UsageError } from './usage-error.js'

/**
 * Runs `objectos` with the given arguments (without the node and script paths).
 *
 * @example
 *   const code = await runCli(['validate', 'examples/crm', '--format', 'json'], processIo())
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = commandTable,
): Promise<number> {
  const [first, ...rest] = argv
  const rootHelp = (): string => renderRootHelp(commands, cliVersion())
  if (first === '--help' || first === '-h') return print(io.stdout, rootHelp(), ExitCode.ok)
  if (first === '--version') return print(io.stdout, `${cliVersion()}\n`, ExitCode.ok)
  if (first === undefined) return print(io.stderr, rootHelp(), ExitCode.usage)
  if (first === 'help') return helpCommand(rest, io, commands, rootHelp)
  const command = commands.find((c) => c.name === first)
  if (command === undefined) {
    const what = first.startsWith('-') ? 'option' : 'command'
    const names = commands.map((c) => c.name).join(', ')
    return usageError(io, 'objectos', `unknown ${what} "${first}" (commands: ${names})`)
  }
  try {
    const parsed = parseCommandArgs(command, rest)
    if (parsed === 'help') return print(io.stdout, renderCommandHelp(command), ExitCode.ok)
    return await command.run(parsed, io)
  } catch (error) {
    if (error instanceof UsageError) {
      return usageError(io, `objectos ${command.name}`, error.message)
    }
    throw error
  }
}

/** `objectos help [command]`, the same text as `--help`. */
function helpCommand(
  rest: readonly string[],
  io: CliIo,
  commands: readonly Command[],
  rootHelp: () => string,
): number {
  const [name, extra] = rest
  if (name === undefined) return print(io.stdout, rootHelp(), ExitCode.ok)
  const command = commands.find((c) => c.name === name)
  if (command === undefined || extra !== undefined) {
    return usageError(io, 'objectos help', `unknown command "${[name, extra].join(' ').trim()}"`)
  }
  return print(io.stdout, renderCommandHelp(command), ExitCode.ok)
}

function usageError(io: CliIo, prefix: string, message: string): number {
  io.stderr.write(`${prefix}: ${message}\nRun "${prefix} --help" for usage.\n`)
  return ExitCode.usage
}

function print(stream: CliIo['stdout'], text: string, code: number): number {
  stream.write(text)
  return code
}
