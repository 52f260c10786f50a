/**
 * The app both contenders work on: an `account` object and a CRM-style `deal` with the field mix
 * a real one has (required text, select with options and a default, currency, percent with
 * bounds, date, lookup, boolean with a default, a stored CEL formula, a CEL validation rule) and
 * an index on the filtered columns. The engine creates the tables from this metadata; the
 * hand-written baseline then writes and reads the very same tables.
 */

/** The pipeline stages of `deal.stage`, in order; the first is the default. */
export const stages = [
  'prospecting',
  'qualification',
  'proposal',
  'negotiation',
  'closed_won',
  'closed_lost',
]

/** Where a deal came from: the optional select of `deal.lead_source`. */
export const leadSources = ['website', 'referral', 'trade_show', 'cold_call', 'partner']

const accountYaml = `name: account
label: Account
nameField: name
fields:
  name:
    type: text
    required: true
    maxLength: 120
  industry:
    type: select
    options:
      - { label: Technology, value: technology }
      - { label: Retail, value: retail }
      - { label: Finance, value: finance }
`

const dealYaml = `# A deal: the object the data benchmark writes and lists.
name: deal
label: Deal
nameField: name
fields:
  name:
    type: text
    required: true
    maxLength: 120
  stage:
    type: select
    required: true
    options:
${stages.map((s, i) => `      - { label: ${s}, value: ${s}${i === 0 ? ', default: true' : ''} }`).join('\n')}
  amount:
    type: currency
    currencyConfig:
      precision: 2
      defaultCurrency: EUR
  probability:
    type: percent
    min: 0
    max: 100
  expected_revenue:
    type: formula
    returnType: number
    expression: record.amount * record.probability / 100.0
  close_date:
    type: date
  account:
    type: lookup
    reference: account
  is_priority:
    type: boolean
    defaultValue: false
  lead_source:
    type: select
    options:
${leadSources.map((s) => `      - { label: ${s}, value: ${s} }`).join('\n')}
  next_step:
    type: text
    maxLength: 255
indexes:
  - fields: [stage, amount]
validations:
  - name: amount_not_negative
    type: script
    condition: record.amount < 0
    message: The amount cannot be negative.
`

/**
 * The app's files as `openApp({ files })` takes them.
 *
 * @example
 *   const app = await openApp({ files: appFiles(), databaseUrl: ':memory:' })
 */
export function appFiles() {
  return [
    { path: 'objectos.yaml', content: 'name: bench_data\nversion: 1.0.0\n' },
    { path: 'objects/account.object.yaml', content: accountYaml },
    { path: 'objects/deal.object.yaml', content: dealYaml },
  ]
}
