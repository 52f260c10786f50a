/**
 * The version `objectos --version` prints: the `version` of this package's package.json, read at
 * run time (src/ and dist/ both sit one level below the package root).
 */
import { readFileSync } from 'node:fs'

let cached: string | undefined

/**
 * @example
 *   cliVersion() // → '0.1.0'
 */
export function cliVersion(): string {
  if (cached === undefined) {
    const manifest: unknown = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    )
    const version = (manifest as { version?: unknown }).version
    cached = typeof version === 'string' ? version : '0.0.0'
  }
  return cached
}
