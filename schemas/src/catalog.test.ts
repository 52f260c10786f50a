/**
 * catalog.json is what editors read to pick a schema for a file: it must cover every kind and
 * point at files that exist.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { kindOfPath, manifestFileName, metadataKinds } from '@objectos/schemas'

interface Catalog {
  $schema: string
  version: number
  schemas: { name: string; description: string; fileMatch: string[]; url: string }[]
}

const schemasDir = new URL('../', import.meta.url)
const catalog = JSON.parse(readFileSync(new URL('catalog.json', schemasDir), 'utf8')) as Catalog

describe('catalog.json', () => {
  it('is a JSON Schema Store catalog', () => {
    expect(catalog.$schema).toBe('https://json.schemastore.org/schema-catalog.json')
    expect(catalog.version).toBe(1)
  })

  it.each(metadataKinds.map((k) => [k.kind, k.extension] as const))(
    'maps *%s files to their schema',
    (kind, extension) => {
      const entry = catalog.schemas.find((s) => s.fileMatch.includes(`**/*${extension}`))
      expect(entry?.url).toBe(`./${kind}.schema.json`)
    },
  )

  it('maps the app manifest to its schema', () => {
    const entry = catalog.schemas.find((s) => s.fileMatch.includes(`**/${manifestFileName}`))
    expect(entry?.url).toBe('./manifest.schema.json')
  })

  it('agrees with kindOfPath and points at files that exist', () => {
    for (const entry of catalog.schemas) {
      expect(existsSync(new URL(entry.url, schemasDir)), entry.url).toBe(true)
      for (const glob of entry.fileMatch) {
        const example = glob.replace('**/', 'app/').replace('*', 'example')
        expect(`./${kindOfPath(example)}.schema.json`, glob).toBe(entry.url)
      }
    }
  })
})
