/**
 * Parses a command's argv with `node:util` parseArgs against the command's declared options, and
 * turns every mistake into a UsageError with a short, human message (parseArgs' own messages are
 * long and mention internals).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Command, CommandInput } from './command.js'
import { UsageError } from './usage-error.js'

/** The parsed input, or `'help'` when `--help`/`-h` was given (it wins over any other mistake). */
export type ParsedCommandArgs = CommandInput | 'help'

/**
 * @example
 *   parseCommandArgs(validateCommand, ['examples/crm', '--format', 'json'])
 *   // → { options: { format: 'json' }, positionals: ['examples/crm'] }
 *   parseCommandArgs(validateCommand, ['--help']) // → 'help'
 */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedCommandArgs {
  if (argv.some((arg) => arg === '--help' || arg === '-h')) return 'help'
  const options: NonNullable<ParseArgsConfig['options']> = {}
  for (const [name, option] of Object.entries(command.options)) {
    options[name] = {
      type: option.type,
      ...(option.short === undefined ? {} : { short: option.short }),
      ...(option.default === undefined ? {} : { default: option.default }),
    }
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] }
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true })
  } catch (error) {
    throw new UsageError(describeParseError(command, error))
  }
  const values: Record<string, string | boolean | undefined> = {}
  for (const [name, option] of Object.entries(command.options)) {
    const value = parsed.values[name]
    if (typeof value !== 'string' && typeof value !== 'boolean') continue
    if (typeof value === 'string' && option.choices && !option.choices.includes(value)) {
      const allowed = option.choices.map((c) => `"${c}"`).join(' or ')
      throw new UsageError(`--${name} must be ${allowed}, not "${value}"`)
    }
    values[name] = value
  }
  if (parsed.positionals.length > command.arguments.length) {
    const extra = parsed.positionals[command.arguments.length]
    throw new UsageError(`unexpected argument "${extra ?? ''}"`)
  }
  const missing = command.arguments.find(
    (a, i) => !a.optional && parsed.positionals[i] === undefined,
  )
  if (missing) throw new UsageError(`missing argument <${missing.name}>`)
  return { options: values, positionals: parsed.positionals }
}

/** parseArgs errors carry a code; the option they concern is quoted in the message. */
function describeParseError(command: Command, error: unknown): string {
  const code = (error as { code?: unknown }).code
  const message = error instanceof Error ? error.message : String(error)
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? ''
  const flag = /--[\w-]+/.exec(quoted)?.[0] ?? quoted
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `unknown option "${quoted}" for "objectos ${command.name}"`
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message)
      ? `option "${flag}" needs a value`
      : `option "${flag}" takes no value`
  }
  return message
}
