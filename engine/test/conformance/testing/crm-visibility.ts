/**
 * What each caller of the CRM permission suites must see, object by object, written out by hand
 * from examples/crm/permissions: sales_rep reads every account and contact (readScope: org) but
 * only its own leads, deals and activities (readScope: own); sales_manager sees every record of
 * those objects (viewAllRecords). Line items name no scope in either set, so the object's
 * `private` default applies — own and reports' records: a rep sees their own items, Mia sees
 * hers and those of Rita and Ron, who report to her (not Otto's, not the unowned one). Records
 * do not inherit access from their master (docs/reference/engine-support.md).
 */
import type { CrmObject } from './crm-sales-team.js'

/** Who calls: a member by session cookie, Rita's API key, or nobody. */
export type Caller = 'admin' | 'mia' | 'rita' | 'ron' | 'otto' | 'rita_key' | 'anonymous'

export type Visible = Readonly<Record<CrmObject, readonly string[]>>

const accounts = ['Nobody Corp', 'Otto Corp', 'Rita Corp', 'Ron Corp']
const contacts = ['Nobody Contact', 'Otto Contact', 'Rita Contact', 'Ron Contact']

const rita: Visible = {
  account: accounts,
  contact: contacts,
  lead: ['Rita lead'],
  opportunity: ['Rita deal 1', 'Rita deal 2'],
  opportunity_line_item: ['Rita item 1', 'Rita item 2'],
  activity: ['Rita call'],
}

/** Every caller that is somebody; anonymous is refused before anything is read (401). */
export const visibleTo: Readonly<Record<Exclude<Caller, 'anonymous'>, Visible>> = {
  rita,
  rita_key: rita,
  ron: {
    account: accounts,
    contact: contacts,
    lead: ['Ron lead'],
    opportunity: ['Ron deal'],
    opportunity_line_item: ['Ron item'],
    activity: ['Ron call'],
  },
  otto: {
    account: accounts,
    contact: contacts,
    lead: ['Otto lead'],
    opportunity: ['Otto deal'],
    opportunity_line_item: ['Otto item'],
    activity: ['Otto call'],
  },
  mia: {
    account: accounts,
    contact: contacts,
    lead: ['Nobody lead', 'Otto lead', 'Rita lead', 'Ron lead'],
    opportunity: ['Mia deal', 'Nobody deal', 'Otto deal', 'Rita deal 1', 'Rita deal 2', 'Ron deal'],
    opportunity_line_item: ['Mia item', 'Rita item 1', 'Rita item 2', 'Ron item'],
    activity: ['Mia call', 'Nobody call', 'Otto call', 'Rita call', 'Ron call'],
  },
  admin: {
    account: accounts,
    contact: contacts,
    lead: ['Nobody lead', 'Otto lead', 'Rita lead', 'Ron lead'],
    opportunity: ['Mia deal', 'Nobody deal', 'Otto deal', 'Rita deal 1', 'Rita deal 2', 'Ron deal'],
    opportunity_line_item: [
      'Mia item',
      'Nobody item',
      'Otto item',
      'Rita item 1',
      'Rita item 2',
      'Ron item',
    ],
    activity: ['Mia call', 'Nobody call', 'Otto call', 'Rita call', 'Ron call'],
  },
}

/** The sum of the visible deals' amounts (powers of two: each sum names its rows). */
export const pipelineOf: Readonly<Record<Exclude<Caller, 'anonymous'>, number>> = {
  rita: 100 + 200,
  rita_key: 100 + 200,
  ron: 400,
  otto: 800,
  mia: 100 + 200 + 400 + 800 + 1600 + 3200,
  admin: 100 + 200 + 400 + 800 + 1600 + 3200,
}
