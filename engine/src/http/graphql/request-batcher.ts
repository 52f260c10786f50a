/**
 * Per-request batching, DataLoader-style. GraphQL resolves the `opportunities` of every account
 * of a page in one synchronous pass; each call here only queues its parent id under a batch key,
 * and the batch runs once, after the pass, with every id. So a nested query costs one find per
 * relation and level, whatever the number of rows. One batcher lives for one request only, so
 * nothing is cached across requests or users.
 *
 * @example
 *   const batcher = new RequestBatcher()
 *   const account = await batcher.load('lookup:account', id, (ids) => loadAccounts(ids))
 */

type Run<K, V> = (items: readonly K[]) => Promise<readonly V[]>

interface Pending {
  readonly items: unknown[]
  readonly settle: { resolve(value: unknown): void; reject(error: unknown): void }[]
  readonly run: Run<unknown, unknown>
}

const resolved = Promise.resolve()

export class RequestBatcher {
  private readonly pending = new Map<string, Pending>()
  private readonly cache = new Map<string, Map<unknown, Promise<unknown>>>()
  private readonly keys = new WeakMap<object, string>()

  /**
   * The batch key of a query node, computed once per request: every parent of a list asks with
   * the same node and, within one request, the same arguments (literals and variables alike).
   */
  keyOf(node: object | undefined, compute: () => string): string {
    if (node === undefined) return compute()
    let key = this.keys.get(node)
    if (key === undefined) {
      key = compute()
      this.keys.set(node, key)
    }
    return key
  }

  /**
   * The value for `item` in the batch `key`. Every call with the same key before the batch runs
   * joins it; `run` gets the items in call order and answers one value per item, in that order.
   * A repeated (key, item) answers from this request's cache.
   */
  load<K, V>(key: string, item: K, run: Run<K, V>): Promise<V> {
    let cached = this.cache.get(key)
    if (cached === undefined) {
      cached = new Map()
      this.cache.set(key, cached)
    }
    const hit = cached.get(item)
    if (hit !== undefined) return hit as Promise<V>
    let batch = this.pending.get(key)
    if (batch === undefined) {
      batch = { items: [], settle: [], run: run as Run<unknown, unknown> }
      this.pending.set(key, batch)
      const scheduled = batch
      // After the current promise jobs, like DataLoader: resolvers that run in the same pass,
      // or in promise continuations of it, all join before the batch runs.
      void resolved.then(() => process.nextTick(() => void this.dispatch(key, scheduled)))
    }
    const promise = new Promise<V>((resolve, reject) => {
      batch.items.push(item)
      batch.settle.push({ resolve: resolve as (value: unknown) => void, reject })
    })
    cached.set(item, promise)
    return promise
  }

  /** Forgets cached values: a mutation may have changed them. */
  clear(): void {
    this.cache.clear()
  }

  private async dispatch(key: string, batch: Pending): Promise<void> {
    if (this.pending.get(key) === batch) this.pending.delete(key)
    try {
      const values = await batch.run(batch.items)
      batch.settle.forEach((settle, index) => settle.resolve(values[index]))
    } catch (error) {
      // Every waiting field fails with the same error object; the error formatter reports it once.
      for (const settle of batch.settle) settle.reject(error)
    }
  }
}
