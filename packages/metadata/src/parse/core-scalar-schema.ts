/**
 * A js-yaml schema that reads plain scalars exactly as the `yaml` package's YAML 1.2 core schema
 * does (its `schema/core/*.js` and `schema/common/null.js`): the same patterns, tried in the same
 * order, converted by the same functions. The fast load (fast-load.ts) relies on it to give the
 * values the `yaml` Document would give; the differential test holds the two to it.
 *
 * Only implicit types are declared, under private tags. An explicit tag in a file (`!!int`,
 * `!!str`, `!!binary`, `!custom`) is then unknown to js-yaml, which throws, and the file takes the
 * composed path, where the tag rules live.
 */
import { Schema, Type } from 'js-yaml'

/**
 * A core type: its `yaml` pattern and conversion, and the characters a match can start with,
 * checked first because most plain scalars in metadata are words that match no pattern.
 */
function coreType(
  name: string,
  starts: string,
  test: RegExp,
  construct: (text: string) => unknown,
): Type {
  return new Type(`tag:objectos.dev,2024:core-${name}`, {
    kind: 'scalar',
    resolve: (data: unknown) =>
      typeof data === 'string' &&
      (data === '' || starts.includes(data[0] as string)) &&
      test.test(data),
    construct: (data: string) => construct(data),
  })
}

const digits = '0123456789'

const coreTypes = [
  coreType('null', '~nN', /^(?:~|[Nn]ull|NULL)?$/, () => null),
  coreType(
    'bool',
    'tTfF',
    /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    (s) => s[0] === 't' || s[0] === 'T',
  ),
  coreType('int-oct', '0', /^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)),
  coreType('int', `-+${digits}`, /^[-+]?[0-9]+$/, (s) => parseInt(s, 10)),
  coreType('int-hex', '0', /^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)),
  coreType('float-nan', '-+.', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) =>
    s.slice(-3).toLowerCase() === 'nan'
      ? NaN
      : s[0] === '-'
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY,
  ),
  coreType(
    'float-exp',
    `-+.${digits}`,
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    parseFloat,
  ),
  coreType('float', `-+.${digits}`, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat),
]

/**
 * @example
 *   load('a: 0x1F', { schema: coreScalarSchema }) // → { a: 31 }
 *   load('a: yes', { schema: coreScalarSchema }) // → { a: 'yes' }
 */
export const coreScalarSchema = new Schema({ implicit: coreTypes, explicit: [] })
