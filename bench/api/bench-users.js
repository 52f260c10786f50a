/**
 * The users of the restricted-user benchmark, created through the engine's record service (as
 * the system) in the platform tables every app has: one administrator, and `reps` sales reps
 * who each hold the bench app's rep permission set. Nobody manages anybody, so a rep's "own"
 * records are exactly the ones whose `owner_id` is theirs.
 */
import { repPermissionSet } from '../data/app-metadata.js'

/**
 * Creates the users; returns their ids.
 *
 * @example
 *   const { admin, reps } = await createBenchUsers(app.records, 20)
 *   reps.length // → 20
 */
export async function createBenchUsers(records, reps) {
  const admin = await records.create('sys_user', {
    name: 'Bench Admin',
    email: 'admin@bench.example',
    is_admin: true,
  })
  const repIds = []
  for (let i = 1; i <= reps; i++) {
    const n = String(i).padStart(2, '0')
    const rep = await records.create('sys_user', {
      name: `Bench Rep ${n}`,
      email: `rep${n}@bench.example`,
    })
    await records.create('sys_permission_assignment', {
      assignee: rep.id,
      permission_set: repPermissionSet,
    })
    repIds.push(rep.id)
  }
  return { admin: admin.id, reps: repIds }
}
