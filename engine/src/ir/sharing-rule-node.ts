/**
 * A compiled sharing rule: records of `object` that match `condition` are shared, for reading or
 * for editing, with a recipient. Sharing rules only widen record access — the recipient still
 * needs the object permission from a permission set — and they are compiled into the same SQL
 * predicate as ownership (engine/src/data/access/row-access.ts), never checked afterwards.
 */
import type { RowCondition } from '@objectos/metadata'

/** Who a rule shares with. */
export type ShareRecipient =
  /** One user, by id or by email. */
  | { readonly kind: 'user'; readonly user: string }
  /** The user a lookup field of each matched record names (`account_manager`). */
  | { readonly kind: 'field'; readonly field: string }
  /** Everyone holding a position (role). */
  | { readonly kind: 'position'; readonly position: string }

export interface SharingRuleNode {
  readonly kind: 'sharing_rule'
  readonly name: string
  readonly label: string
  readonly file: string
  readonly object: string
  /** `edit` also grants read. */
  readonly access: 'read' | 'edit'
  readonly recipient: ShareRecipient
  /** Which records the rule shares, lowered from its CEL condition. */
  readonly condition: RowCondition
}
