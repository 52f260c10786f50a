/**
 * The shape of one `objectos` command: its name, arguments and options (which drive both argument
 * parsing and `--help`), and the function that runs it. The command table lists these; the
 * dispatcher parses argv against them, so every command gets `--help`, usage errors and exit code
 * 2 the same way.
 */
import type { CliIo } from './cli-io.js'

/** A flag a command accepts. `--help`/`-h` is added to every command and needs no entry. */
export interface CommandOption {
  readonly type: 'string' | 'boolean'
  /** A one-letter alias, e.g. `f` for `-f`. */
  readonly short?: string
  /** The value placeholder shown in help for string options, e.g. `text|json`. */
  readonly valueName?: string
  /** The only values a string option accepts; any other value is a usage error. */
  readonly choices?: readonly string[]
  /** The value used when the flag is absent (string options only). */
  readonly default?: string
  readonly description: string
}

/** A positional argument. Only trailing arguments may be optional. */
export interface CommandArgument {
  readonly name: string
  readonly description: string
  readonly optional: boolean
}

/** What the dispatcher hands a command after parsing: flag values and positional arguments. */
export interface CommandInput {
  readonly options: Readonly<Record<string, string | boolean | undefined>>
  readonly positionals: readonly string[]
}

export interface Command {
  readonly name: string
  /** One line for the root help's command list. */
  readonly summary: string
  /** Paragraphs shown by `objectos <name> --help` under the usage line. */
  readonly description: string
  readonly arguments: readonly CommandArgument[]
  readonly options: Readonly<Record<string, CommandOption>>
  readonly examples: readonly string[]
  /** Runs the command and returns its exit code (see ExitCode). May throw a UsageError. */
  run(input: CommandInput, io: CliIo): Promise<number>
}
