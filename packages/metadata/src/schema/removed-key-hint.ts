/**
 * The schemas forbid the keys the metadata spec removed with `not: {}` and a description that
 * starts with `[REMOVED]`, says when and why, and says what to write instead. A user needs the
 * last part: this module cuts the description down to the spec version and the guidance, and
 * drops the pointer to the spec's own migration tool, which ObjectOS users do not have.
 */

/** The marker the generated schemas put at the start of a removed key's description. */
const removedMarker = /^\[REMOVED\]\s*/

/** The closing pointer to the spec's migration command. */
const migrateSentence = /\s*Run `os migrate[^`]*`[^.]*\.\s*$/

/** A sentence that tells the user what to do. */
const guidance = /\b(delete|rename)\s+(the|all)\b|\buse\s+`/i

/** At most this many sentences of guidance: the rest of a description is history. */
const maxSentences = 2

/**
 * The hint for a removed key, or undefined when the schema says nothing about it.
 *
 * @example
 *   removedKeyHint('[REMOVED] `hook.timeout` was removed in @objectstack/spec 17 — its unit …. ' +
 *     'Rename the key to `timeoutMs`; the value (milliseconds) is unchanged. Run `os migrate …`.')
 *   // → 'Removed in @objectstack/spec 17. Rename the key to `timeoutMs`; the value (milliseconds) is unchanged.'
 */
export function removedKeyHint(description: unknown): string | undefined {
  if (typeof description !== 'string' || description.trim() === '') return undefined
  const text = description.replace(removedMarker, '').replace(migrateSentence, '').trim()
  // A sentence ends at a full stop followed by a capital, so "e.g. `x`" does not end one.
  const sentences = text.split(/(?<=\.)\s+(?=[A-Z])/)
  const start = Math.max(
    0,
    sentences.findIndex((s) => guidance.test(s)),
  )
  const advice = sentences.slice(start, start + maxSentences).join(' ')
  const since = /\b(?:removed|renamed to `[^`]+`) in (@objectstack\/spec \d+(?:\.\d+)*)/.exec(
    text,
  )?.[1]
  return start > 0 && since !== undefined ? `Removed in ${since}. ${advice}` : advice
}
