/**
 * What operators do to users without the UI — `objectos user create/assign` and the container
 * bootstrap — through the record service, so the metadata's rules, the version and the hooks
 * apply: make a user an administrator, give them a permission set or a position (once; giving it
 * again changes nothing), and check that a permission set or position is defined by the app.
 *
 * @example
 *   await makeAdmin(app.records, user.id)
 *   await assignPermissionSet(app.records, user.id, 'sales_rep')
 */
import type { RecordService } from '../data/record-service.js'
import type { DataContext } from '../data/write/data-context.js'
import type { Registry } from '../registry/registry.js'
import { userObject } from './user-defaults.js'

export const assignmentObject = 'sys_permission_assignment'
export const userPositionObject = 'sys_user_position'

/** Makes a user an administrator; the operator vouches for their address (it counts as verified). */
export async function makeAdmin(
  records: RecordService,
  userId: string,
  context: DataContext,
): Promise<void> {
  await records.update(userObject, userId, { is_admin: true, email_verified: true }, {}, context)
}

/** True when the assignment was made, false when the user already had the set. */
export async function assignPermissionSet(
  records: RecordService,
  userId: string,
  permissionSet: string,
  context: DataContext,
): Promise<boolean> {
  const existing = await records.find(assignmentObject, {
    filter: { assignee: userId, permission_set: permissionSet },
    limit: 1,
  })
  if (existing.records.length > 0) return false
  await records.create(
    assignmentObject,
    { assignee: userId, permission_set: permissionSet },
    context,
  )
  return true
}

/** The permission sets the app defines (`*.permission.yaml`), by name. */
export function permissionSetNames(registry: Registry): ReadonlySet<string> {
  const names = new Set<string>()
  for (const definition of registry.definitions.values()) {
    if (definition.kind === 'permission') names.add(definition.name)
  }
  return names
}

/** True when the user was given the position, false when they already held it. */
export async function assignPosition(
  records: RecordService,
  userId: string,
  position: string,
  context: DataContext,
): Promise<boolean> {
  const existing = await records.find(userPositionObject, {
    filter: { holder: userId, position },
    limit: 1,
  })
  if (existing.records.length > 0) return false
  await records.create(userPositionObject, { holder: userId, position }, context)
  return true
}

/** The positions the app defines (`*.position.yaml`), by name. */
export function positionNames(registry: Registry): ReadonlySet<string> {
  return new Set(registry.positions.keys())
}
