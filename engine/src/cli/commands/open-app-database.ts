/**
 * What `plan` and `apply` do before they diff anything: find the app folder, compile its metadata
 * (printing the diagnostics exactly as `objectos validate` does when it has errors) and open its
 * database from `DATABASE_URL` (default: the SQLite file `.objectos/data.sqlite` in the app
 * folder).
 */
import { stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { ExitCode, UsageError, validateCommand, type CliIo, type CommandInput } from '@objectos/cli'
import { DatabaseUnavailable } from '@objectos/errors'
import type { Database } from '../../data/connection/database.js'
import { openDatabase } from '../../data/connection/open-database.js'
import { loadApp } from '../../load/load-app.js'
import type { Registry } from '../../registry/registry.js'

export type AppDatabase =
  | {
      readonly ok: true
      readonly registry: Registry
      readonly db: Database
      /** The folder as the user typed it (`.` when omitted), for the commands we suggest. */
      readonly dirArgument: string
    }
  | { readonly ok: false; readonly exitCode: number }

/**
 * @example
 *   const app = await openAppDatabase('plan', input, io)
 *   if (!app.ok) return app.exitCode
 *   try { … } finally { await app.db.close() }
 */
export async function openAppDatabase(
  command: string,
  input: CommandInput,
  io: CliIo,
): Promise<AppDatabase> {
  const dirArgument = input.positionals[0] ?? '.'
  const dir = resolve(io.cwd, dirArgument)
  const info = await stat(dir).catch(() => undefined)
  if (info === undefined) throw new UsageError(`folder "${dirArgument}" does not exist`)
  if (!info.isDirectory()) throw new UsageError(`"${dirArgument}" is not a folder`)

  const compiled = await loadApp(dir)
  if (!compiled.ok) {
    await validateCommand.run({ options: { format: 'text' }, positionals: [dirArgument] }, io)
    io.stderr.write(`objectos ${command}: fix the metadata errors above first\n`)
    return { ok: false, exitCode: ExitCode.failure }
  }
  try {
    const db = await openDatabase({ url: io.env.DATABASE_URL || undefined, appDir: dir })
    return { ok: true, registry: compiled.registry, db, dirArgument }
  } catch (error) {
    if (!DatabaseUnavailable.is(error)) throw error
    io.stderr.write(`objectos ${command}: ${error.message}\n`)
    return { ok: false, exitCode: ExitCode.failure }
  }
}

/** `Database: examples/crm/.objectos/data.sqlite (sqlite)`, paths relative to where we ran. */
export function databaseLine(db: Database, cwd: string): string {
  const target = isAbsolute(db.target) ? relative(cwd, db.target) || '.' : db.target
  return `Database: ${target} (${db.dialect})\n`
}

/** The command line to suggest, e.g. `objectos apply examples/crm --allow-destructive`. */
export function suggestCommand(command: string, dirArgument: string, flags = ''): string {
  const dir =
    dirArgument === '.'
      ? ''
      : /^[\w./@-]+$/.test(dirArgument)
        ? ` ${dirArgument}`
        : ` '${dirArgument.replaceAll("'", "'\\''")}'`
  return `objectos ${command}${dir}${flags === '' ? '' : ` ${flags}`}`
}
