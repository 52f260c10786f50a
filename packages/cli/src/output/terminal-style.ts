/**
 * ANSI colours for terminal output, used only when the stream is a TTY and NO_COLOR is not set
 * (https://no-color.org: any non-empty value turns colours off). Piped output and CI logs stay
 * plain, so they grep cleanly.
 */
import type { OutputStream } from '../cli-io.js'

export interface TerminalStyle {
  readonly red: (text: string) => string
  readonly yellow: (text: string) => string
  readonly green: (text: string) => string
  readonly dim: (text: string) => string
  readonly bold: (text: string) => string
}

const plain = (text: string): string => text
const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`

const plainStyle: TerminalStyle = {
  red: plain,
  yellow: plain,
  green: plain,
  dim: plain,
  bold: plain,
}
const colourStyle: TerminalStyle = {
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  green: sgr(32, 39),
  dim: sgr(2, 22),
  bold: sgr(1, 22),
}

/**
 * @example
 *   const style = terminalStyle(io.stdout, io.env)
 *   io.stdout.write(style.red('error'))
 */
export function terminalStyle(
  stream: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
): TerminalStyle {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== ''
  return stream.isTTY === true && !noColor ? colourStyle : plainStyle
}
