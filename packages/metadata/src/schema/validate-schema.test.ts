import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { parseFile } from '../parse/parse-file.js'
import type { ParsedDocument } from '../parse/parsed-document.js'
import { validateSchema } from './validate-schema.js'

function documentOf(content: string, path = 'objects/invoice.object.yaml'): ParsedDocument {
  const { document, diagnostics } = parseFile({ path, content })
  if (document === undefined)
    throw new Error(`test fixture does not parse: ${diagnostics[0]?.message}`)
  return document
}

const lines = (...rows: string[]) => `${rows.join('\n')}\n`

/** `line:column CODE message (hint)`, the way the CLI prints a diagnostic. */
const show = (d: Diagnostic) =>
  `${d.line}:${d.column} ${d.code} ${d.message}${d.hint === undefined ? '' : ` (${d.hint})`}`

const check = (content: string, path?: string) =>
  validateSchema(documentOf(content, path)).map(show)

describe('validateSchema on an object file', () => {
  const invoice = lines(
    '# Invoices sent to customers.', //  1
    'name: invoice', //                   2
    'label: Invoice', //                  3
    'fields:', //                         4
    '  number:', //                       5
    '    type: autonumber', //            6
    '    lable: Number', //               7
    '  amount:', //                       8
    '    type: currancy', //              9
    '    label: Amount', //              10
    '    precision: two', //             11
    '  notes:', //                       12
    '    label: Notes', //               13
    'validations:', //                   14
    '  - name: positive_amount', //      15
    '    type: script', //               16
    '    message: Amount must be positive.', // 17
    '    condition: record.amount < 0', //      18
    '    field: amount', //              19
  )

  it('reports each mistake once, at its node, with a hint', () => {
    expect(check(invoice)).toEqual([
      '7:5 OOS_SCHEMA_UNKNOWN_KEY unknown key "lable" (did you mean "label"?)',
      '9:11 OOS_SCHEMA_BAD_VALUE "currancy" is not an allowed value here (did you mean "currency"?)',
      '11:16 OOS_SCHEMA_WRONG_TYPE expected a whole number, found a string',
      '13:5 OOS_SCHEMA_MISSING_KEY missing required key "type"',
      '19:5 OOS_SCHEMA_UNKNOWN_KEY unknown key "field"',
    ])
  })

  it('gives each diagnostic the file and the data path', () => {
    const [unknownKey, badValue] = validateSchema(documentOf(invoice))
    expect(unknownKey).toMatchObject({
      file: 'objects/invoice.object.yaml',
      severity: 'error',
      path: ['fields', 'number', 'lable'],
    })
    expect(badValue?.path).toEqual(['fields', 'amount', 'type'])
  })

  it('accepts a valid object and checks nothing twice', () => {
    const valid = lines('name: invoice', 'fields:', '  amount:', '    type: currency')
    expect(check(valid)).toEqual([])
  })

  it('reports a missing top-level key at the root mapping', () => {
    expect(check(lines('# no fields yet', 'name: invoice', 'label: Invoice'))).toEqual([
      '2:1 OOS_SCHEMA_MISSING_KEY missing required key "fields"',
    ])
  })
})

describe('validateSchema on discriminated unions (validation rules by type)', () => {
  const withRule = (...rule: string[]) =>
    lines('name: invoice', 'fields:', '  amount: { type: number }', 'validations:', ...rule)

  it('checks the branch the type selects, and only that branch', () => {
    const text = withRule('  - name: amount_format', '    type: format', '    message: Bad amount.')
    expect(check(text)).toEqual(['5:5 OOS_SCHEMA_MISSING_KEY missing required key "field"'])
  })

  it('suggests the closest type and lists the allowed ones', () => {
    const text = withRule('  - { name: r, type: scrip, message: m, condition: "true" }')
    expect(check(text)).toEqual([
      '5:22 OOS_SCHEMA_BAD_VALUE "scrip" is not an allowed value here (did you mean "script"? allowed: script, state_machine, format, cross_field, json_schema, conditional)',
    ])
  })

  it('reports a missing type at the rule and names the choices', () => {
    const text = withRule('  - name: r', '    message: m')
    expect(check(text)).toEqual([
      '5:5 OOS_SCHEMA_MISSING_KEY missing required key "type" (type is one of: script, state_machine, format, cross_field, json_schema, conditional)',
    ])
  })
})

describe('validateSchema on alternatives (anyOf)', () => {
  const withCreate = (value: string) =>
    lines('name: invoice', 'fields: {}', 'userActions:', `  create: ${value}`)

  it('merges "wrong type in every branch" into one diagnostic', () => {
    expect(check(withCreate('5'))).toEqual([
      '4:11 OOS_SCHEMA_WRONG_TYPE expected a boolean (true or false) or a mapping, found a number',
    ])
  })

  it('reports the errors of the branch the value resembles', () => {
    expect(check(withCreate('{ enabled: yes, visibleWhn: "true" }'))).toEqual([
      '4:22 OOS_SCHEMA_WRONG_TYPE expected a boolean (true or false), found a string ("yes" is text in YAML 1.2, not a boolean: write true)',
      '4:27 OOS_SCHEMA_UNKNOWN_KEY unknown key "visibleWhn" (did you mean "visibleWhen"?)',
    ])
  })

  it('accepts either branch', () => {
    expect(check(withCreate('true'))).toEqual([])
    expect(check(withCreate('{ enabled: false }'))).toEqual([])
  })
})

