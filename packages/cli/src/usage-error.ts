/**
 * A mistake on the command line. Thrown by argument parsing and by commands that check their
 * arguments; the dispatcher prints it on stderr with a pointer to `--help` and exits with 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
