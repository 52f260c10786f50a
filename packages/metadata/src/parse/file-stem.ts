/**
 * The name a metadata file gives its entity: the file name without its folder and its kind's
 * double extension. The `name` inside the file must equal it (checked after the schema).
 */
import { kindOfPath, manifestFileName, metadataKinds, type SchemaKind } from '@objectos/schemas'

/**
 * @example
 *   fileStem('objects/account.object.yaml', 'object') // → 'account'
 *   fileStem('objectos.yaml', 'manifest')             // → 'objectos'
 */
export function fileStem(path: string, kind: SchemaKind): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  if (kind === 'manifest') return manifestFileName.slice(0, -'.yaml'.length)
  const extension = metadataKinds.find((k) => k.kind === kind)?.extension
  return extension !== undefined && base.endsWith(extension)
    ? base.slice(0, -extension.length)
    : base.slice(0, base.indexOf('.') < 0 ? undefined : base.indexOf('.'))
}

/**
 * The kind and name a file declares by its path alone: what is still known of a file whose text
 * cannot be read, so references to its entity need not be reported as well.
 *
 * @example
 *   declaredByPath('objects/account.object.yaml') // → { kind: 'object', stem: 'account' }
 *   declaredByPath('objects/lead.object.yml')    // → { kind: 'object', stem: 'lead' }
 *   declaredByPath('notes.txt')                   // → undefined
 */
export function declaredByPath(path: string): { kind: SchemaKind; stem: string } | undefined {
  // `lead.object.yml` is refused for its extension, but it still means to declare `lead`:
  // counting it keeps every reference to `lead` from failing as well.
  const named = path.endsWith('.yml') ? `${path.slice(0, -4)}.yaml` : path
  const kind = kindOfPath(named)
  return kind === undefined ? undefined : { kind, stem: fileStem(named, kind) }
}
