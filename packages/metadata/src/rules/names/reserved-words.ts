/**
 * Words that cannot name a table or column without quoting, or a field read in CEL. Objects become
 * tables and fields become columns on SQLite and PostgreSQL, and fields are read as `record.x` in
 * expressions; a name from these lists breaks hand-written SQL, tools that do not quote, and the
 * expression parser. The lists are curated, not exhaustive grammars:
 * - PostgreSQL: the keywords its documentation marks "reserved" or "reserved (can be function or
 *   type)" (Appendix C, SQL Key Words); non-reserved keywords such as `name` or `type` are fine.
 * - SQLite: the keywords its parser has no identifier fallback for, so they fail unquoted.
 * - CEL: the words the CEL grammar refuses after a `.` (`record.in` does not parse).
 */

const postgresReserved = `all analyse analyze and any array as asc asymmetric authorization binary both case
  cast check collate collation column concurrently constraint create cross current_catalog
  current_date current_role current_schema current_time current_timestamp current_user default
  deferrable desc distinct do else end except false fetch for foreign freeze from full grant group
  having ilike in initially inner intersect into is isnull join lateral leading left like limit
  localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing
  primary references returning right select session_user similar some symmetric system_user table
  tablesample then to trailing true union unique user using variadic verbose when where window with`

const sqliteReserved = `add all alter and as autoincrement between case check collate commit constraint
  create default deferrable delete distinct drop else escape except exists foreign from group having
  in index indexed insert intersect into is isnull join limit not nothing notnull null on or order
  primary references returning rollback select set table then to transaction union unique update
  using values when where`

const celReserved = `false in null true`

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0))
}

const lists: readonly (readonly [string, ReadonlySet<string>])[] = [
  ['PostgreSQL', words(postgresReserved)],
  ['SQLite', words(sqliteReserved)],
  ['CEL', words(celReserved)],
]

/**
 * The systems that reserve `name` (compared case-insensitively), in a fixed order; empty when
 * the name is free to use.
 *
 * @example
 *   reservedIn('order')  // → ['PostgreSQL', 'SQLite']
 *   reservedIn('amount') // → []
 */
export function reservedIn(name: string): string[] {
  const word = name.toLowerCase()
  return lists.filter(([, set]) => set.has(word)).map(([system]) => system)
}
