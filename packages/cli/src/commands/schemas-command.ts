/**
 * `objectos schemas [--check]`: regenerates the committed JSON Schemas (`schemas/*.schema.json`)
 * and `schemas/catalog.json` from @objectstack/spec. `--check` writes nothing and exits 1 listing
 * the files that are out of date, so CI can fail when someone edited the spec pin or the generator
 * without regenerating.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { GeneratedFile } from '@objectos/schemas/generate'
import type { CliIo } from '../cli-io.js'
import type { Command, CommandInput } from '../command.js'
import { ExitCode } from '../exit-code.js'
import { locateSchemasFolder } from '../locate-schemas-folder.js'
import { plural } from '../output/summarize-diagnostics.js'

/** What the command needs from outside; tests pass a fake generator and a temporary folder. */
export interface SchemasCommandDeps {
  /** The files to write, relative to the schemas folder. */
  readonly generate: () => Promise<readonly GeneratedFile[]>
  /** Absolute path of the schemas folder. */
  readonly schemasFolder: () => string
}

const defaultDeps: SchemasCommandDeps = {
  // Loaded on demand: the generator pulls in zod and the whole spec, which `validate` never needs.
  generate: async () => (await import('@objectos/schemas/generate')).generateSchemaFiles(),
  schemasFolder: locateSchemasFolder,
}

/** A generated file whose content differs from the folder, or a stale schema to remove. */
interface Change {
  readonly file: string
  readonly action: 'create' | 'update' | 'remove'
  readonly content?: string
}

/**
 * @example
 *   const command = createSchemasCommand({ generate: async () => files, schemasFolder: () => tmp })
 */
export function createSchemasCommand(deps: SchemasCommandDeps = defaultDeps): Command {
  return {
    name: 'schemas',
    summary: 'Regenerate the JSON Schemas in schemas/ from @objectstack/spec',
    description: [
      'Writes one <kind>.schema.json per metadata kind and catalog.json (file glob → schema)',
      'into the schemas/ folder of the repository, and removes *.schema.json files of kinds that',
      'no longer exist. Files whose content is unchanged are not touched.',
      '',
      'Exit codes: 0 up to date or written, 1 --check found files that would change.',
    ].join('\n'),
    arguments: [],
    options: {
      check: {
        type: 'boolean',
        description: 'Write nothing; list the files that would change and exit 1 if any',
      },
    },
    examples: ['objectos schemas', 'objectos schemas --check'],
    run: (input, io) => runSchemas(input, io, deps),
  }
}

export const schemasCommand: Command = createSchemasCommand()

async function runSchemas(
  input: CommandInput,
  io: CliIo,
  deps: SchemasCommandDeps,
): Promise<number> {
  const folder = deps.schemasFolder()
  const shown = (file: string): string => relative(io.cwd, join(folder, file)).split('\\').join('/')
  const changes = await diffFolder(folder, await deps.generate())

  if (input.options.check === true) {
    if (changes.length === 0) {
      io.stdout.write(`✔ ${shown('')} is up to date\n`)
      return ExitCode.ok
    }
    for (const change of changes) io.stdout.write(`${shown(change.file)}  would ${change.action}\n`)
    io.stdout.write(
      `✖ ${plural(changes.length, 'file')} out of date; run "npm run schemas" to regenerate\n`,
    )
    return ExitCode.failure
  }

  for (const change of changes) {
    const path = join(folder, change.file)
    if (change.action === 'remove') await rm(path)
    else await writeFile(path, change.content ?? '')
    io.stdout.write(`${shown(change.file)}  ${change.action}d\n`)
  }
  io.stdout.write(
    changes.length === 0
      ? `✔ ${shown('')} is up to date\n`
      : `✔ ${plural(changes.length, 'file')} written\n`,
  )
  return ExitCode.ok
}

/** What writing `generated` into `folder` would change, in a stable order. */
async function diffFolder(folder: string, generated: readonly GeneratedFile[]): Promise<Change[]> {
  const changes: Change[] = []
  for (const { file, content } of generated) {
    const current = await readFile(join(folder, file), 'utf8').catch(() => undefined)
    if (current === undefined) changes.push({ file, action: 'create', content })
    else if (current !== content) changes.push({ file, action: 'update', content })
  }
  const names = new Set(generated.map((g) => g.file))
  const existing = await readdir(folder)
  for (const file of existing.sort()) {
    if (file.endsWith('.schema.json') && !names.has(file)) changes.push({ file, action: 'remove' })
  }
  return changes
}
