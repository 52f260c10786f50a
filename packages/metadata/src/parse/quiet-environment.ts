/**
 * Runs the `yaml` parser with `process.env` pointed at an empty object. The Node build of `yaml`
 * reads `process.env.LOG_TOKENS` for every token and `process.env.LOG_STREAM` for every CST node;
 * Node's environment object looks each read up in the real process environment, which made those
 * two reads about a third of the parse time. The swap lasts only for the synchronous call, so no
 * other code can observe it, and is skipped where there is no `process` (browsers, whose `yaml`
 * build does not read it).
 */

interface ProcessLike {
  env: unknown
}

/**
 * @example
 *   const tokens = withQuietEnvironment(() => [...new Parser().parse(text)])
 */
export function withQuietEnvironment<T>(run: () => T): T {
  const proc = (globalThis as { process?: ProcessLike }).process
  if (proc === undefined || proc === null) return run()
  const env = proc.env
  try {
    proc.env = {}
  } catch {
    // A host that does not let env be replaced just runs the parser as it is.
    return run()
  }
  try {
    return run()
  } finally {
    proc.env = env
  }
}
