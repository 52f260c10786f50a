/**
 * The schema generator: every metadata kind's zod schema (from @objectstack/spec, or defined by
 * ObjectOS where the spec has none) rendered to the JSON files committed in `schemas/`. Pure: it
 * returns file contents; `writeSchemaFiles` takes the file system as an argument.
 */
import specPackage from '@objectstack/spec/package.json' with { type: 'json' }
import type { z } from 'zod'
import { metadataKinds, manifestFileName, type SchemaKind } from '../kinds.js'
import { AppManifestSchema } from './manifest-schema.js'
import { NotificationSchema } from './notification-schema.js'
import { renderCatalog } from './render-catalog.js'
import { renderSchemaDocument, schemaFileName } from './schema-document.js'
import { specKindSchemas, specKindSources, type SpecKind } from './spec-kind-schemas.js'

/** One generated file; `file` is relative to the `schemas/` folder. */
export interface GeneratedFile {
  readonly file: string
  readonly content: string
}

/** The @objectstack/spec version the schemas are generated from. */
export const generatedFromSpecVersion: string = specPackage.version

const ownKindSchemas: Readonly<Record<Exclude<SchemaKind, SpecKind>, z.ZodType>> = {
  notification: NotificationSchema,
  manifest: AppManifestSchema,
}

function isSpecKind(kind: SchemaKind): kind is SpecKind {
  return kind in specKindSchemas
}

/**
 * Every file `npm run schemas` writes: one `<kind>.schema.json` per kind (manifest included) and
 * `catalog.json`, in a fixed order.
 *
 * @example
 * for (const { file, content } of generateSchemaFiles()) console.log(file, content.length)
 * // object.schema.json 266694 … catalog.json 2400
 */
export function generateSchemaFiles(): GeneratedFile[] {
  const kinds = [
    ...metadataKinds.map((info) => ({
      kind: info.kind as SchemaKind,
      title: info.title,
      glob: `*${info.extension}`,
    })),
    { kind: 'manifest' as const, title: 'App manifest', glob: manifestFileName },
  ]
  const files = kinds.map(({ kind, title, glob }) => {
    const schema = isSpecKind(kind) ? specKindSchemas[kind] : ownKindSchemas[kind]
    const description = isSpecKind(kind)
      ? `ObjectOS ${title.toLowerCase()} metadata (${glob}), from ${specKindSources[kind]}.`
      : undefined
    const content = renderSchemaDocument(schema, {
      kind,
      title,
      description,
      specVersion: generatedFromSpecVersion,
    })
    return { file: schemaFileName(kind), content }
  })
  return [...files, { file: 'catalog.json', content: renderCatalog() }]
}

/** The part of `node:fs` the writer needs; pass `fs` itself, or a fake in tests. */
export interface FileWriter {
  writeFileSync(path: string, content: string): void
}

/**
 * Writes the generated files into `dir` (the `schemas/` folder) and returns the names written.
 *
 * @example
 * import fs from 'node:fs'
 * writeSchemaFiles('schemas', fs)
 */
export function writeSchemaFiles(dir: string, fs: FileWriter): string[] {
  const base = dir.endsWith('/') ? dir : `${dir}/`
  return generateSchemaFiles().map(({ file, content }) => {
    fs.writeFileSync(`${base}${file}`, content)
    return file
  })
}
