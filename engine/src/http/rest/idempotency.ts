/**
 * `Idempotency-Key` on POST: the first answer to a key is stored in the same transaction as the
 * write it describes, so a retry — after a timeout, a dropped connection, a double click —
 * gets that answer again and creates nothing new. The same key with a different body is refused.
 * Two concurrent requests with one key: the second's write rolls back on the key's primary key and
 * it answers with the first's result. Keys are kept 24 hours.
 */
import { createHash } from 'node:crypto'
import { IdempotencyKeyInvalid, IdempotencyKeyReused, ObjectOSError } from '@objectos/errors'
import type { RecordService } from '../../data/record-service.js'
import { idempotencyTable } from '../../data/schema/system-tables.js'
import { isUniqueViolation } from '../../data/unique-violation.js'
import type { Executor } from '../../data/write/data-context.js'

/** How long a key's first answer is kept. */
const retentionMs = 24 * 60 * 60 * 1000

export interface Answer {
  readonly status: number
  readonly body: unknown
  /** True when this is the stored answer of an earlier request. */
  readonly replayed: boolean
}

/**
 * Runs `write` once per key and scope. Without a key it just runs `write`.
 *
 * @example
 *   const answer = await idempotent(records, key, 'POST /api/v1/data/account', body, (tx) =>
 *     tx.create('account', body).then((data) => ({ status: 201, body: { data } })))
 */
export async function idempotent(
  records: RecordService,
  key: string | undefined,
  scope: string,
  request: unknown,
  write: (tx: RecordService) => Promise<{ status: number; body: unknown }>,
): Promise<Answer> {
  if (key === undefined) return { ...(await write(records)), replayed: false }
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw IdempotencyKeyInvalid.create()
  const hash = createHash('sha256')
    .update(JSON.stringify(request ?? null))
    .digest('hex')
  const earlier = await stored(records.executor, scope, key, hash)
  if (earlier !== undefined) return earlier
  try {
    return await records.transaction(async (tx) => {
      const answer = await write(tx)
      const now = new Date()
      await tx.executor.knex(idempotencyTable).insert({
        scope,
        key,
        request_hash: hash,
        status: answer.status,
        body: JSON.stringify(answer.body),
        created_at: now.toISOString(),
      })
      await tx.executor
        .knex(idempotencyTable)
        .where('created_at', '<', new Date(now.getTime() - retentionMs).toISOString())
        .delete()
      return { ...answer, replayed: false }
    })
  } catch (error) {
    // A concurrent request with the same key committed first: answer as it did.
    if (!isUniqueViolation(error) || error instanceof ObjectOSError) throw error
    const first = await stored(records.executor, scope, key, hash)
    if (first === undefined) throw error
    return first
  }
}

async function stored(
  executor: Executor,
  scope: string,
  key: string,
  hash: string,
): Promise<Answer | undefined> {
  const row = (await executor
    .knex(idempotencyTable)
    .select('request_hash', 'status', 'body')
    .where({ scope, key })
    .first()) as { request_hash: string; status: number; body: string } | undefined
  if (row === undefined) return undefined
  if (row.request_hash !== hash) throw IdempotencyKeyReused.create(key)
  return { status: Number(row.status), body: JSON.parse(row.body) as unknown, replayed: true }
}
