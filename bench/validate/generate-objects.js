/**
 * Generates the benchmark's input: an app of N object files in memory, shaped like real metadata
 * (comments, 10–20 fields of mixed types, select options, a lookup to another generated object, a
 * CEL formula and a validation rule), plus the `objectos.yaml` manifest. Deterministic: the same
 * count always gives the same bytes, so runs compare.
 */

/** Field shapes the generator draws from; each returns the YAML lines of one field body. */
const fieldKinds = [
  () => ['type: text', 'maxLength: 255'],
  () => ['type: textarea'],
  () => ['type: email'],
  () => ['type: phone'],
  () => ['type: url'],
  () => ['type: number', 'min: 0'],
  () => ['type: currency', 'currencyConfig:', '  precision: 2', '  defaultCurrency: EUR'],
  () => ['type: percent', 'min: 0', 'max: 100'],
  () => ['type: date'],
  () => ['type: datetime'],
  () => ['type: boolean', 'defaultValue: false'],
  () => [
    'type: select',
    'options:',
    '  - { label: Draft, value: draft, default: true }',
    '  - { label: Active, value: active }',
    '  - { label: Archived, value: archived }',
  ],
]

const words = ['account', 'budget', 'channel', 'region', 'status', 'score', 'owner_note', 'target']

/** A small seeded PRNG (mulberry32), so the generated app is the same on every run. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `item_0042` */
export function objectName(index) {
  return `item_${String(index).padStart(4, '0')}`
}

/**
 * The YAML text of generated object `index` of `count`. Its lookup points at the previous object
 * (the first points at the last), so every reference resolves.
 */
export function objectYaml(index, count) {
  const next = random(index + 1)
  const name = objectName(index)
  const target = objectName((index + count - 1) % count)
  const fieldCount = 4 + Math.floor(next() * 11) // plus 6 fixed fields: 10–20 in all
  const lines = [
    `# ${name}: a generated object for the validation benchmark.`,
    `name: ${name}`,
    `label: Item ${index}`,
    `description: Generated object number ${index}.`,
    'nameField: title',
    '',
    'fields:',
    '  title:',
    '    type: text',
    '    required: true',
    '    searchable: true',
    '  code:',
    '    type: autonumber',
    `    autonumberFormat: IT${index}-{0000}`,
    '  # A lookup to the previous generated object.',
    '  parent:',
    '    type: lookup',
    `    reference: ${target}`,
    '  quantity:',
    '    type: number',
    '  unit_price:',
    '    type: currency',
  ]
  for (let i = 0; i < fieldCount; i++) {
    const kind = fieldKinds[Math.floor(next() * fieldKinds.length)]
    const word = words[Math.floor(next() * words.length)]
    lines.push(`  ${word}_${i}:`, `    label: ${word.replace('_', ' ')} ${i}`)
    for (const line of kind()) lines.push(`    ${line}`)
  }
  lines.push(
    '  total:',
    '    type: formula',
    '    returnType: number',
    '    expression: record.quantity * record.unit_price',
    '',
    'validations:',
    '  - name: quantity_not_negative',
    '    type: script',
    '    condition: record.quantity < 0',
    '    message: The quantity cannot be negative.',
    '',
  )
  return lines.join('\n')
}

/**
 * The whole app: the manifest first, then `count` object files, as bytes (what the CLI reads).
 *
 * @example
 *   const files = generateApp(1000) // → [{ path: 'objectos.yaml', … }, { path: 'objects/item_0000.object.yaml', … }, …]
 */
export function generateApp(count) {
  const encoder = new TextEncoder()
  const files = [
    { path: 'objectos.yaml', content: encoder.encode('name: bench\nversion: 1.0.0\n') },
  ]
  for (let i = 0; i < count; i++) {
    files.push({
      path: `objects/${objectName(i)}.object.yaml`,
      content: encoder.encode(objectYaml(i, count)),
    })
  }
  return files
}
