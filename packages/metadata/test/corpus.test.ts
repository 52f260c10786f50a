/**
 * The broken-file corpus: each folder under fixtures/corpus is a tiny app with one mistake, and
 * its expected.json lists the exact diagnostics (code, file, line, column) the validator must
 * give for it — no fewer, and no extra ones cascading from the first. See test/README.md.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { validateFiles } from '../src/project/validate-files.js'
import type { Diagnostic } from '../src/diagnostics/diagnostic.js'
import { listCases, readCase, type ExpectedDiagnostic } from './support/corpus-case.js'
import { generatedFiles } from './support/generated-files.js'

const root = fileURLToPath(new URL('./fixtures/corpus', import.meta.url))
const names = listCases(root)
const cases = names.map((name) => readCase(root, name))

/** `file:line:column CODE`, the way a user scans a diagnostic. */
const position = (d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'code'>) =>
  `${d.file}:${d.line}:${d.column} ${d.code}`

describe('the corpus', () => {
  it('holds at least 40 broken cases, each with an expectation', () => {
    const broken = cases.filter((c) => (c.expectation?.diagnostics.length ?? 0) > 0)
    expect(broken.length).toBeGreaterThanOrEqual(40)
    expect(cases.filter((c) => c.expectation === undefined).map((c) => c.name)).toEqual([])
  })

  it('holds a clean control case that gives no diagnostics', () => {
    expect(cases.find((c) => c.name === 'clean-control')?.expectation?.diagnostics).toEqual([])
  })

  it('generates files only for cases that exist', () => {
    expect(Object.keys(generatedFiles).filter((name) => !names.includes(name))).toEqual([])
  })
})

describe.each(cases)('corpus case $name', ({ name, files, expectation }) => {
  const all = [...files, ...(generatedFiles[name] ?? [])].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  )
  const expected: readonly ExpectedDiagnostic[] = expectation?.diagnostics ?? []

  it(`gives exactly the expected diagnostics: ${expectation?.about ?? '(no expected.json)'}`, () => {
    const { diagnostics } = validateFiles(all)
    expect(diagnostics.map(position)).toEqual(expected.map(position))
    expected.forEach((want, i) => {
      const got = diagnostics[i] as Diagnostic
      if (want.hint !== undefined) expect(got.hint ?? '').toContain(want.hint)
      if (want.message !== undefined) expect(got.message).toContain(want.message)
    })
  })
})
