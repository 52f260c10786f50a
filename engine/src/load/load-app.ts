/**
 * The load stage: reads an app folder, validates it and compiles it. The one entry point the CLI,
 * the server and tests use to turn a folder into a Registry (or into diagnostics).
 *
 * @example
 *   const result = await loadApp('examples/crm')
 *   if (!result.ok) printDiagnostics(result.diagnostics)
 */
import { loadAppFolder } from '@objectos/cli'
import { validateFiles, type SourceFile } from '@objectos/metadata'
import { compileApp, type CompileResult } from '../compile/compile-app.js'
import { platformFiles } from './platform-files.js'

export async function loadApp(dir: string): Promise<CompileResult> {
  return compileFiles(await loadAppFolder(dir))
}

/**
 * Validates and compiles an app's files already in memory (Studio previews, tests), together
 * with the platform's own objects (`sys_user`, …), which every app has.
 */
export function compileFiles(files: readonly SourceFile[]): CompileResult {
  return compileExactly([...files, ...platformFiles()])
}

/** Validates and compiles these files and nothing else (the planner's own tests). */
export function compileExactly(files: readonly SourceFile[]): CompileResult {
  const { documents, diagnostics } = validateFiles(files)
  return compileApp(documents, diagnostics)
}
