/**
 * A compiled position (the spec's name for a role): a named group of users that permission sets
 * are bound to in metadata. Users hold positions through `sys_user_position` records; sharing
 * rules and row-level policies can name positions too.
 */

export interface PositionNode {
  readonly kind: 'position'
  readonly name: string
  readonly label: string
  readonly file: string
  /** The permission sets everyone holding this position holds. */
  readonly permissionSets: readonly string[]
}

/** The position every signed-in user holds; sets with `isDefault: true` are bound to it. */
export const everyonePosition = 'everyone'
