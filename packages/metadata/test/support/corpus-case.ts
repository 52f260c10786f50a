/**
 * Reads one case of the broken-file corpus from disk: every file under the case folder becomes a
 * SourceFile (read as bytes, so encoding cases reach the validator untouched), and `expected.json`
 * says which diagnostics the validator must produce. The corpus is the proof that each mistake a
 * user can make in a metadata file gets exactly one precise diagnostic.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { SourceFile } from '../../src/parse/parsed-document.js'

/** The file a case folder uses to declare its expectation; never handed to the validator. */
export const expectationFileName = 'expected.json'

/** One diagnostic a case must produce. `hint` and `message` are substrings, when given. */
export interface ExpectedDiagnostic {
  readonly file: string
  readonly line: number
  readonly column: number
  readonly code: string
  readonly hint?: string
  readonly message?: string
}

export interface Expectation {
  /** What the case breaks, in one sentence, for whoever reads a failure. */
  readonly about: string
  /** Only in fixtures/pending: how the validator's output differs from the expectation. */
  readonly defect?: string
  /** Every diagnostic the case must produce, in the validator's order (file, line, column, code). */
  readonly diagnostics: readonly ExpectedDiagnostic[]
}

export interface CorpusCase {
  readonly name: string
  readonly files: readonly SourceFile[]
  /** Undefined when the folder has no expected.json (the corpus test fails on it). */
  readonly expectation?: Expectation
}

/**
 * The case folders under `root`, sorted by name.
 *
 * @example
 *   listCases('test/fixtures/corpus') // → ['bom-clean', 'bom-position', …]
 */
export function listCases(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/**
 * A case's files (paths relative to the case folder, `/`-separated, sorted) and its expectation.
 *
 * @example
 *   readCase('test/fixtures/corpus', 'schema-bad-enum-field-type').files.map((f) => f.path)
 *   // → ['objects/account.object.yaml', 'objectos.yaml']
 */
export function readCase(root: string, name: string): CorpusCase {
  const folder = join(root, name)
  const files = walk(folder, '')
    .filter((path) => path !== expectationFileName)
    .sort()
    .map((path) => ({ path, content: new Uint8Array(readFileSync(join(folder, path))) }))
  const expectationPath = join(folder, expectationFileName)
  const expectation = existsSync(expectationPath)
    ? (JSON.parse(readFileSync(expectationPath, 'utf8')) as Expectation)
    : undefined
  return { name, files, expectation }
}

function walk(folder: string, prefix: string): string[] {
  const paths: string[] = []
  for (const entry of readdirSync(join(folder, prefix))) {
    const path = prefix === '' ? entry : `${prefix}/${entry}`
    if (statSync(join(folder, path)).isDirectory()) paths.push(...walk(folder, path))
    else paths.push(path)
  }
  return paths
}
