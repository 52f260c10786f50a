/**
 * @objectos/engine — compile ObjectOS metadata and run it: the kernel and its plugins, the data
 * layer on SQLite and PostgreSQL, and migrations.
 *
 * @example
 *   import { openApp } from '@objectos/engine'
 *   const app = await openApp({ dir: 'examples/crm' })
 *   const { records } = await app.records.find('opportunity', {
 *     filter: { stage: { $in: ['proposal', 'negotiation'] }, amount: { $gte: 10000 } },
 *     sort: ['-amount'],
 *     limit: 20,
 *   })
 */
export { openApp, type App, type OpenAppOptions } from './boot/open-app.js'
export { loadApp, compileFiles } from './load/load-app.js'
export { compileApp, type CompileResult } from './compile/compile-app.js'
export type { Registry, ChildRelation } from './registry/registry.js'
export type { RegistryHolder, ReloadOutcome } from './registry/registry-holder.js'
export * from './ir/index.js'
export { createKernel, type Kernel } from './runtime/kernel.js'
export { definePlugin, type Plugin, type PluginContext } from './runtime/define-plugin.js'
export {
  hookNames,
  type HookName,
  type HookPayloads,
  type RecordHookPayload,
} from './runtime/hook-names.js'
export type { HookBus, HookHandler } from './runtime/hook-bus.js'
export type { ServiceRegistry } from './runtime/service-registry.js'
export { openDatabase, type DatabaseOptions } from './data/connection/open-database.js'
export type { Database, Dialect } from './data/connection/database.js'
export {
  createRecordService,
  type RecordService,
  type GetOptions,
  type DataRecord,
} from './data/record-service.js'
export type { DataContext, Door, Executor } from './data/write/data-context.js'
export type { UpdateOptions } from './data/write/update-record.js'
export type { DeleteOptions } from './data/write/delete-record.js'
export * from './data/query/index.js'
export { dataPlugin, type DataPluginOptions } from './plugins/data/data-plugin.js'
export { outboxPlugin, type Outbox } from './plugins/outbox/outbox-plugin.js'
export type { OutboxEvent } from './plugins/outbox/outbox-table.js'
export * from './migrate/index.js'
export { httpPlugin, type HttpPluginOptions } from './plugins/http/http-plugin.js'
export { buildServer, type ServerOptions } from './http/build-server.js'
export type { Identify } from './http/request-principal.js'
export { identifyAsAdmin } from './http/identify-as-admin.js'
export type { Principal } from './data/access/principal.js'
export { loadPrincipal } from './data/access/load-principal.js'
export { authenticate, type Authenticated } from './http/auth/authenticate.js'
export { identifyCaller } from './http/auth/identify-caller.js'
export { createIdentity, type Identity } from './identity/create-identity.js'
export { identityPlugin, type IdentityPluginOptions } from './plugins/identity/identity-plugin.js'
