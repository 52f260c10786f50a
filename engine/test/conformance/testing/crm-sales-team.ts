/**
 * The sales team and the records the CRM permission suites look at. Every record's name says
 * who owns it, so an expected list reads as a sentence: Rita sees "Rita deal 1" and
 * "Rita deal 2". Amounts are powers of two, so a sum names exactly the rows it added up.
 *
 * Team: admin is an administrator; mia holds sales_manager; rita and ron hold sales_rep and
 * report to mia; otto holds sales_rep in another team (no manager). "Nobody" records have no
 * owner. Record keys are the names; `owner` is a member or undefined.
 */

export type Member = 'admin' | 'mia' | 'rita' | 'ron' | 'otto'

export interface TeamMember {
  readonly name: Member
  readonly sets: readonly string[]
  readonly admin?: boolean
  readonly manager?: Member
}

export const team: readonly TeamMember[] = [
  { name: 'admin', sets: [], admin: true },
  { name: 'mia', sets: ['sales_manager'] },
  { name: 'rita', sets: ['sales_rep'], manager: 'mia' },
  { name: 'ron', sets: ['sales_rep'], manager: 'mia' },
  { name: 'otto', sets: ['sales_rep'] },
]

export const password = 'correct horse battery staple'

export const emailOf = (member: Member): string => `${member}@crm.example.com`

export interface SeedRecord {
  readonly object: string
  /** Unique across the seed: the record's name field (a contact's full name). */
  readonly name: string
  readonly owner: Member | undefined
  /** Field values; a string starting with `@` is the id of the seed record of that name. */
  readonly values: Readonly<Record<string, unknown>>
}

const account = (name: string, owner: Member | undefined, revenue: number): SeedRecord => ({
  object: 'account',
  name,
  owner,
  values: { name, annual_revenue: revenue, industry: 'technology' },
})
const contact = (first: string, owner: Member | undefined, accountName: string): SeedRecord => ({
  object: 'contact',
  name: `${first} Contact`,
  owner,
  values: {
    first_name: first,
    last_name: 'Contact',
    email: `${first.toLowerCase()}.contact@crm.example.com`,
    account: `@${accountName}`,
  },
})
const lead = (name: string, owner: Member | undefined): SeedRecord => ({
  object: 'lead',
  name,
  owner,
  values: { last_name: name, company: `${name} GmbH`, phone: '+49 30 1234567' },
})
const deal = (
  name: string,
  owner: Member | undefined,
  accountName: string,
  amount: number,
  probability: number,
): SeedRecord => ({
  object: 'opportunity',
  name,
  owner,
  values: { name, account: `@${accountName}`, amount, probability, stage: 'proposal' },
})
const item = (name: string, owner: Member | undefined, dealName: string): SeedRecord => ({
  object: 'opportunity_line_item',
  name,
  owner,
  values: { product_name: name, opportunity: `@${dealName}`, unit_price: 10, discount: 5 },
})
const call = (name: string, owner: Member | undefined, dealName: string): SeedRecord => ({
  object: 'activity',
  name,
  owner,
  values: { subject: name, type: 'call', status: 'done', opportunity: `@${dealName}` },
})

/** In creation order: a record is created after the records it points at. */
export const seed: readonly SeedRecord[] = [
  account('Rita Corp', 'rita', 1000),
  account('Ron Corp', 'ron', 2000),
  account('Otto Corp', 'otto', 4000),
  account('Nobody Corp', undefined, 8000),
  contact('Rita', 'rita', 'Rita Corp'),
  contact('Ron', 'ron', 'Ron Corp'),
  contact('Otto', 'otto', 'Otto Corp'),
  contact('Nobody', undefined, 'Nobody Corp'),
  lead('Rita lead', 'rita'),
  lead('Ron lead', 'ron'),
  lead('Otto lead', 'otto'),
  lead('Nobody lead', undefined),
  // Ron's deal is with Rita's account: a child list of Rita Corp holds deals of two owners.
  deal('Rita deal 1', 'rita', 'Rita Corp', 100, 10),
  deal('Rita deal 2', 'rita', 'Rita Corp', 200, 20),
  deal('Ron deal', 'ron', 'Rita Corp', 400, 40),
  deal('Otto deal', 'otto', 'Otto Corp', 800, 80),
  deal('Mia deal', 'mia', 'Nobody Corp', 1600, 60),
  deal('Nobody deal', undefined, 'Nobody Corp', 3200, 30),
  item('Rita item 1', 'rita', 'Rita deal 1'),
  item('Rita item 2', 'rita', 'Rita deal 2'),
  item('Ron item', 'ron', 'Ron deal'),
  item('Otto item', 'otto', 'Otto deal'),
  item('Mia item', 'mia', 'Mia deal'),
  item('Nobody item', undefined, 'Nobody deal'),
  call('Rita call', 'rita', 'Rita deal 1'),
  call('Ron call', 'ron', 'Ron deal'),
  call('Otto call', 'otto', 'Otto deal'),
  call('Mia call', 'mia', 'Mia deal'),
  call('Nobody call', undefined, 'Nobody deal'),
]

/** The CRM objects the suites read, with the field that names a record and the sort by it. */
export const crmObjects = {
  account: 'name',
  contact: 'full_name',
  lead: 'last_name',
  opportunity: 'name',
  opportunity_line_item: 'product_name',
  activity: 'subject',
} as const

export type CrmObject = keyof typeof crmObjects
