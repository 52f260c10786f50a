/**
 * Record ids: UUID version 7 (RFC 9562) — a millisecond timestamp then random bits, so ids sort
 * roughly by creation time (index-friendly inserts) and reveal nothing guessable beyond it.
 * Random bytes are drawn from the system 4 KiB at a time: one system call per 256 ids.
 */
import { randomFillSync } from 'node:crypto'

const pool = Buffer.alloc(4096)
let offset = pool.length

export function newRecordId(now = Date.now()): string {
  if (offset + 16 > pool.length) {
    randomFillSync(pool)
    offset = 0
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + 16))
  offset += 16
  bytes.writeUIntBE(now, 0, 6)
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f)
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
