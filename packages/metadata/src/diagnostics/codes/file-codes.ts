/**
 * Codes for problems with a file as a whole and with its YAML text: what it is named, how big it
 * is, whether it decodes and parses, and whether it is safe to load.
 */
import { defineCodes } from '../diagnostic-spec.js'

export const fileCodes = defineCodes({
  OOS_FILE_UNKNOWN_KIND: {
    severity: 'error',
    summary:
      'The file name has no known metadata kind extension (`.object.yaml`, `.flow.yaml`, …).',
    message: (file: string) => `"${file}" has no known metadata kind extension`,
  },
  OOS_FILE_NAME_MISMATCH: {
    severity: 'error',
    summary: "The file stem differs from the entity's `name`; one entity per file, named for it.",
    message: (stem: string, name: string) => `file is named "${stem}" but declares name "${name}"`,
  },
  OOS_FILE_TOO_LARGE: {
    severity: 'error',
    summary:
      'The file is larger than the 1 MiB limit for one metadata file; split the entity or trim it.',
    message: (bytes: number, limit: number) =>
      `file is ${bytes} bytes, over the limit of ${limit} bytes (1 MiB)`,
  },
  OOS_FILE_NOT_UTF8: {
    severity: 'error',
    summary:
      'The file is not valid UTF-8; metadata files must be saved as UTF-8 (a BOM is allowed).',
    message: (byte: string) => `file is not valid UTF-8: unexpected byte ${byte}`,
  },
  OOS_FILE_EMPTY: {
    severity: 'error',
    summary: 'The file holds no YAML content (only whitespace or comments).',
    message: () => 'file is empty',
  },
})
