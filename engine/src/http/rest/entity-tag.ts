/**
 * ETags are the record's `version`: `"3"`. `If-Match` carries the version a client read; a
 * write with a stale one is refused with 412 by the engine's optimistic concurrency.
 */
import { BadRequest } from '@objectos/errors'

export function entityTag(record: Readonly<Record<string, unknown>>): string {
  return `"${String(record.version)}"`
}

/** The version an `If-Match` header names, or undefined without the header. */
export function versionFromIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined
  const value = Array.isArray(header) ? header[0] : header
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(value ?? '')
  if (match === null) {
    throw BadRequest.create('If-Match must be an ETag read from this API, like "3"')
  }
  return Number(match[1])
}
