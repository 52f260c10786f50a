/**
 * Test-only: the code an authenticator app shows for an otpauth URI (RFC 6238: SHA-1, 30 s,
 * 6 digits), so the auth suites can turn two-factor on and sign in with it.
 *
 * @example
 *   const code = totpCode(enabled.json().totpURI)
 */
import { createHmac } from 'node:crypto'

/** RFC 4648 base32, as otpauth URIs carry the secret. */
function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0')
  }
  const bytes = bits.match(/.{8}/g) ?? []
  return Buffer.from(bytes.map((byte) => Number.parseInt(byte, 2)))
}

export function totpCode(uri: string, at = Date.now()): string {
  const secret = base32(new URL(uri).searchParams.get('secret') ?? '')
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)))
  const mac = createHmac('sha1', secret).update(counter).digest()
  const offset = (mac[mac.length - 1] ?? 0) & 0xf
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000
  return String(value).padStart(6, '0')
}
