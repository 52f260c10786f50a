/**
 * `objectos validate [dir]`: reads an app folder, runs the whole validation pipeline of
 * @objectos/metadata over it and prints every diagnostic with a clickable `file:line:col`. Exit 0
 * when there is no error (warnings allowed), 1 when there is one, 2 when the folder is missing.
 */
import { stat } from 'node:fs/promises'
import { relative, resolve, sep } from 'node:path'
import type { CliIo } from '../cli-io.js'
import type { Command, CommandInput } from '../command.js'
import { ExitCode } from '../exit-code.js'
import { loadAppFolder } from '../load-app-folder.js'
import { renderJsonReport } from '../output/json-report.js'
import { summarizeDiagnostics } from '../output/summarize-diagnostics.js'
import { terminalStyle } from '../output/terminal-style.js'
import { renderTextReport, type DisplayedDiagnostic } from '../output/text-report.js'
import { UsageError } from '../usage-error.js'

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check the metadata of an app folder and print every problem',
  description: [
    'Reads every *.yaml and *.yml file below the app folder (skipping node_modules, dist and',
    'hidden files and folders), checks each against the JSON Schema of its kind and the rules',
    'that span files, and prints one line per problem:',
    '',
    '  file:line:col  severity  CODE  message (hint)',
    '',
    'Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 usage error.',
  ].join('\n'),
  arguments: [{ name: 'dir', description: 'The app folder (default: .)', optional: true }],
  options: {
    format: {
      type: 'string',
      valueName: 'text|json',
      choices: ['text', 'json'],
      default: 'text',
      description: 'text for people, json ({ diagnostics, summary }) for tools',
    },
  },
  examples: ['objectos validate examples/crm', 'objectos validate --format json | jq ".summary"'],
  run: runValidate,
}

async function runValidate(input: CommandInput, io: CliIo): Promise<number> {
  const dirArgument = input.positionals[0] ?? '.'
  const dir = resolve(io.cwd, dirArgument)
  const info = await stat(dir).catch(() => undefined)
  if (info === undefined) throw new UsageError(`folder "${dirArgument}" does not exist`)
  if (!info.isDirectory()) throw new UsageError(`"${dirArgument}" is not a folder`)

  const files = await loadAppFolder(dir)
  // Loaded here, not at the top, so `objectos --help` starts without compiling any schema.
  const { validateFiles } = await import('@objectos/metadata')
  const { diagnostics } = validateFiles(files)
  const items: DisplayedDiagnostic[] = diagnostics.map((diagnostic) => ({
    diagnostic,
    displayFile: displayPath(io.cwd, dir, diagnostic.file),
  }))
  const summary = summarizeDiagnostics(files.length, diagnostics)

  if (input.options.format === 'json') {
    io.stdout.write(renderJsonReport(items, summary))
  } else {
    if (files.length === 0) {
      io.stderr.write(`objectos validate: no *.yaml or *.yml files in "${dirArgument}"\n`)
    }
    io.stdout.write(renderTextReport(items, summary, terminalStyle(io.stdout, io.env)))
  }
  return summary.valid ? ExitCode.ok : ExitCode.failure
}

/**
 * A diagnostic's file (relative to the app folder) as a path relative to the working directory,
 * with `/` separators, so the printed location opens from where the command ran.
 */
export function displayPath(cwd: string, appDir: string, file: string): string {
  const path = relative(cwd, resolve(appDir, file)) || '.'
  return sep === '/' ? path : path.split(sep).join('/')
}
