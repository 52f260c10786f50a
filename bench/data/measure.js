/**
 * Timing helpers for the data benchmark: run an async operation over a list of inputs one at a
 * time (the next starts when the previous has finished, as one request after another), keeping
 * each operation's latency, then reduce runs to medians, percentiles and ratios. Wall-clock
 * (performance.now()), so database time and engine time both count.
 */
import { performance } from 'node:perf_hooks'

/**
 * Runs `op(input)` for every input in order; returns the run's total milliseconds and the
 * latency of each operation.
 *
 * @example
 *   const { ms, latencies } = await timeSequential((q) => app.records.find('deal', q), queries)
 */
export async function timeSequential(op, inputs) {
  const latencies = new Float64Array(inputs.length)
  const start = performance.now()
  for (let i = 0; i < inputs.length; i++) {
    const before = performance.now()
    await op(inputs[i])
    latencies[i] = performance.now() - before
  }
  return { ms: performance.now() - start, latencies }
}

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The `p`-th percentile (0–100, nearest rank) of a list of numbers. */
export function percentile(values, p) {
  const sorted = Float64Array.from(values).sort()
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1]
}

/**
 * Reduces the timed runs of one contender: median throughput over runs, median and p95 latency
 * over every timed operation of every run.
 *
 * @example
 *   summarize([{ ms: 1000, latencies }, { ms: 1100, latencies }], 2000)
 *   // → { opsPerSec: 1904.8, bestOpsPerSec: 2000, p50Ms: 0.49, p95Ms: 0.71, runs: 2 }
 */
export function summarize(runs, opsPerRun) {
  const all = []
  for (const run of runs) for (const latency of run.latencies) all.push(latency)
  const times = runs.map((run) => run.ms)
  return {
    opsPerSec: (opsPerRun / median(times)) * 1000,
    bestOpsPerSec: (opsPerRun / Math.min(...times)) * 1000,
    p50Ms: percentile(all, 50),
    p95Ms: percentile(all, 95),
    runs: runs.length,
  }
}
