/**
 * The metadata kinds ObjectOS reads: the double extension that names each kind, the folder it
 * conventionally lives in, and where its schema comes from. Everything that maps a file to a kind
 * (the validator, the schema generator, catalog.json, Studio) reads this one table.
 */

export interface KindInfo {
  /** The kind's name, also the stem of its schema file (`object` → `object.schema.json`). */
  readonly kind: string
  /** Human title, for docs and schema titles. */
  readonly title: string
  /** The double extension, e.g. `.object.yaml`. */
  readonly extension: string
  /** The conventional folder under an app folder. */
  readonly folder: string
}

export const metadataKinds = [
  { kind: 'object', title: 'Object', extension: '.object.yaml', folder: 'objects' },
  {
    kind: 'permission',
    title: 'Permission set',
    extension: '.permission.yaml',
    folder: 'permissions',
  },
  { kind: 'sharing', title: 'Sharing rule', extension: '.sharing.yaml', folder: 'sharing' },
  { kind: 'position', title: 'Position', extension: '.position.yaml', folder: 'positions' },
  { kind: 'trigger', title: 'Trigger', extension: '.trigger.yaml', folder: 'triggers' },
  { kind: 'flow', title: 'Flow', extension: '.flow.yaml', folder: 'flows' },
  {
    kind: 'notification',
    title: 'Notification',
    extension: '.notification.yaml',
    folder: 'notifications',
  },
  { kind: 'view', title: 'View', extension: '.view.yaml', folder: 'views' },
  { kind: 'page', title: 'Page', extension: '.page.yaml', folder: 'pages' },
  { kind: 'app', title: 'App', extension: '.app.yaml', folder: 'apps' },
  { kind: 'dashboard', title: 'Dashboard', extension: '.dashboard.yaml', folder: 'dashboards' },
] as const satisfies readonly KindInfo[]

export type MetadataKind = (typeof metadataKinds)[number]['kind']

/** The app manifest: one per app folder, at its root. */
export const manifestFileName = 'objectos.yaml'

/** The manifest has a schema too; it is a kind of its own, without a double extension. */
export type SchemaKind = MetadataKind | 'manifest'

/** The kind a file path names by its double extension, or undefined. */
export function kindOfPath(path: string): SchemaKind | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1)
  if (base === manifestFileName) return 'manifest'
  return metadataKinds.find((k) => base.endsWith(k.extension) && base.length > k.extension.length)
    ?.kind
}
