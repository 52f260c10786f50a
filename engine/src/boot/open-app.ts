/**
 * Boots an app: load and compile its metadata, open its database, start the kernel with the core
 * plugins (data first, then the audit trail and the identity layer) plus any given, and migrate
 * the database on start — non-destructive changes are applied, a destructive plan refuses to
 * start with a message saying what to run.
 * `serve`, `dev`, `worker`, tests and benchmarks all start an app through here.
 *
 * @example
 *   const app = await openApp({ dir: 'examples/crm' })
 *   const acme = await app.records.create('account', { name: 'Acme' })
 *   await app.close()
 */
import { InvalidMetadata } from '@objectos/errors'
import type { Diagnostic, SourceFile } from '@objectos/metadata'
import type { CompileResult } from '../compile/compile-app.js'
import type { Database } from '../data/connection/database.js'
import { openDatabase } from '../data/connection/open-database.js'
import type { RecordService } from '../data/record-service.js'
import { compileFiles, loadApp } from '../load/load-app.js'
import { migrateOnStart } from '../migrate/index.js'
import { auditPlugin, type AuditPluginOptions } from '../plugins/audit/audit-plugin.js'
import { dataPlugin } from '../plugins/data/data-plugin.js'
import { identityPlugin, type IdentityPluginOptions } from '../plugins/identity/identity-plugin.js'
import { recordSharesPlugin } from '../plugins/sharing/record-shares-plugin.js'
import type { ReloadOutcome } from '../registry/registry-holder.js'
import type { Registry } from '../registry/registry.js'
import type { Plugin } from '../runtime/define-plugin.js'
import { createKernel, type Kernel } from '../runtime/kernel.js'

export interface OpenAppOptions {
  /** The app folder (metadata is read from it; the default SQLite file lives under it). */
  readonly dir?: string
  /** Metadata already in memory, instead of reading `dir`. */
  readonly files?: readonly SourceFile[]
  /** `postgres://…`, `:memory:`, a SQLite file path; default: `.objectos/data.sqlite` in `dir`. */
  readonly databaseUrl?: string | undefined
  /** PostgreSQL schema to use instead of `public`. */
  readonly schema?: string
  /** The app already compiled from `dir` (skips compiling it again at open). */
  readonly registry?: Registry
  /** Plugins to start after the core ones. */
  readonly plugins?: readonly Plugin[]
  /** Settings of the identity layer (sign-in, sessions, API keys); default: from process.env. */
  readonly identity?: IdentityPluginOptions
  /** Settings of the audit trail; retention defaults to the identity settings' env. */
  readonly audit?: AuditPluginOptions
}

export interface App {
  readonly kernel: Kernel
  readonly records: RecordService
  readonly db: Database
  registry(): Registry
  /** Re-reads the metadata; applies it if it compiles and migrates without destruction. */
  reload(files?: readonly SourceFile[]): Promise<ReloadOutcome>
  close(): Promise<void>
}

export async function openApp(options: OpenAppOptions): Promise<App> {
  const compile = (files?: readonly SourceFile[]): Promise<CompileResult> | CompileResult =>
    files !== undefined
      ? compileFiles(files)
      : options.files !== undefined
        ? compileFiles(options.files)
        : loadApp(options.dir ?? '.')
  const compiled: CompileResult =
    options.registry === undefined
      ? await compile()
      : { ok: true, registry: options.registry, diagnostics: [] }
  if (!compiled.ok) throw metadataError(compiled.diagnostics)
  const db = await openDatabase({
    url: options.databaseUrl,
    appDir: options.dir ?? '.',
    ...(options.schema === undefined ? {} : { schema: options.schema }),
  })
  // Every write is audited; the identity layer reports its own events to the same trail.
  const audit = auditPlugin({ env: options.identity?.env, ...options.audit })
  const onAuthEvent = options.identity?.onAuthEvent
  const kernel = createKernel(compiled.registry, [
    dataPlugin({ db, prepare: migrateOnStart }),
    audit,
    recordSharesPlugin(),
    identityPlugin({
      ...options.identity,
      onAuthEvent: async (event) => {
        await audit.recordAuthEvent(event)
        await onAuthEvent?.(event)
      },
      onUserWrite: audit.recordUserWrite,
    }),
    ...(options.plugins ?? []),
  ])
  try {
    await kernel.start()
  } catch (error) {
    await db.close().catch(() => undefined)
    throw error
  }
  return {
    kernel,
    db,
    records: kernel.services.get<RecordService>('data'),
    registry: () => kernel.registry.current(),
    reload: (files) =>
      kernel.registry.reload(
        () => compile(files),
        async (next) => {
          await migrateOnStart(db, next)
        },
      ),
    close: () => kernel.stop(),
  }
}

function metadataError(diagnostics: readonly Diagnostic[]): Error {
  const errors = diagnostics.filter((d) => d.severity === 'error')
  const error = InvalidMetadata.create(errors.length)
  const first = errors
    .slice(0, 5)
    .map((d) => `  ${d.file}:${d.line}:${d.column}  ${d.code}  ${d.message}`)
  error.message = [error.message, ...first].join('\n')
  return error
}
