/**
 * The app both contenders work on: an `account` object, a CRM-style `deal` with the field mix
 * a real one has (required text, select with options and a default, currency, percent with
 * bounds, date, lookup, boolean with a default, a stored CEL formula, a CEL validation rule) and
 * an index on the filtered columns, and `deal_line`, the products on a deal, which gives the API
 * benchmark's GraphQL query its third level. The engine creates the tables from this metadata
 * (lookup columns indexed); the hand-written baseline then writes and reads the very same tables.
 * The restricted-user benchmark adds, on request, a permission set for sales reps, a position
 * that binds it, a sharing rule on deals and the indexes the rep's access needs (see `appFiles`).
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

/** The position the benchmark's reps hold; it binds `repPermissionSet`. */
export const repPosition = 'bench_rep'

/** The sharing rule in force for the reps (the condition is the one its YAML holds). */
export const repSharingRule = {
  name: 'partner_priority',
  condition: 'record.is_priority == true && record.lead_source == "partner"',
}

const repPermissionYaml = `# A sales rep: reads every account, and the deals they own (widened by sharing).
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

const repPositionYaml = `# Every sales rep: holding the position gives the rep set.
name: ${repPosition}
label: Sales rep
permissionSets: [${repPermissionSet}]
`

const repSharingYaml = `# Priority deals a partner brought in are worked by the whole team: every rep reads them.
name: ${repSharingRule.name}
object: deal
type: criteria
condition: '${repSharingRule.condition}'
sharedWith: { type: position, value: ${repPosition} }
accessLevel: read
`

/**
 * The indexes a rep's deal list needs, each followed by the list's filter and sort columns: one
 * for the deals they own, one for the deals the sharing rule shares (the fields it compares).
 */
const accessIndexesYaml =
  '  - fields: [owner_id, stage, amount]\n  - fields: [lead_source, is_priority, stage, amount]\n'

/**
 * The app's files as `openApp({ files })` takes them. The defaults are the data and API
 * benchmarks' app; the restricted-user benchmark adds the rep permission set, the position
 * binding it and the sharing rule `partner_priority` (`permissions`), and, to measure what they
 * are worth, indexes on `deal (owner_id, stage, amount)` and
 * `deal (lead_source, is_priority, stage, amount)` (`accessIndexes`).
 *
 * @example
 *   const app = await openApp({ files: appFiles(), databaseUrl: ':memory:' })
 *   appFiles({ permissions: true, accessIndexes: true }) // + permissions/, positions/, sharing/
 */
export function appFiles({ permissions = false, accessIndexes = false } = {}) {
  const deal = accessIndexes
    ? dealYaml.replace('indexes:\n', `indexes:\n${accessIndexesYaml}`)
    : dealYaml
  return [
    { path: 'objectos.yaml', content: 'name: bench_data\nversion: 1.0.0\n' },
    { path: 'objects/account.object.yaml', content: accountYaml },
    { path: 'objects/deal.object.yaml', content: deal },
    { path: 'objects/deal_line.object.yaml', content: dealLineYaml },
    ...(permissions
      ? [
          { path: `permissions/${repPermissionSet}.permission.yaml`, content: repPermissionYaml },
          { path: `positions/${repPosition}.position.yaml`, content: repPositionYaml },
          { path: `sharing/${repSharingRule.name}.sharing.yaml`, content: repSharingYaml },
        ]
      : []),
  ]
}
