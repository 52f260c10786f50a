/**
 * `catalog.json`: which schema applies to which file, in the JSON Schema Store catalog format that
 * yaml-language-server (VS Code) and Studio's Monaco read.
 */
import { manifestFileName, metadataKinds } from '../kinds.js'
import { schemaFileName } from './schema-document.js'

interface CatalogEntry {
  readonly name: string
  readonly description: string
  readonly fileMatch: readonly string[]
  readonly url: string
}

/**
 * The catalog text: one entry per metadata kind (by double extension) and one for the manifest.
 * URLs are relative to the catalog, so the folder works wherever it is checked out.
 *
 * @example
 * JSON.parse(renderCatalog()).schemas[0]
 * // → { name: 'ObjectOS Object', description: '…', fileMatch: ['**\/*.object.yaml'],
 * //     url: './object.schema.json' }
 */
export function renderCatalog(): string {
  const entries: CatalogEntry[] = metadataKinds.map((info) => ({
    name: `ObjectOS ${info.title}`,
    description: `ObjectOS ${info.title.toLowerCase()} metadata (*${info.extension})`,
    fileMatch: [`**/*${info.extension}`],
    url: `./${schemaFileName(info.kind)}`,
  }))
  entries.push({
    name: 'ObjectOS app manifest',
    description: `ObjectOS app manifest (${manifestFileName})`,
    fileMatch: [`**/${manifestFileName}`],
    url: `./${schemaFileName('manifest')}`,
  })
  const catalog = {
    $schema: 'https://json.schemastore.org/schema-catalog.json',
    version: 1,
    schemas: entries,
  }
  return `${JSON.stringify(catalog, null, 2)}\n`
}
