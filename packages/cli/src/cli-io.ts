/**
 * Everything a command touches outside itself: the two output streams, the working directory and
 * the environment. Commands take it as an argument, so tests run them in-process with captured
 * output instead of spawning the binary.
 */

/** The part of a writable stream a command needs. `process.stdout` fits, and so does a fake. */
export interface OutputStream {
  write(chunk: string): unknown
  /** True when the stream is a terminal; colours are only used then. */
  readonly isTTY?: boolean
}

export interface CliIo {
  readonly stdout: OutputStream
  readonly stderr: OutputStream
  /** Absolute path that relative arguments and printed paths are resolved against. */
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * The real process's streams, directory and environment.
 *
 * @example
 *   process.exitCode = await runCli(process.argv.slice(2), processIo())
 */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  }
}
