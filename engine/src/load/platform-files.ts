/**
 * The platform's own metadata (the repository's `metadata/` folder: `sys_user`, permission
 * assignments, …), compiled into every app next to its own files. Read once per process; the
 * paths keep the `metadata/` prefix, so a diagnostic says which side a file came from.
 *
 * @example
 *   compileFiles([...appFiles, ...platformFiles()])
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { SourceFile } from '@objectos/metadata'

/** `engine/src/load` and `engine/dist/load` both sit three levels below the repository root. */
const root = fileURLToPath(new URL('../../../metadata/', import.meta.url))

let cached: readonly SourceFile[] | undefined

export function platformFiles(): readonly SourceFile[] {
  cached ??= Object.freeze(
    ['objects', 'permissions'].flatMap((folder) =>
      readdirSync(`${root}${folder}`)
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => ({
          path: `metadata/${folder}/${name}`,
          content: readFileSync(`${root}${folder}/${name}`, 'utf8'),
        })),
    ),
  )
  return cached
}
