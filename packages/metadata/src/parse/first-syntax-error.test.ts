import { describe, expect, it } from 'vitest'
import { parseFile } from './parse-file.js'

/** The diagnostics of an object file, as `line:column CODE message (hint)`. */
const found = (...rows: string[]) =>
  parseFile({
    path: 'objects/account.object.yaml',
    content: `${rows.join('\n')}\n`,
  }).diagnostics.map(
    (d) =>
      `${d.line}:${d.column} ${d.code} ${d.message}${d.hint === undefined ? '' : ` (${d.hint})`}`,
  )

describe('a YAML syntax error', () => {
  it('is reported once, at the first mistake, not again for every line it unsettles', () => {
    const text = [
      'name: account',
      'fields:',
      '  name:',
      '    type: text',
      ' industry:', // one space short
      '    type: select',
      '  email:',
      '    type: email',
    ]
    expect(found(...text)).toEqual([
      '5:1 OOS_YAML_SYNTAX YAML syntax error: All mapping items must start at the same column',
    ])
  })

  it('is reported once for a closing brace too many, whatever follows it', () => {
    const text = [
      'name: account',
      'fields:',
      '  name: { type: text }}',
      '  email:',
      '    type: email',
    ]
    expect(found(...text)).toHaveLength(1)
    expect(found(...text)[0]).toMatch(/^3:23 OOS_YAML_SYNTAX /)
  })
})

describe('an unclosed quote', () => {
  it('is reported at its opening quote, not at the end of the file', () => {
    expect(found('name: account', 'label: "Account', 'fields:', '  name: { type: text }')).toEqual([
      '2:8 OOS_YAML_SYNTAX YAML syntax error: Missing closing "quote (close the value with a matching ")',
    ])
  })

  it('is found for single quotes and inside flow collections', () => {
    expect(found('name: account', "label: 'Account", 'fields: {}')[0]).toMatch(
      /^2:8 OOS_YAML_SYNTAX .*Missing closing 'quote \(close the value with a matching '\)$/,
    )
    expect(found('name: account', 'tags: [a, "b]', 'fields: {}')[0]).toMatch(
      /^2:11 OOS_YAML_SYNTAX .*Missing closing "quote/,
    )
  })
})

describe('a list or mapping written as a key after a sibling key', () => {
  it('is OOS_YAML_COMPLEX_KEY at the key, not the parser\'s "Map comment" error', () => {
    const list = [
      'name: account',
      'fields:',
      '  name: { type: text }',
      '  [a, b]:',
      '    type: text',
    ]
    expect(found(...list)).toEqual([
      '4:3 OOS_YAML_COMPLEX_KEY mapping keys must be plain text, not a list, mapping or alias',
    ])
    const map = ['name: account', 'fields:', '  name: { type: text }', '  {a: 1}: x']
    expect(found(...map)).toEqual([
      '4:3 OOS_YAML_COMPLEX_KEY mapping keys must be plain text, not a list, mapping or alias',
    ])
  })
})

describe('a value holding ": "', () => {
  it('hints that the value must be quoted', () => {
    expect(found('name: account', 'label: Revenue: EUR', 'fields: {}')).toEqual([
      '2:8 OOS_YAML_SYNTAX YAML syntax error: Nested mappings are not allowed in compact mappings (a value that contains ": " must be quoted)',
    ])
  })
})
