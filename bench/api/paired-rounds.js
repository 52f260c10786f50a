/**
 * The API benchmark's schedule for two contenders on the same requests: warm-up rounds, then
 * timed rounds in which the two are loaded back to back, in an order that flips every round, so
 * a burst of load from elsewhere on the machine lands on both alike. Both contenders are served
 * by this process, one at a time, so this process's CPU time during a load is that
 * contender's (SQLite's work included).
 */
import { median } from '../data/measure.js'

/**
 * Runs the rounds; returns each contender's timed loads. `contenders`: two entries
 * `name → { origin, requests }`; `settings`: connections, seconds, rounds, warmupSeconds,
 * warmupRounds.
 *
 * @example
 *   const runs = await pairedRounds(load, { admin: { origin, requests: a }, rep: { origin, requests: b } },
 *     settings, (round, name, r) => console.error(round, name, r.reqPerSec))
 *   runs.rep.length // → settings.rounds
 */
export async function pairedRounds(load, contenders, settings, onLoad) {
  const names = Object.keys(contenders)
  const measured = Object.fromEntries(names.map((name) => [name, []]))
  const total = settings.warmupRounds + settings.rounds
  for (let round = 0; round < total; round++) {
    const warm = round < settings.warmupRounds
    const order = round % 2 === 0 ? names : [...names].reverse()
    for (const name of order) {
      const cpuBefore = process.cpuUsage()
      const result = await load.measure({
        ...contenders[name],
        connections: settings.connections,
        seconds: warm ? settings.warmupSeconds : settings.seconds,
      })
      const cpu = process.cpuUsage(cpuBefore)
      result.cpuUsPerRequest = (cpu.user + cpu.system) / result.requests
      onLoad(warm ? 'warm-up' : `round ${round - settings.warmupRounds + 1}`, name, result)
      if (!warm) measured[name].push(result)
    }
  }
  return measured
}

/**
 * `base` and `other` summarised as run.js does: per side the median round's req/s, p95 and CPU
 * per request; `ratio` the median over rounds of other ÷ base req/s (each round a back-to-back
 * pair), `cpuRatio` the median of base ÷ other CPU per request.
 *
 * @example
 *   summarizePair(runs.admin, runs.rep).ratio // → 0.96
 */
export function summarizePair(base, other) {
  const side = (runs) => ({
    reqPerSec: median(runs.map((r) => r.reqPerSec)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p95Ms: median(runs.map((r) => r.p95Ms)),
    cpuUsPerRequest: median(runs.map((r) => r.cpuUsPerRequest)),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    bytesPerResponse: median(runs.map((r) => r.bytes / r.requests)),
  })
  const ratios = other.map((r, i) => r.reqPerSec / base[i].reqPerSec)
  const cpuRatios = other.map((r, i) => base[i].cpuUsPerRequest / r.cpuUsPerRequest)
  return {
    base: side(base),
    other: side(other),
    ratio: median(ratios),
    ratios,
    cpuRatio: median(cpuRatios),
  }
}
