/**
 * `@objectos/schemas`: the table of metadata kinds and the committed JSON Schema of each kind.
 * Isomorphic and light — it loads the generated JSON files, never @objectstack/spec or zod, so
 * Studio can ship it to the browser. The generator lives in `@objectos/schemas/generate`.
 */
import appSchema from '../app.schema.json' with { type: 'json' }
import dashboardSchema from '../dashboard.schema.json' with { type: 'json' }
import flowSchema from '../flow.schema.json' with { type: 'json' }
import manifestSchema from '../manifest.schema.json' with { type: 'json' }
import notificationSchema from '../notification.schema.json' with { type: 'json' }
import objectSchema from '../object.schema.json' with { type: 'json' }
import pageSchema from '../page.schema.json' with { type: 'json' }
import permissionSchema from '../permission.schema.json' with { type: 'json' }
import positionSchema from '../position.schema.json' with { type: 'json' }
import sharingSchema from '../sharing.schema.json' with { type: 'json' }
import triggerSchema from '../trigger.schema.json' with { type: 'json' }
import viewSchema from '../view.schema.json' with { type: 'json' }
import type { SchemaKind } from './kinds.js'

export { metadataKinds, kindOfPath, manifestFileName } from './kinds.js'
export type { MetadataKind, SchemaKind, KindInfo } from './kinds.js'
export { specVersion } from './spec-version.js'

const schemas: Readonly<Record<SchemaKind, object>> = {
  object: objectSchema,
  permission: permissionSchema,
  sharing: sharingSchema,
  position: positionSchema,
  trigger: triggerSchema,
  flow: flowSchema,
  notification: notificationSchema,
  view: viewSchema,
  page: pageSchema,
  app: appSchema,
  dashboard: dashboardSchema,
  manifest: manifestSchema,
}

/**
 * The JSON Schema (draft 2020-12) of a kind. Compile it with Ajv 2020 and the options
 * `{ discriminator: true, allowUnionTypes: true }`. The object is shared: do not mutate it.
 *
 * @example
 * import Ajv2020 from 'ajv/dist/2020.js'
 * const ajv = new Ajv2020({ allErrors: true, discriminator: true, allowUnionTypes: true })
 * const validate = ajv.compile(schemaFor(kindOfPath('objects/account.object.yaml') ?? 'object'))
 */
export function schemaFor(kind: SchemaKind): object {
  return schemas[kind]
}
