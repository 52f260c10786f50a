/**
 * The app both contenders work on: an `account` object, a CRM-style `deal` with the field mix
 * a real one has (required text, select with options and a default, currency, percent with
 * bounds, date, lookup, boolean with a default, a stored CEL formula, a CEL validation rule) and
 * an index on the filtered columns, and `deal_line`, the products on a deal, which gives the API
 * benchmark's GraphQL query its third level. The engine creates the tables from this metadata
 * (lookup columns indexed); the hand-written baseline then writes and reads the very same tables.
 * The restricted-user benchmark adds, on request, a permission set for sales reps and an index
 * on the deal's owner (see `appFiles`).
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

/** The products a `deal_line` names. */
export const products = [
  'Analytics',
  'Backup',
  'CRM seats',
  'Consulting',
  'Hosting',
  'Integration',
  'Monitoring',
  'Onboarding',
  'Storage',
  'Support',
  'Training',
  'VPN',
]

const dealLineYaml = `# One product on a deal: the third level of the API benchmark's GraphQL query.
name: deal_line
label: Deal Line
nameField: product
fields:
  deal:
    type: lookup
    reference: deal
    required: true
    deleteBehavior: cascade
  product:
    type: text
    required: true
    maxLength: 120
  quantity:
    type: number
    required: true
    min: 1
  unit_price:
    type: currency
    required: true
    currencyConfig:
      precision: 2
      defaultCurrency: EUR
`

/** The permission set the restricted-user benchmark (bench/api/restricted.js) gives its reps. */
export const repPermissionSet = 'rep'

const repPermissionYaml = `# A sales rep: reads every account, and only the deals they own.
name: ${repPermissionSet}
label: Rep
objects:
  account:
    allowRead: true
    allowCreate: true
    allowEdit: true
    readScope: org
    writeScope: own
  deal:
    allowRead: true
    allowCreate: true
    allowEdit: true
    readScope: own
    writeScope: own
`

/** The index a rep's deal list needs: their deals of one stage, by amount. */
const ownerIndexYaml = '  - fields: [owner_id, stage, amount]\n'

/**
 * The app's files as `openApp({ files })` takes them. The defaults are the data and API
 * benchmarks' app; the restricted-user benchmark adds the rep permission set (`permissions`)
 * and, to measure what it is worth, an index on `deal (owner_id, stage, amount)` (`ownerIndex`).
 *
 * @example
 *   const app = await openApp({ files: appFiles(), databaseUrl: ':memory:' })
 *   appFiles({ permissions: true, ownerIndex: true }) // + permissions/rep.permission.yaml
 */
export function appFiles({ permissions = false, ownerIndex = false } = {}) {
  const deal = ownerIndex ? dealYaml.replace('indexes:\n', `indexes:\n${ownerIndexYaml}`) : dealYaml
  return [
    { path: 'objectos.yaml', content: 'name: bench_data\nversion: 1.0.0\n' },
    { path: 'objects/account.object.yaml', content: accountYaml },
    { path: 'objects/deal.object.yaml', content: deal },
    { path: 'objects/deal_line.object.yaml', content: dealLineYaml },
    ...(permissions
      ? [{ path: `permissions/${repPermissionSet}.permission.yaml`, content: repPermissionYaml }]
      : []),
  ]
}
