/**
 * How metadata names become GraphQL names. Object and field names are snake_case and mostly valid
 * GraphQL names already; the few that are not (a leading `__` is reserved by GraphQL, option
 * values may hold dots or be `true`) are rewritten, and every name is handed out by an allocator
 * so two metadata names that map to the same GraphQL name get distinct, deterministic ones
 * instead of a schema that fails to build.
 *
 * @example
 *   typeNameOf('opportunity_line_item') // 'OpportunityLineItem'
 *   pluralOf('opportunity') // 'opportunities'
 *   enumValueNameOf('v1.2') // 'v1_2'
 */

const validName = /^[_A-Za-z][_0-9A-Za-z]*$/

/** A snake_case metadata name as a GraphQL field name (`__x` is reserved by GraphQL: `_x`). */
export function fieldNameOf(name: string): string {
  const cleaned = name.replace(/[^_0-9A-Za-z]/g, '_')
  const safe = cleaned.startsWith('__') ? cleaned.replace(/^_+/, '_') : cleaned
  return validName.test(safe) ? safe : `_${safe}`
}

/** `opportunity_line_item` → `OpportunityLineItem`. */
export function typeNameOf(name: string): string {
  const pascal = name
    .split(/[^0-9A-Za-z]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
  if (pascal === '') return 'Object'
  return /^[0-9]/.test(pascal) ? `Object${pascal}` : pascal
}

/** An option value as an enum value name: invalid characters become `_`; true/false/null get one. */
export function enumValueNameOf(value: string): string {
  const name = fieldNameOf(value)
  return name === 'true' || name === 'false' || name === 'null' ? `${name}_` : name
}

/** A plain English plural of a snake_case name: the last word takes the ending. */
export function pluralOf(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/.test(name)) return `${name}es`
  return `${name}s`
}

/**
 * Hands out unique names within one scope (the schema's types, one type's fields, one enum's
 * values). The first candidate still free wins; when all are taken the first one gets a number.
 */
export class NameAllocator {
  private readonly taken = new Set<string>()

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name)
  }

  has(name: string): boolean {
    return this.taken.has(name)
  }

  allocate(...candidates: readonly [string, ...string[]]): string {
    for (const candidate of candidates) {
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate)
        return candidate
      }
    }
    const [first] = candidates
    for (let n = 2; ; n++) {
      const numbered = `${first}_${n}`
      if (!this.taken.has(numbered)) {
        this.taken.add(numbered)
        return numbered
      }
    }
  }
}
