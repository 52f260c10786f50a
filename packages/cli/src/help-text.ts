/**
 * The text of `objectos --help` and `objectos <command> --help`, rendered from the command table so
 * help can never disagree with what the parser accepts.
 */
import type { Command } from './command.js'

/**
 * @example
 *   io.stdout.write(renderRootHelp(commandTable, '0.1.0'))
 */
export function renderRootHelp(commands: readonly Command[], version: string): string {
  return [
    `objectos ${version} — validate and run ObjectOS metadata apps`,
    '',
    'Usage: objectos <command> [options]',
    '',
    'Commands:',
    ...table(commands.map((c) => [c.name, c.summary])),
    '',
    'Options:',
    ...table([
      ['-h, --help', 'Show this help'],
      ['    --version', 'Print the version'],
    ]),
    '',
    'Run "objectos <command> --help" for the options of a command.',
    '',
  ].join('\n')
}

/**
 * @example
 *   io.stdout.write(renderCommandHelp(validateCommand))
 */
export function renderCommandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, option]): [string, string] => {
    // Long-only flags are indented so they line up with the long half of `-h, --help`.
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}`
    const value = option.type === 'string' ? ` <${option.valueName ?? 'value'}>` : ''
    const fallback = option.default === undefined ? '' : ` (default: ${option.default})`
    return [flag + value, option.description + fallback]
  })
  const lines = [`Usage: ${usageLine(command)}`, '', command.description, '']
  if (command.arguments.length > 0) {
    lines.push('Arguments:', ...table(command.arguments.map((a) => [a.name, a.description])), '')
  }
  lines.push('Options:', ...table([...options, ['-h, --help', 'Show this help']]), '')
  if (command.examples.length > 0) {
    lines.push('Examples:', ...command.examples.map((e) => `  ${e}`), '')
  }
  return lines.join('\n')
}

/** `objectos validate [dir] [options]` */
export function usageLine(command: Command): string {
  const args = command.arguments.map((a) => (a.optional ? `[${a.name}]` : `<${a.name}>`))
  return ['objectos', command.name, ...args, '[options]'].join(' ')
}

/** Two aligned columns, indented by two spaces. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length))
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`)
}