describe('validateSchema: keys, patterns and ranges', () => {
  it('checks mapping keys against the key pattern, at the key', () => {
    const text = lines('name: invoice', 'fields:', '  Total Amount:', '    type: number')
    expect(check(text)).toEqual([
      '3:3 OOS_SCHEMA_PATTERN key "Total Amount" must be snake_case: lowercase letters, digits and "_", not starting with a digit',
    ])
  })

  it('explains a value pattern in words', () => {
    expect(check(lines('name: crm', 'version: "1.0"'), 'objectos.yaml')).toEqual([
      '2:10 OOS_SCHEMA_PATTERN "1.0" must be a version such as "1.0.0"',
    ])
  })

  it('reports lengths with what was found', () => {
    expect(check(lines('name: c'), 'objectos.yaml')).toEqual([
      '1:7 OOS_SCHEMA_RANGE must be at least 2 characters long, found 1 character',
    ])
  })

  it('reports a number out of range', () => {
    const text = lines(
      'name: invoice',
      'fields: {}',
      'validations:',
      '  - { name: r, type: script, message: m, condition: "true", priority: 10000 }',
    )
    expect(check(text)).toEqual(['4:71 OOS_SCHEMA_RANGE must be at most 9999, found 10000'])
  })
})

describe('validateSchema: file name', () => {
  it('reports a name that differs from the file stem, at the name value', () => {
    const text = lines('# Accounts', 'name: acount', 'fields: {}')
    expect(validateSchema(documentOf(text, 'objects/account.object.yaml'))).toEqual([
      {
        code: 'OOS_FILE_NAME_MISMATCH',
        severity: 'error',
        message: 'file is named "account" but declares name "acount"',
        file: 'objects/account.object.yaml',
        line: 2,
        column: 7,
        path: ['name'],
        hint: 'rename the file to acount.object.yaml, or set name: account',
      },
    ])
  })

  it('checks the name only once the shape is valid', () => {
    const text = lines('name: acount', 'fields: []')
    expect(check(text, 'objects/account.object.yaml')).toEqual([
      '2:9 OOS_SCHEMA_WRONG_TYPE expected a mapping, found a list',
    ])
  })

  it('exempts the manifest, whose file name is fixed', () => {
    expect(check(lines('name: crm', 'label: CRM'), 'objectos.yaml')).toEqual([])
  })
})

describe('validateSchema: keys the spec removed', () => {
  it('reports the key, not its value, with what to write instead', () => {
    const text = lines(
      'name: sales',
      'objects:',
      '  invoice:',
      '    allowRead: true',
      '    allowPurge: true',
    )
    const [removed, ...rest] = validateSchema(documentOf(text, 'permissions/sales.permission.yaml'))
    expect(rest).toEqual([])
    expect(removed).toMatchObject({
      code: 'OOS_SCHEMA_REMOVED_KEY',
      line: 5,
      column: 5,
      path: ['objects', 'invoice', 'allowPurge'],
      message: 'key "allowPurge" is not supported by this version of ObjectOS',
    })
    expect(removed?.hint).toMatch(/^Removed in @objectstack\/spec 17\. Delete the key/)
  })

  it('names the replacement of a renamed key', () => {
    const text = lines(
      'name: invoice',
      'fields:',
      '  due:',
      '    type: date',
      '    conditionalRequired: x',
    )
    expect(check(text)).toEqual([
      '5:5 OOS_SCHEMA_REMOVED_KEY key "conditionalRequired" is not supported by this version of ObjectOS (`conditionalRequired` was removed in @objectstack/spec 17 — use `requiredWhen`. Rename the key; the value (a CEL predicate) is unchanged.)',
    ])
  })
})

describe('validateSchema: one report per place', () => {
  it('reports a mistake inside an anchored node once, though an alias repeats it', () => {
    const text = lines(
      'name: invoice',
      'fields:',
      '  status:',
      '    type: select',
      '    options: &states',
      '      - { label: Open, value: open, colour: blue }',
      '  previous_status:',
      '    type: select',
      '    options: *states',
    )
    expect(check(text)).toEqual([
      '6:37 OOS_SCHEMA_UNKNOWN_KEY unknown key "colour" (did you mean "color"?)',
    ])
  })

  it('reports a fixed-length list that is too long once, as a range', () => {
    const text = lines(
      'name: invoices',
      'object: invoice',
      'list:',
      '  type: map',
      '  columns: [number]',
      '  map:',
      '    center: [1, 2, 3]',
    )
    expect(check(text, 'views/invoices.view.yaml')).toEqual([
      '7:13 OOS_SCHEMA_RANGE must be a list of at most 2 items, found 3 items',
    ])
  })
})

describe('validateSchema: text that reads like a boolean', () => {
  const withRequired = (value: string) =>
    lines('name: invoice', 'fields:', '  number:', '    type: text', `    required: ${value}`)

  it.each([
    ['yes', '"yes" is text in YAML 1.2, not a boolean: write true'],
    ['Off', '"Off" is text in YAML 1.2, not a boolean: write false'],
    ['"true"', '"true" is quoted, so it is text: write true'],
  ])('hints what %s should be', (value, hint) => {
    expect(validateSchema(documentOf(withRequired(value)))).toMatchObject([
      { code: 'OOS_SCHEMA_WRONG_TYPE', hint },
    ])
  })

  it('gives other text no such hint', () => {
    expect(validateSchema(documentOf(withRequired('maybe')))[0]?.hint).toBeUndefined()
  })
})
