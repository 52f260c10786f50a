/**
 * With `allErrors`, Ajv reports every failing branch of an `anyOf`/`oneOf` and then "must match a
 * schema in anyOf" — a wall of contradictory advice ("must be boolean", "must be object", …). This
 * module keeps only the branch the user most likely meant:
 *
 * 1. a branch whose errors all lie inside the value (the value had the right shape) beats one
 *    that fails on the value itself, which beats one that fails on the value's type;
 * 2. then the branch with the fewest errors; then the first branch.
 *
 * When every branch fails on the type, one merged type error remains ("expected a boolean or a
 * mapping"); when the best branches each only reject the value as a literal, their allowed values
 * are merged into one enumeration. Discriminated unions never get here: Ajv checks only the
 * branch their tag selects.
 */
import type { ErrorObject } from 'ajv/dist/2020.js'

/**
 * The errors with every anyOf/oneOf reduced to its best branch. Input and output are in Ajv order.
 *
 * @example
 *   // value 5 for anyOf [boolean, object]:
 *   collapseAlternatives([typeBoolean, typeObject, anyOfError])
 *   // → [{ keyword: 'type', params: { type: ['boolean', 'object'] }, … }]
 */
export function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = []
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') {
      out.push(error)
      continue
    }
    const block = takeBranchErrors(out, error)
    out.push(...bestBranch(error, block))
  }
  return out
}

/**
 * Removes from the end of `out` the errors the branches of `alternative` produced. Ajv appends a
 * branch's errors right before the anyOf error itself; they sit at or below its instance path and
 * their schema path runs through it. Errors from a referenced schema carry that schema's own path,
 * so any path not belonging to a sibling keyword of the anyOf is taken as a branch error too.
 */
function takeBranchErrors(out: ErrorObject[], alternative: ErrorObject): ErrorObject[] {
  const own = `${alternative.schemaPath}/`
  const parent = alternative.schemaPath.slice(0, alternative.schemaPath.lastIndexOf('/') + 1)
  let start = out.length
  while (start > 0) {
    const error = out[start - 1] as ErrorObject
    if (!isWithin(error.instancePath, alternative.instancePath)) break
    if (!error.schemaPath.startsWith(own) && error.schemaPath.startsWith(parent)) break
    start--
  }
  return out.splice(start)
}

function bestBranch(alternative: ErrorObject, block: readonly ErrorObject[]): ErrorObject[] {
  // A oneOf that fails because several branches match has no branch errors: keep it as it is.
  if (block.length === 0) return [alternative]
  const here = alternative.instancePath
  const branches = groupByBranch(alternative.schemaPath, block).map((errors, order) => ({
    errors,
    order,
    rank: rankOf(errors, here),
  }))
  branches.sort((a, b) => a.rank - b.rank || a.errors.length - b.errors.length || a.order - b.order)
  const best = branches[0] as (typeof branches)[number]

  if (best.rank === Rank.WrongType) {
    const types = branches.flatMap((b) =>
      b.errors.filter((e) => e.keyword === 'type' && e.instancePath === here).flatMap(typesOf),
    )
    return [{ ...alternative, keyword: 'type', params: { type: [...new Set(types)] } }]
  }
  const literals = branches.filter((b) => b.rank === best.rank && isLiteralOnly(b.errors, here))
  if (
    literals.length > 1 &&
    literals.length === branches.filter((b) => b.rank === best.rank).length
  ) {
    const allowedValues = [...new Set(literals.flatMap((b) => allowedOf(b.errors[0])))]
    return [{ ...alternative, keyword: 'enum', params: { allowedValues } }]
  }
  return best.errors
}

/** How far a branch is from the value; lower is closer. */
const Rank = {
  /** Every error is inside the value: it has the right shape. */
  Inside: 0,
  /** The value itself is rejected (a missing key, a wrong literal), but its type fits. */
  AtValue: 1,
  /** The value has the wrong type for this branch. */
  WrongType: 2,
} as const

function rankOf(errors: readonly ErrorObject[], here: string): number {
  if (errors.some((e) => e.instancePath === here && e.keyword === 'type')) return Rank.WrongType
  if (errors.some((e) => e.instancePath === here)) return Rank.AtValue
  return Rank.Inside
}

/** Splits a block by branch index; errors from referenced schemas join the branch before them. */
function groupByBranch(schemaPath: string, block: readonly ErrorObject[]): ErrorObject[][] {
  const prefix = `${schemaPath}/`
  const groups = new Map<string, ErrorObject[]>()
  let current = '?'
  for (const error of block) {
    if (error.schemaPath.startsWith(prefix)) {
      current = error.schemaPath.slice(prefix.length).split('/', 1)[0] as string
    }
    const group = groups.get(current) ?? []
    group.push(error)
    groups.set(current, group)
  }
  return [...groups.values()]
}

function isLiteralOnly(errors: readonly ErrorObject[], here: string): boolean {
  const [only] = errors
  return (
    errors.length === 1 &&
    only !== undefined &&
    only.instancePath === here &&
    (only.keyword === 'const' || only.keyword === 'enum')
  )
}

function allowedOf(error: ErrorObject | undefined): unknown[] {
  if (error === undefined) return []
  const params = error.params as { allowedValue?: unknown; allowedValues?: unknown[] }
  return error.keyword === 'const' ? [params.allowedValue] : (params.allowedValues ?? [])
}

function typesOf(error: ErrorObject): string[] {
  const type = (error.params as { type?: unknown }).type
  if (Array.isArray(type)) return type.map(String)
  return typeof type === 'string' ? type.split(',') : []
}

/** True when `path` is `prefix` or lies below it (`/a/b` is within `/a`, `/ab` is not). */
function isWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`)
}
