/**
 * Record ids: UUID version 7 (RFC 9562) — a millisecond timestamp, a 12-bit sequence, then random
 * bits — so ids sort by creation time (index-friendly inserts, and "by id" is creation order) and
 * reveal nothing guessable beyond it. Within a process they strictly increase (the RFC's method
 * 1): ids made in the same millisecond count up in the sequence, which starts at a random point
 * in its lower half; a millisecond that runs out of sequence, or a clock that steps back, borrows
 * the next millisecond. Processes do not coordinate: ids of two processes in the same millisecond
 * interleave by their random bits. Random bytes are drawn from the system 4 KiB at a time: one
 * system call per 256 ids.
 *
 * @example
 *   newRecordId() // '019ac1e2-7b3c-7a41-9f0e-5d2c8e1b4a77'
 */
import { randomFillSync } from 'node:crypto'

const pool = Buffer.alloc(4096)
let offset = pool.length

/** The millisecond and sequence of the last id made. */
let lastMs = -1
let sequence = 0
const maxSequence = 0xfff

export function newRecordId(now = Date.now()): string {
  if (offset + 16 > pool.length) {
    randomFillSync(pool)
    offset = 0
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + 16))
  offset += 16
  if (now > lastMs) {
    lastMs = now
    // A random start in the lower half leaves at least 2,048 ids for the millisecond.
    sequence = (((bytes[6] ?? 0) << 8) | (bytes[7] ?? 0)) & 0x7ff
  } else if (sequence < maxSequence) {
    sequence++
  } else {
    lastMs++
    sequence = 0
  }
  bytes.writeUIntBE(lastMs, 0, 6)
  bytes[6] = 0x70 | (sequence >> 8)
  bytes[7] = sequence & 0xff
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
