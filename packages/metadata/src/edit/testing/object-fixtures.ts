/**
 * Realistic object files for the edit API's round-trip tests: header comments, comments between
 * and after entries, trailing comments, blank lines, quoted and plain scalars, `|` and `>` blocks,
 * flow sequences and mappings, a comment at the end. Kept as exact text: every byte matters.
 */

/** A deal object written by hand, with 2-space indentation and indented lists. */
export const dealObject = `# A deal is an amount you hope to win from an account.
# It moves through the stages of the pipeline.

name: deal
label: Deal  # shown in menus
pluralLabel: "Deals"
description: >
  Deals track revenue in progress, from the first call
  to the signed contract.
icon: 'target'

# Fields, in the order forms show them.
fields:
  name:
    type: text
    label: Deal Name
    required: true

  # The pipeline stage drives the kanban board.
  stage:
    type: select
    label: Stage
    options: # in pipeline order
      - { label: New, value: new, default: true }
      - { label: Won, value: won, color: '#16a34a' }
      - { label: Lost, value: lost }

  amount:
    type: currency # stored in cents
    label: Amount
    min: 0
    # Amounts above this need approval.
    max: 1000000
    # end of amount

  tags:
    type: multiselect
    label: Tags
    options: [hot, cold, 'needs review']

  notes:
    type: textarea
    label: Notes
    defaultValue: |
      Call the buyer.
      Send the quote.

validations:
  # Never negative.
  - name: amount_positive
    condition: record.amount < 0
    message: The amount cannot be negative.

  - name: won_needs_amount # checked on save
    condition: "record.stage == 'won' && !has(record.amount)"
    message: A won deal needs an amount.

# Keep this file sorted by pipeline order.
`

/** A small object indented by 4 spaces with unindented lists and no final newline. */
export const wideObject = `name: ticket   # support ticket
fields:
    subject:
        type: text
        label: Subject
    priority:
        type: select
        options:
        - low
        - high
    # Who owns it.
    owner:
        type: lookup
        reference: user
indexes: []`

/**
 * Less common layouts: a `---` marker, unindented lists, quoted keys, empty values, aligned
 * values, a flow mapping over several lines, comments between list items and after values.
 */
export const unusualObject = `---
# Imported from the legacy system.
name:        account
"label":     Account
'plural label': Accounts
description:
fields:
  code:
    type: text
    # kept for the import
    unique: true
  "region name": { type: select, options: [north, south],
    required: false }
  parents:
  - account
  # the second parent is optional
  - holding

  - - nested
    - list
views: [ all, mine ]
empty_map: {}
empty_list: []
`

/** The deal object re-indented to 4 spaces (lists indented under their key). */
export const dealObjectFourSpaces = dealObject
  .replace(/^ +/gm, (indent) => indent + indent)
  .replace(/^ {8}(condition|message)/gm, '      $1')
