/**
 * Checks on the app folder as a whole, before any single file is judged: it holds metadata at
 * all, and it has the `objectos.yaml` manifest at its root that names the app and marks the
 * folder as one. Without the manifest `objectos validate` would happily pass a folder that
 * `serve` cannot run — or a parent folder holding several apps. The file list is the one
 * `validateFiles` receives: paths relative to the app folder.
 */
import { manifestFileName } from '@objectos/schemas'
import type { Diagnostic } from '../../diagnostics/diagnostic.js'
import { report } from '../../diagnostics/report.js'
import type { SourceFile } from '../../parse/parsed-document.js'

/** Where app-level diagnostics point: the manifest, at its first character. */
const manifestStart = { file: manifestFileName, line: 1, column: 1, path: [] }

/**
 * @example
 *   checkAppFiles([])                                         // → [OOS_APP_EMPTY]
 *   checkAppFiles([{ path: 'objects/a.object.yaml', content }]) // → [OOS_APP_NO_MANIFEST]
 *   checkAppFiles([{ path: 'objectos.yaml', content }])       // → []
 */
export function checkAppFiles(files: readonly Pick<SourceFile, 'path'>[]): Diagnostic[] {
  if (files.length === 0) {
    return [
      report(
        'OOS_APP_EMPTY',
        { ...manifestStart, file: '.' },
        [],
        `an app folder holds ${manifestFileName} and metadata files such as objects/account.object.yaml`,
      ),
    ]
  }
  const paths = files.map((f) => f.path)
  if (paths.includes(manifestFileName)) return []
  return [report('OOS_APP_NO_MANIFEST', manifestStart, [], manifestHint(paths))]
}

/** Points at a misplaced or misspelt manifest when there is one, else says what to create. */
function manifestHint(paths: readonly string[]): string {
  const nested = paths.find((p) => p.endsWith(`/${manifestFileName}`))
  if (nested !== undefined) {
    const folder = nested.slice(0, -manifestFileName.length - 1)
    return `found ${nested}: validate the app folder "${folder}" instead, or move the manifest to the root`
  }
  const misspelt = paths.find((p) => /^objectos\.yml$/i.test(p) || /^objectos\.yaml$/i.test(p))
  if (misspelt !== undefined) return `rename ${misspelt} to ${manifestFileName}`
  return `create ${manifestFileName} at the root of the app folder with at least "name: my_app"`
}
