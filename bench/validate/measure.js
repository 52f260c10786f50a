/**
 * Timing helpers for the benchmarks: run a function a number of times, then reduce the times to
 * the numbers the report shows. Wall-clock on one thread (performance.now()), so "per core".
 */
import { performance } from 'node:perf_hooks'

/** Milliseconds of each of `runs` calls of `fn`. */
export function timeRuns(fn, runs) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return times
}

/** Milliseconds of one call of `fn`, and its result. */
export function timeOnce(fn) {
  const start = performance.now()
  const result = fn()
  return { ms: performance.now() - start, result }
}

/**
 * Best and median throughput of runs that each processed `files` files.
 *
 * @example
 *   throughput([500, 480, 520], 1000) // → { bestFps: 2083.3, medianFps: 2000, medianMsPerFile: 0.5 }
 */
export function throughput(times, files) {
  const middle = median(times)
  return {
    bestFps: (files / Math.min(...times)) * 1000,
    medianFps: (files / middle) * 1000,
    medianMsPerFile: middle / files,
  }
}

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
