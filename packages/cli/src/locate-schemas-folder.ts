/**
 * Finds the repository's `schemas/` folder — where `objectos schemas` writes — through the
 * installed `@objectos/schemas` package: the workspace links it from node_modules, and Node
 * resolves the link to the real folder.
 */
import { createRequire } from 'node:module'
import { dirname } from 'node:path'

/**
 * @example
 *   locateSchemasFolder() // → '/home/me/objectos/schemas'
 */
export function locateSchemasFolder(): string {
  const require = createRequire(import.meta.url)
  return dirname(require.resolve('@objectos/schemas/package.json'))
}
