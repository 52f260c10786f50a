/**
 * A metadata kind the engine carries but whose runtime lives in a later stage (views, pages,
 * apps, dashboards, permissions, flows, triggers, notifications): the validated definition,
 * deep-frozen, served to the UI and to the plugins that interpret it.
 */
import type { SchemaKind } from '@objectos/schemas'

export interface DefinitionNode {
  readonly kind: Exclude<SchemaKind, 'object' | 'manifest'>
  readonly name: string
  readonly file: string
  readonly definition: Readonly<Record<string, unknown>>
}
