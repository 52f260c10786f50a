/**
 * How `objectos user …` gets its app: compile the folder (metadata errors print as `validate`
 * prints them, exit 1), then open it as `serve` does — DATABASE_URL or the folder's SQLite file,
 * non-destructive migrations applied, a destructive plan refused with the command that applies
 * it (exit 1) — without the HTTP server.
 *
 * @example
 *   const compiled = await compileUserApp('examples/crm', io, 'create')
 *   if (!compiled.ok) return compiled.exitCode
 *   const app = await startUserApp(compiled, io, 'create')
 */
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ExitCode, UsageError, validateCommand, type CliIo } from '@objectos/cli'
import { ObjectOSError, PluginFailed } from '@objectos/errors'
import { openApp, type App } from '../../boot/open-app.js'
import { loadApp } from '../../load/load-app.js'
import type { Registry } from '../../registry/registry.js'

export type CompiledUserApp =
  | { readonly ok: true; readonly dir: string; readonly registry: Registry }
  | { readonly ok: false; readonly exitCode: number }

export async function compileUserApp(
  dirArgument: string,
  io: CliIo,
  action: string,
): Promise<CompiledUserApp> {
  const dir = resolve(io.cwd, dirArgument)
  const info = await stat(dir).catch(() => undefined)
  if (info === undefined || !info.isDirectory()) {
    throw new UsageError(`folder "${dirArgument}" does not exist`)
  }
  const compiled = await loadApp(dir)
  if (!compiled.ok) {
    await validateCommand.run({ options: { format: 'text' }, positionals: [dirArgument] }, io)
    io.stderr.write(`objectos user ${action}: fix the metadata errors above first\n`)
    return { ok: false, exitCode: ExitCode.failure }
  }
  return { ok: true, dir, registry: compiled.registry }
}

/** The opened app, or undefined after printing why it could not be opened. */
export async function startUserApp(
  compiled: { readonly dir: string; readonly registry: Registry },
  io: CliIo,
  action: string,
): Promise<App | undefined> {
  try {
    return await openApp({
      dir: compiled.dir,
      registry: compiled.registry,
      databaseUrl: io.env.DATABASE_URL || undefined,
      // Provisioning signs nobody in: the providers' secrets need not be set for it.
      identity: { env: io.env, signInProviders: false },
    })
  } catch (error) {
    if (!(error instanceof ObjectOSError)) throw error
    const cause = PluginFailed.is(error) ? (error as { cause?: unknown }).cause : undefined
    io.stderr.write(`objectos user ${action}: ${error.message}\n`)
    if (cause instanceof ObjectOSError) {
      for (const step of cause.errors) io.stderr.write(`  - ${step.message}\n`)
    }
    return undefined
  }
}
