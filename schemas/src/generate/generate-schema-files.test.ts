/**
 * The committed files in schemas/ are exactly what the generator produces today, so a spec
 * upgrade or a generator change cannot slip in without regenerating.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { specVersion } from '@objectos/schemas'
import {
  generateSchemaFiles,
  generatedFromSpecVersion,
  writeSchemaFiles,
} from '@objectos/schemas/generate'

const schemasDir = new URL('../../', import.meta.url)
const generated = generateSchemaFiles()

describe('generateSchemaFiles', () => {
  it.each(generated.map((f) => [f.file, f.content] as const))(
    'matches the committed %s',
    (file, content) => {
      const committed = readFileSync(new URL(file, schemasDir), 'utf8')
      expect(
        committed === content,
        `schemas/${file} is out of date: run \`npm run schemas\` and commit the result`,
      ).toBe(true)
    },
  )

  it('leaves no stale schema file behind', () => {
    const onDisk = readdirSync(schemasDir).filter((name) => name.endsWith('.json'))
    const expected = [...generated.map((f) => f.file), 'package.json', 'tsconfig.json']
    expect(
      onDisk.filter((name) => !expected.includes(name)),
      'schema files no kind generates: delete them or run `npm run schemas`',
    ).toEqual([])
  })

  it('is deterministic', () => {
    expect(generateSchemaFiles()).toEqual(generated)
  })

  it('writes every file into the folder it is given', () => {
    const written = new Map<string, string>()
    const names = writeSchemaFiles('out', {
      writeFileSync: (path, content) => written.set(path, content),
    })
    expect(names).toEqual(generated.map((f) => f.file))
    expect(written.get('out/object.schema.json')).toBe(
      generated.find((f) => f.file === 'object.schema.json')?.content,
    )
  })

  it('marks every schema as generated from the installed spec', () => {
    for (const { file, content } of generated.filter((f) => f.file.endsWith('.schema.json'))) {
      const schema = JSON.parse(content) as Record<string, unknown>
      expect(schema.$schema, file).toBe('https://json-schema.org/draft/2020-12/schema')
      expect(schema.$id, file).toBe(file)
      expect(schema.$comment, file).toContain(
        `Generated from @objectstack/spec ${specVersion} by \`npm run schemas\``,
      )
    }
  })

  it('names the installed spec version in the package export', () => {
    expect(specVersion).toBe(generatedFromSpecVersion)
  })
})
