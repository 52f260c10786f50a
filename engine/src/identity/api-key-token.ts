/**
 * API key values: `oos_` and 43 characters of randomness (256 bits). Only a SHA-256 digest of a
 * key is stored — a fast hash is enough for a value this random, and it lets a key be found by
 * its digest — plus its first characters, so a user can tell their keys apart in a list.
 *
 * @example
 *   const key = newApiKey()            // shown to its owner once
 *   await store({ keyHash: hashApiKey(key), start: keyStart(key) })
 */
import { createHash, randomBytes } from 'node:crypto'

export const apiKeyPrefix = 'oos_'

export function newApiKey(): string {
  return `${apiKeyPrefix}${randomBytes(32).toString('base64url')}`
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

/** What a list shows of a key: its first 10 characters. */
export function keyStart(key: string): string {
  return key.slice(0, apiKeyPrefix.length + 6)
}

/** Whether a bearer token is worth looking up at all. */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(apiKeyPrefix) && token.length >= 40 && token.length <= 200
}
