/**
 * Files of corpus cases that are awkward to commit: built in memory and added to the case's files
 * by the corpus test. Each entry belongs to a case folder that holds the rest of the case and its
 * expected.json.
 */
import type { SourceFile } from '../../src/parse/parsed-document.js'

/** One byte over the 1 MiB limit of a metadata file. */
const oversizedBytes = 1024 * 1024 + 1

/**
 * A valid-looking object file of exactly `bytes` bytes: a short header and a long description.
 *
 * @example
 *   paddedObjectFile('objects/a.object.yaml', 100).content.byteLength // → 100
 */
export function paddedObjectFile(path: string, bytes: number): SourceFile {
  const head = 'name: account\nlabel: Account\ndescription: '
  const text = `${head}${'x'.repeat(bytes - head.length - 1)}\n`
  return { path, content: new TextEncoder().encode(text) }
}

/** Generated files by case name. */
export const generatedFiles: Readonly<Record<string, readonly SourceFile[]>> = {
  'file-too-large': [paddedObjectFile('objects/account.object.yaml', oversizedBytes)],
}
