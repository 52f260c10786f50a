/**
 * The zod schemas @objectstack/spec defines for the metadata kinds ObjectOS takes as they are.
 * The spec is the source of truth for these shapes; the generator only converts and tightens them.
 * The exceptions are the object kind, which gains the ObjectOS `renamedFrom` key
 * (object-extensions.ts), and the position kind, which gains `permissionSets`
 * (position-extensions.ts).
 */
import { HookSchema } from '@objectstack/spec/data'
import { PermissionSetSchema, SharingRuleSchema } from '@objectstack/spec/security'
import { FlowSchema } from '@objectstack/spec/automation'
import { ViewSchema, PageSchema, AppSchema, DashboardSchema } from '@objectstack/spec/ui'
import type { z } from 'zod'
import type { SchemaKind } from '../kinds.js'
import { ObjectosObjectSchema } from './object-extensions.js'
import { ObjectosPositionSchema } from './position-extensions.js'

/** Kinds whose shape comes straight from the spec, keyed by kind name. */
export const specKindSchemas = {
  object: ObjectosObjectSchema,
  permission: PermissionSetSchema,
  sharing: SharingRuleSchema,
  position: ObjectosPositionSchema,
  trigger: HookSchema,
  flow: FlowSchema,
  view: ViewSchema,
  page: PageSchema,
  app: AppSchema,
  dashboard: DashboardSchema,
} as const satisfies Partial<Record<SchemaKind, z.ZodType>>

export type SpecKind = keyof typeof specKindSchemas

/** Where each spec-derived kind comes from, for schema descriptions and docs. */
export const specKindSources: Readonly<Record<SpecKind, string>> = {
  object: '@objectstack/spec/data ObjectSchema with the ObjectOS renamedFrom key',
  permission: '@objectstack/spec/security PermissionSetSchema',
  sharing: '@objectstack/spec/security SharingRuleSchema',
  position: '@objectstack/spec/identity PositionSchema with the ObjectOS permissionSets key',
  trigger: '@objectstack/spec/data HookSchema',
  flow: '@objectstack/spec/automation FlowSchema',
  view: '@objectstack/spec/ui ViewSchema',
  page: '@objectstack/spec/ui PageSchema',
  app: '@objectstack/spec/ui AppSchema',
  dashboard: '@objectstack/spec/ui DashboardSchema',
}
