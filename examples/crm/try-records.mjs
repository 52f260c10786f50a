// Opens the example CRM on a throw-away in-memory SQLite database, writes a few records through
// the engine and prints what it computed. Run it from the repository root after `npm ci`:
//
//   node examples/crm/try-records.mjs
import { openApp } from '@objectos/engine'

const app = await openApp({ dir: 'examples/crm', databaseUrl: ':memory:' })
try {
  const acme = await app.records.create('account', { name: 'Acme' })
  const deal = await app.records.create('opportunity', {
    name: 'Big deal',
    account: acme.id,
    amount: 1000,
    probability: 40,
  })
  const line = { opportunity: deal.id, product_name: 'Widget', quantity: 3, unit_price: 100 }
  await app.records.create('opportunity_line_item', line)
  await app.records.create('opportunity_line_item', {
    ...line,
    product_name: 'Gadget',
    discount: 10,
  })

  const stored = await app.records.get('opportunity', String(deal.id))
  console.log(`number:           ${stored?.opportunity_number}`) // autonumber
  console.log(`stage:            ${stored?.stage}`) // the option marked default
  console.log(`expected revenue: ${stored?.expected_revenue}`) // formula: amount × probability
  console.log(`line items total: ${stored?.line_items_total}`) // summary over the line items

  try {
    await app.records.create('opportunity', { name: 'Broken', account: acme.id, amount: -5 })
  } catch (error) {
    console.log(`refused:          ${error.code} ${JSON.stringify(error.errors)}`)
  }

  const { records } = await app.records.find('opportunity', {
    filter: { 'account.name': { $startsWith: 'ac' }, amount: { $gte: 500 } },
    fields: ['name', 'amount'],
    expand: ['account'],
  })
  console.log(`found:            ${records.map((r) => `${r.name} (${r.account.name})`).join(', ')}`)
} finally {
  await app.close()
}
