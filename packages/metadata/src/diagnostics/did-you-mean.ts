/**
 * "Did you mean …?" suggestions for misspelt keys, enum values and names. Uses the
 * Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours), compared case-insensitively, with a threshold that grows with the word's length so
 * short words only match near-identical candidates. Ties go to the candidate sharing the longer
 * prefix with the word (typos are rarer at the start), then to the alphabetically first, so the
 * same input always gives the same hint.
 */

/**
 * The candidate closest to `word`, or undefined when none is close enough. A candidate equal to
 * `word` is never suggested.
 *
 * @example
 *   didYouMean('lable', ['label', 'name', 'type']) // → 'label'
 *   didYouMean('currancy', ['text', 'currency'])   // → 'currency'
 *   didYouMean('zzz', ['label'])                   // → undefined
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const needle = word.toLowerCase()
  const limit = maxDistance(needle.length)
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  let bestPrefix = 0
  for (const candidate of candidates) {
    if (candidate === word) continue
    const hay = candidate.toLowerCase()
    if (Math.abs(hay.length - needle.length) > limit) continue
    const d = editDistance(needle, hay)
    if (d > limit || d > bestDistance) continue
    const prefix = commonPrefix(needle, hay)
    const better =
      d < bestDistance ||
      prefix > bestPrefix ||
      (prefix === bestPrefix && best !== undefined && candidate < best)
    if (better) {
      best = candidate
      bestDistance = d
      bestPrefix = prefix
    }
  }
  return best
}

/**
 * The hint text for a suggestion, or undefined when there is none.
 *
 * @example
 *   didYouMeanHint('lable', ['label']) // → 'did you mean "label"?'
 */
export function didYouMeanHint(word: string, candidates: Iterable<string>): string | undefined {
  const match = didYouMean(word, candidates)
  return match === undefined ? undefined : `did you mean "${match}"?`
}

function commonPrefix(a: string, b: string): number {
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  return i
}

/** How many edits still read as a typo: 1 up to 5 characters, 2 up to 8, then a third of the length. */
function maxDistance(length: number): number {
  if (length <= 5) return 1
  if (length <= 8) return 2
  return Math.floor(length / 3)
}

/**
 * Optimal string alignment distance between `a` and `b`.
 *
 * @example
 *   editDistance('lable', 'label') // → 1 (one swap)
 */
export function editDistance(a: string, b: string): number {
  const n = a.length
  const m = b.length
  if (n === 0) return m
  if (m === 0) return n
  // Three rolling rows: two back (for swaps), previous, current.
  let twoBack = new Array<number>(m + 1).fill(0)
  let previous = Array.from({ length: m + 1 }, (_, j) => j)
  let current = new Array<number>(m + 1).fill(0)
  for (let i = 1; i <= n; i++) {
    current[0] = i
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (twoBack[j - 2] as number) + 1)
      }
      current[j] = d
    }
    ;[twoBack, previous, current] = [previous, current, twoBack]
  }
  return previous[m] as number
}
