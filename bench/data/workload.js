/**
 * The benchmark's inputs, the same for both contenders: the deals a run creates (what a client
 * would POST: eight fields, the formula and system columns left to the writer) and the filtered
 * list queries a run makes. Deterministic (seeded PRNG), so runs and machines compare.
 */
import { leadSources, stages } from './app-metadata.js'

/** A small seeded PRNG (mulberry32). */
export function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = (next, list) => list[Math.floor(next() * list.length)]

/** The accounts deals point at: `count` inputs for `account`. */
export function accountInputs(count) {
  const industries = ['technology', 'retail', 'finance']
  return Array.from({ length: count }, (_, i) => ({
    name: `Account ${i}`,
    industry: industries[i % industries.length],
  }))
}

/**
 * `count` deal inputs drawn with `seed`, each pointing at one of `accountIds`. Amounts run from
 * 0 to 100,000 with cents; a tenth of the deals leave the optional fields empty.
 *
 * @example
 *   dealInputs(2, ['0190…'], 1) // → [{ name: 'Deal 1-0', stage: 'proposal', amount: 48211.07, … }, …]
 */
export function dealInputs(count, accountIds, seed) {
  const next = random(seed)
  const deals = []
  for (let i = 0; i < count; i++) {
    const sparse = next() < 0.1
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0')
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0')
    const deal = {
      name: `Deal ${seed}-${i}`,
      stage: pick(next, stages),
      amount: Math.round(next() * 10_000_000) / 100,
      probability: Math.floor(next() * 101),
      close_date: `2026-${month}-${day}`,
      account: pick(next, accountIds),
      is_priority: next() < 0.2,
    }
    if (!sparse) {
      deal.lead_source = pick(next, leadSources)
      deal.next_step = `Call back about offer ${i}`
    }
    deals.push(deal)
  }
  return deals
}

/**
 * `count` list queries: deals of one stage above an amount, largest first, 50 per page — the
 * list a sales screen shows. Stage and threshold rotate so no single plan or page is cached.
 */
export function listQueries(count, seed) {
  const next = random(seed)
  return Array.from({ length: count }, (_, i) => ({
    stage: stages[i % stages.length],
    minAmount: Math.floor(next() * 50_000),
    limit: 50,
  }))
}

/** A list query in the engine's query model. */
export function engineQuery({ stage, minAmount, limit }) {
  return { filter: { stage, amount: { $gte: minAmount } }, sort: ['-amount'], limit }
}
