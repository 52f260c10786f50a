/**
 * Turns a `$contains`/`$startsWith`/`$endsWith` operand into a LIKE pattern that matches it
 * literally: `%`, `_` and the escape character itself are escaped, so `"50%"` finds "50%" and
 * not "500". The SQL side says `ESCAPE '!'` (see `likeEscape`).
 */

/** The escape character; `!` rather than a backslash, which standard strings treat specially. */
export const likeEscape = '!'

export type LikeMode = 'contains' | 'startsWith' | 'endsWith'

/**
 * @example
 *   likePattern('50%_off', 'contains') // '%50!%!_off%'
 */
export function likePattern(text: string, mode: LikeMode): string {
  const literal = text.replace(/[!%_]/g, (ch) => `${likeEscape}${ch}`)
  switch (mode) {
    case 'contains':
      return `%${literal}%`
    case 'startsWith':
      return `${literal}%`
    case 'endsWith':
      return `%${literal}`
  }
}
