/**
 * The CEL environment every ObjectOS expression runs in, before any object's fields are added:
 * standard CEL (cel-js) plus what the platform defines on top. Validation type-checks against it
 * and the engine evaluates with it, so an expression that passes `objectos validate` means the
 * same thing at run time.
 *
 * What ObjectOS adds to standard CEL, and why:
 * - Mixed `int`/`double` arithmetic (`record.amount * 2`): number fields are `double`, and strict
 *   CEL would refuse every integer literal next to them. The result is `double`.
 * - `== null` / `!= null` on every field type: record fields are nullable (an empty field reads
 *   as null), which strict CEL cannot say without wrapper types.
 * - `now()` and `today()` (start of the current UTC day), both timestamps.
 * - `current_user` and its aliases `user`, `os.user` and `ctx.user` (the spec's ADR-0068 names)
 *   as dynamic maps: `current_user.id`, `'admin' in current_user.positions`.
 */
import { Environment } from '@marcbachmann/cel-js'

/** Scalar CEL types a field can have; each gets `== null` and `!= null`. */
const nullableTypes = [
  'string',
  'double',
  'int',
  'bool',
  'google.protobuf.Timestamp',
  'list<string>',
  'list<double>',
] as const

const arithmetic = {
  '+': (a: number, b: number) => a + b,
  '-': (a: number, b: number) => a - b,
  '*': (a: number, b: number) => a * b,
  '/': (a: number, b: number) => a / b,
} as const

let base: Environment | undefined

/**
 * A fresh environment with the platform's functions, operators and user variables; register an
 * object's record type and variables on it. `loose` treats undeclared names as `dyn` (for slots
 * whose variables ObjectOS does not know yet, such as flow variables).
 *
 * @example
 *   const env = createCelEnvironment()
 *   env.check('now() > timestamp("2024-01-01T00:00:00Z")').valid // → true
 */
export function createCelEnvironment(loose = false): Environment {
  base ??= buildBase()
  return base.clone({ unlistedVariablesAreDyn: loose })
}

function buildBase(): Environment {
  const env = new Environment()
  for (const [op, fn] of Object.entries(arithmetic)) {
    env.registerOperator(`double ${op} int: double`, (a: number, b: bigint) => fn(a, Number(b)))
    env.registerOperator(`int ${op} double: double`, (a: bigint, b: number) => fn(Number(a), b))
  }
  for (const type of nullableTypes) {
    env.registerOperator(`${type} == null`, (a: unknown) => a === null || a === undefined)
  }
  env.registerFunction('now(): google.protobuf.Timestamp', () => new Date())
  env.registerFunction('today(): google.protobuf.Timestamp', () => {
    const now = new Date()
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  })
  for (const name of ['current_user', 'user', 'os', 'ctx']) {
    env.registerVariable(name, 'map<string, dyn>')
  }
  return env
}
