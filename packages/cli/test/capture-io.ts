/**
 * A CliIo for tests: output is collected in strings instead of written to the terminal.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { CliIo } from '../src/cli-io.js'

export interface CapturedIo extends CliIo {
  /** Everything written to stdout so far. */
  out(): string
  /** Everything written to stderr so far. */
  err(): string
}

export interface CaptureOptions {
  readonly cwd: string
  /** Pretend stdout is a terminal (colours on unless NO_COLOR). */
  readonly isTTY?: boolean
  readonly env?: Readonly<Record<string, string | undefined>>
}

export function captureIo({ cwd, isTTY = false, env = {} }: CaptureOptions): CapturedIo {
  let out = ''
  let err = ''
  return {
    cwd,
    env,
    stdout: {
      isTTY,
      write: (chunk: string) => {
        out += chunk
        return true
      },
    },
    stderr: {
      isTTY,
      write: (chunk: string) => {
        err += chunk
        return true
      },
    },
    out: () => out,
    err: () => err,
  }
}

/** Writes `files` (path with `/` → text or bytes) below `root`; returns `root`. */
export async function writeTree(
  root: string,
  files: Readonly<Record<string, string | Uint8Array>>,
): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, ...path.split('/'))
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, content)
  }
  return root
}

/** A new empty temporary folder. */
export function tempFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'objectos-cli-'))
}
