/**
 * The exit codes of every `objectos` command — a contract CI scripts rely on (DESIGN.md §4).
 */
export const ExitCode = {
  /** The command did its work and found nothing wrong. */
  ok: 0,
  /** Validation found at least one error, `--check` found a difference, or the command failed. */
  failure: 1,
  /** The command line was wrong: unknown command or flag, bad value, missing folder. */
  usage: 2,
} as const

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]
