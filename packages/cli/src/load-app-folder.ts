/**
 * Reads an app folder into the SourceFile list the isomorphic validator takes: every `*.yaml` and
 * `*.yml` file below the folder, as raw bytes (so invalid UTF-8 reaches the validator and becomes
 * a diagnostic instead of being silently replaced), with paths relative to the folder and `/`
 * separators on every platform. Dependencies, build output and hidden files and folders (tool
 * configuration such as `.github/` or `.yamllint.yml`) are skipped.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { SourceFile } from '@objectos/metadata'

/** Folder names never walked into, besides any name that starts with a dot. */
const skippedFolders = new Set(['node_modules', 'dist'])

const yamlFile = /\.ya?ml$/i

/**
 * The metadata files of the app folder at `dir` (absolute, or relative to the process), sorted by
 * path so output is stable.
 *
 * @example
 *   const files = await loadAppFolder('examples/crm')
 *   // → [{ path: 'objects/account.object.yaml', content: Uint8Array }, …, { path: 'objectos.yaml', … }]
 */
export async function loadAppFolder(dir: string): Promise<SourceFile[]> {
  const paths: string[] = []
  await walk(dir, '', paths)
  paths.sort(comparePaths)
  return Promise.all(
    paths.map(async (path) => ({
      path,
      content: new Uint8Array(await readFile(join(dir, ...path.split('/')))),
    })),
  )
}

async function walk(root: string, prefix: string, out: string[]): Promise<void> {
  const entries = await readdir(prefix === '' ? root : join(root, prefix), { withFileTypes: true })
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    let isDirectory = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      // Follow links to files; links to folders are not walked, so a link cycle cannot loop.
      const target = await stat(join(root, path)).catch(() => undefined)
      isFile = target?.isFile() ?? false
      isDirectory = false
    }
    if (isDirectory) {
      if (skippedFolders.has(entry.name)) continue
      await walk(root, path, out)
    } else if (isFile && yamlFile.test(entry.name)) {
      out.push(path)
    }
  }
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
